import type Koa from 'koa';
import type { z } from 'zod';
import type { Principal, Role } from '../auth/token-verifier.ts';
import { UnauthorizedError } from '../errors/app-errors.ts';
import type { TextBody } from './text-body.ts';

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
  /** The verified caller; set on secured routes only. */
  principal?: Principal;
}

/** Who may call a secured route: anyone with a valid token, or only these roles. */
export type AuthRule = 'any-role' | readonly Role[];

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
  /** Takes the body as text of this media type (then `body` validates the string), not JSON. */
  textBody?: TextBody;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  auth?: AuthRule;
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

export interface SecuredRoute<Params extends z.ZodType, Query extends z.ZodType, Body extends z.ZodType>
  extends Omit<Route<Params, Query, Body>, 'auth' | 'handle'> {
  roles: AuthRule;
  handle: (input: RouteInput<z.infer<Params>, z.infer<Query>, z.infer<Body>> & { principal: Principal }) => Promise<Reply>;
}

/** A route that needs a valid access token (and, if given, one of the roles); its handler
 * gets the verified principal. */
export function securedRoute<
  Params extends z.ZodType = z.ZodUnknown,
  Query extends z.ZodType = z.ZodUnknown,
  Body extends z.ZodType = z.ZodUnknown,
>(route: SecuredRoute<Params, Query, Body>): AnyRoute {
  const { roles, handle, ...rest } = route;
  return {
    ...rest,
    auth: roles,
    handle: async (input) => {
      if (!input.principal) throw new UnauthorizedError();
      return handle({ ...input, principal: input.principal });
    },
  };
}
