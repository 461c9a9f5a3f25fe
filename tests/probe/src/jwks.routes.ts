import { defineRoute, z, type AnyRoute } from '@pos/platform';

/** A JWKS the tests set and then fetch through a sidecar, the way services fetch the user
 * service's: it proves what the token verifier trusts after the issuer's keys change, and how
 * often it fetches them. */
export function testJwksRoutes(): AnyRoute[] {
  let keys: Record<string, unknown>[] = [];
  let fetches = 0;
  return [
    defineRoute({
      method: 'get', path: '/.well-known/jwks.json', summary: 'The test key set, counting each fetch',
      responses: { 200: { description: 'the keys' } },
      handle: async () => {
        fetches += 1;
        return { body: { keys } };
      },
    }),
    defineRoute({
      method: 'put', path: '/test-jwks', summary: 'Replace the published test key set',
      body: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }),
      responses: { 204: { description: 'published' } },
      handle: async ({ body }) => {
        keys = body.keys;
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'get', path: '/test-jwks', summary: 'How many times the test key set was fetched',
      responses: { 200: { description: 'the count', schema: z.object({ fetches: z.number() }) } },
      handle: async () => ({ body: { fetches } }),
    }),
  ];
}
