import type Koa from 'koa';
import getRawBody from 'raw-body';

/** A route whose body is text of one media type (e.g. `text/csv`) rather than JSON. */
export interface TextBody {
  mediaType: string;
  maxBytes: number;
}

/** Reads the raw body as UTF-8 text: '' when there is none, 415 for another media type, 413
 * over the limit (these carry a 4xx status, which the error middleware turns into the JSON shape). */
export async function readTextBody(ctx: Koa.Context, expected: TextBody): Promise<string> {
  const matches = ctx.is(expected.mediaType);
  if (matches === null) return '';
  if (matches === false) ctx.throw(415, `send the body as ${expected.mediaType}`);
  return getRawBody(ctx.req, { limit: expected.maxBytes, length: ctx.get('content-length') || undefined, encoding: 'utf-8' });
}
