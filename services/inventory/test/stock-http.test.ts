// The stock HTTP API: token-verified, role-checked, with the ledger explaining every change.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request } from '@pos/platform/testing';
import { service } from '../../../tests/support/stack.ts';
import type { ReserveReply } from '../src/grpc/contract.ts';
import { INVENTORY_API, adminToken, inventoryClient, newProduct, ok, unreconciledProducts } from './support.ts';

const api = <T = Record<string, unknown>>(method: string, path: string, token?: string, body?: unknown) =>
  request<T>(method, `${INVENTORY_API}${path}`, { ...(token && { token }), ...(body !== undefined && { body }) });

/** A new account with the role, logged in at the user service. */
async function tokenOf(role: 'cashier' | 'manager'): Promise<string> {
  const users = service('user').url;
  const email = `${role}-${randomUUID()}@shop.test`;
  const password = `pw-${randomUUID()}`;
  const created = await request('POST', `${users}/users`, { token: await adminToken(), body: { name: 'Staff', email, role, password } });
  assert.equal(created.status, 201);
  return (await request<{ accessToken: string }>('POST', `${users}/auth/login`, { body: { email, password } })).body.accessToken;
}

describe('inventory stock over HTTP', function () {
  this.timeout(60_000);
  let cashier: string;
  let manager: string;
  before(async () => { [cashier, manager] = [await tokenOf('cashier'), await tokenOf('manager')]; });
  afterEach(async () => assert.deepEqual(await unreconciledProducts(), [], 'the ledger must explain every stock'));

  it('a cashier reads stock but an adjustment by a cashier is refused with 403, and without a token with 401', async () => {
    const product = await newProduct(4);
    assert.equal((await api('GET', `/stock/${product}`, cashier)).body.available, 4);
    assert.equal((await api('POST', `/stock/${product}/adjustments`, cashier, { kind: 'received', quantity: 1, reason: 'x' })).status, 403);
    assert.equal((await api('GET', `/stock/${product}`)).status, 401);
  });

  it('an adjustment for a product inventory does not know is refused with 404', async () => {
    const reply = await api('POST', `/stock/p-${randomUUID()}/adjustments`, manager, { kind: 'received', quantity: 1, reason: 'delivery' });
    assert.deepEqual([reply.status, (reply.body.error as { code: string }).code], [404, 'INVENTORY.PRODUCT_UNKNOWN']);
  });

  it('a count below what is reserved is refused with 409 and changes nothing', async () => {
    const product = await newProduct(5);
    const grpc = inventoryClient();
    await ok(grpc.call<ReserveReply>('reserve', { orderId: `o-${randomUUID()}`, lines: [{ productId: product, quantity: 3 }], ttlSeconds: 60 }));
    grpc.close();
    const reply = await api('POST', `/stock/${product}/adjustments`, manager, { kind: 'count', quantity: 2, reason: 'stocktake' });
    assert.deepEqual([reply.status, (reply.body.error as { code: string }).code], [409, 'INVENTORY.BELOW_RESERVED']);
    assert.deepEqual((await api('GET', `/stock/${product}`, manager)).body.onHand, 5);
  });

  it('received, count, damage and loss each leave one ledger line with who, why and before/after, paged oldest first', async () => {
    const product = await newProduct();
    for (const [kind, quantity, reason] of [['received', 10, 'PO-1'], ['count', 8, 'stocktake'], ['damage', 1, 'dropped'], ['loss', 2, 'theft']] as const) {
      assert.equal((await api('POST', `/stock/${product}/adjustments`, manager, { kind, quantity, reason })).status, 201);
    }
    const first = await api<{ items: Record<string, unknown>[]; next: number | null }>('GET', `/stock/${product}/ledger?limit=3`, cashier);
    assert.deepEqual(first.body.items.map((line) => [line.change, line.reason, line.onHandBefore, line.onHandAfter]),
      [['received', 'PO-1', 0, 10], ['count', 'stocktake', 10, 8], ['damage', 'dropped', 8, 7]]);
    assert.ok(first.body.items.every((line) => typeof line.actor === 'string' && typeof line.adjustmentId === 'string'));
    const rest = await api<{ items: Record<string, unknown>[]; next: number | null }>('GET', `/stock/${product}/ledger?limit=3&after=${first.body.next}`, cashier);
    assert.deepEqual(rest.body.items.map((line) => [line.change, line.onHandAfter]), [['loss', 5]]);
    assert.equal(rest.body.next, null);
  });

  it('the low-stock list holds the products whose available stock is below their reorder level, and only those', async () => {
    const [low, fine] = [await newProduct(2), await newProduct(9)];
    for (const product of [low, fine]) assert.equal((await api('PUT', `/stock/${product}/reorder-level`, manager, { level: 5 })).status, 204);
    const listed = (await api<{ items: { productId: string }[] }>('GET', '/stock/low?limit=200', cashier)).body.items.map((item) => item.productId);
    assert.ok(listed.includes(low));
    assert.ok(!listed.includes(fine));
  });

  it('the stock of several products comes in one call, unknown ids left out', async () => {
    const [a, b] = [await newProduct(1), await newProduct(2)];
    const reply = await api<{ items: { productId: string; available: number }[] }>('GET', `/stock?ids=${a},p-${randomUUID()},${b}`, cashier);
    assert.deepEqual(reply.body.items.map((item) => [item.productId, item.available]), [[a, 1], [b, 2]]);
  });
});
