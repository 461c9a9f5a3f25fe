// Where a till is in the catalogue's changes (GET /catalogue/changes): the concrete index it
// read and the sort values, (sequence number, id), of the last document it got. The till keeps
// it as an opaque string and sends it back; this module is the only one that reads it.

export interface FeedPosition {
  /** The concrete index behind the alias when the position was given. */
  index: string;
  /** The last document's sort values; absent at the start of the index. */
  after?: [seqNo: number, id: string];
}

export const encodePosition = (position: FeedPosition): string =>
  Buffer.from(JSON.stringify(position.after ? [position.index, ...position.after] : [position.index])).toString('base64url');

const isIndexName = (value: unknown): value is string => typeof value === 'string' && /^[a-z0-9][a-z0-9._-]{0,254}$/.test(value);

/** The position a cursor names, or undefined for a string this service never gave. */
export function decodePosition(cursor: string): FeedPosition | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || !isIndexName(parsed[0])) return undefined;
  if (parsed.length === 1) return { index: parsed[0] };
  const [index, seqNo, id] = parsed as [string, unknown, unknown];
  if (parsed.length !== 3 || !Number.isSafeInteger(seqNo) || (seqNo as number) < 0 || typeof id !== 'string' || id.length > 200) return undefined;
  return { index, after: [seqNo as number, id] };
}
