// PostgreSQL stopped under the three apps that keep their data there (user, inventory, order):
// each edge answers 503 DEPENDENCY.UNAVAILABLE, HTTP and gRPC alike, within a bound, never
// 500; once it is back they answer again without a restart. PostgreSQL is started again in an
// `after`, whatever the assertions found.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { eventually, request } from '@pos/platform/testing';
import { adminToken, failed, inventoryClient } from '../../services/inventory/test/support.ts';
import { service } from '../support/stack.ts';
import { startInfra, stopServer } from '../support/servers.ts';

const errorCodeOf = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

describe('PostgreSQL stopped under user, inventory and order', function () {
  this.timeout(120_000);
  after(function () {
    this.timeout(120_000);
    startInfra();
  });

  it('every edge answers 503 while it is down, and answers again once it is back', async () => {
    const token = await adminToken();
    const calls = {
      'user GET /me': () => request('GET', `${service('user').url}/me`, { token }),
      'user POST /auth/login': () => request('POST', `${service('user').url}/auth/login`, { body: { email: 'nobody@example.com', password: 'not the password' } }),
      'inventory GET /stock/:id': () => request('GET', `${service('inventory').url}/stock/${randomUUID()}`, { token }),
      'order GET /orders/:id': () => request('GET', `${service('order').url}/orders/${randomUUID()}`, { token }),
    };
    const statuses = async () => Object.fromEntries(await Promise.all(Object.entries(calls).map(async ([name, call]) => {
      const reply = await call();
      return [name, reply.status >= 500 ? `${reply.status} ${errorCodeOf(reply.body)}` : reply.status];
    })));
    const up = { 'user GET /me': 200, 'user POST /auth/login': 401, 'inventory GET /stock/:id': 404, 'order GET /orders/:id': 404 };
    assert.deepEqual(await statuses(), up);

    stopServer('postgres');
    const unavailable = '503 DEPENDENCY.UNAVAILABLE';
    assert.deepEqual(await statuses(), Object.fromEntries(Object.keys(calls).map((name) => [name, unavailable])));
    const stock = inventoryClient('probe-a');
    try {
      const failure = await failed(stock.call('getStock', { productIds: [randomUUID()] }));
      // The sidecar retries UNAVAILABLE (components/resiliency.yaml) and joins the code trailer of each try.
      assert.deepEqual([failure.status, [...new Set(failure.code.split(', '))]], [grpc.status.UNAVAILABLE, ['DEPENDENCY.UNAVAILABLE']]);
    } finally {
      stock.close();
    }

    startInfra();
    await eventually(async () => assert.deepEqual(await statuses(), up), { timeoutMs: 30_000 });
  });
});
