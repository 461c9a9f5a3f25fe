import type Koa from 'koa';
import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Reply {
  status?: number;
  body?: unknown;
}

export interface RouteInput<Params, Query, Body> {
  params: Params;
  query: Query;
  body: Body;
  ctx: Koa.Context;
}

/** One HTTP operation: the router, the validation and the OpenAPI document all come from this. */
export interface Route<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** koa-style: `/users/:id`. */
  path: string;
  summary: string;
  params?: Params;
  query?: Query;
  body?: Body;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handle: (input: RouteInput<z.infer<Params>, z.infer<Query>, z.infer<Body>>) => Promise<Reply>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of routes has many input types
export type AnyRoute = Route<any, any, any>;

/** Keeps the input types of one route, so its handler is checked against its schemas. */
export function defineRoute<
  Params extends z.ZodType = z.ZodUnknown,
  Query extends z.ZodType = z.ZodUnknown,
  Body extends z.ZodType = z.ZodUnknown,
>(route: Route<Params, Query, Body>): AnyRoute {
  return route;
}
