// One case per 4xx answer of each route: the status, the code, and for bad input the field.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { asAdmin, call, newUser } from './support.ts';

interface Case {
  route: string;
  method: string;
  path: string | ((ids: { other: string }) => string);
  as?: 'admin' | 'cashier' | 'nobody';
  body?: unknown;
  status: number;
  code: string;
  fields?: string[];
}

const nobody = randomUUID();
const cases: Case[] = [
  { route: 'POST /auth/login', method: 'POST', path: '/auth/login', as: 'nobody', body: {}, status: 400, code: 'REQUEST.INVALID', fields: ['body.email', 'body.password'] },
  { route: 'POST /auth/refresh', method: 'POST', path: '/auth/refresh', as: 'nobody', body: {}, status: 400, code: 'REQUEST.INVALID', fields: ['body.refreshToken'] },
  { route: 'POST /auth/logout', method: 'POST', path: '/auth/logout', as: 'nobody', status: 401, code: 'AUTH.UNAUTHORIZED' },
  { route: 'GET /me', method: 'GET', path: '/me', as: 'nobody', status: 401, code: 'AUTH.UNAUTHORIZED' },
  { route: 'PATCH /me', method: 'PATCH', path: '/me', as: 'cashier', body: { name: '' }, status: 400, code: 'REQUEST.INVALID', fields: ['body.name'] },
  { route: 'POST /me/password', method: 'POST', path: '/me/password', as: 'cashier', body: { newPassword: 'long enough secret' }, status: 400, code: 'REQUEST.INVALID', fields: ['body.currentPassword'] },
  { route: 'POST /users', method: 'POST', path: '/users', as: 'cashier', body: {}, status: 403, code: 'AUTH.FORBIDDEN' },
  { route: 'GET /users', method: 'GET', path: '/users?offset=-1', as: 'admin', status: 400, code: 'REQUEST.INVALID', fields: ['query.offset'] },
  { route: 'GET /users/{id}', method: 'GET', path: `/users/${nobody}`, as: 'admin', status: 404, code: 'USER.NOT_FOUND' },
  { route: 'PATCH /users/{id}', method: 'PATCH', path: `/users/${nobody}`, as: 'admin', body: { name: 'Ghost' }, status: 404, code: 'USER.NOT_FOUND' },
  { route: 'PATCH /users/{id}', method: 'PATCH', path: ({ other }) => `/users/${other}`, as: 'admin', body: { name: 'x'.repeat(101) }, status: 400, code: 'REQUEST.INVALID', fields: ['body.name'] },
  { route: 'PATCH /users/{id}', method: 'PATCH', path: ({ other }) => `/users/${other}`, as: 'cashier', body: { name: 'Nope' }, status: 403, code: 'AUTH.FORBIDDEN' },
  { route: 'PUT /users/{id}/role', method: 'PUT', path: `/users/${nobody}/role`, as: 'admin', body: { role: 'manager' }, status: 404, code: 'USER.NOT_FOUND' },
  { route: 'PUT /users/{id}/role', method: 'PUT', path: ({ other }) => `/users/${other}/role`, as: 'admin', body: {}, status: 400, code: 'REQUEST.INVALID', fields: ['body.role'] },
  { route: 'POST /users/{id}/deactivate', method: 'POST', path: `/users/${nobody}/deactivate`, as: 'admin', status: 404, code: 'USER.NOT_FOUND' },
  { route: 'POST /users/{id}/deactivate', method: 'POST', path: '/users/42/deactivate', as: 'admin', status: 400, code: 'REQUEST.INVALID', fields: ['params.id'] },
  { route: 'any route', method: 'POST', path: '/users', as: 'admin', body: '{not json', status: 400, code: 'REQUEST.MALFORMED' },
];

describe('bad requests to the user service', () => {
  let tokens: Record<'admin' | 'cashier', string>;
  let other: string;
  before(async () => {
    const cashier = await newUser('cashier');
    tokens = { admin: (await asAdmin()).accessToken, cashier: cashier.accessToken };
    other = (await newUser()).user.id;
  });

  for (const c of cases) {
    it(`${c.route} answers ${c.status} ${c.code}${c.fields ? ` naming ${c.fields.join(', ')}` : ''}`, async () => {
      const path = typeof c.path === 'function' ? c.path({ other }) : c.path;
      const token = c.as && c.as !== 'nobody' ? tokens[c.as] : undefined;
      const reply = typeof c.body === 'string'
        ? await call(c.method, path, { token, rawBody: c.body })
        : await call(c.method, path, { token, body: c.body });
      const error = (reply.body as { error: { code: string; details?: { field: string }[] } }).error;
      assert.equal(reply.status, c.status, JSON.stringify(reply.body));
      assert.equal(error.code, c.code);
      if (c.fields) assert.deepEqual(error.details?.map((d) => d.field).sort(), c.fields);
    });
  }
});
