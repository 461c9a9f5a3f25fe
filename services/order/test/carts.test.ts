// Carts in the Dapr state store: owned by their cashier, edited with ETags, kept for a while.
import assert from 'node:assert/strict';
import { createPool } from '@pos/platform';
import { localSecret } from '@pos/platform/testing';
import { call, errorOf, newProduct, newTill, stockOf, tokenOf } from './support.ts';

type CartBody = { id: string; lines: { productId: string; quantity: number }[]; total: number; taxes: { base: number; tax: number }[] };
const etagOf = (reply: { headers: Headers }) => reply.headers.get('etag') ?? '';

async function openCart(token: string) {
  const reply = await call<CartBody>('POST', '/carts', { token, body: newTill() });
  assert.equal(reply.status, 201, JSON.stringify(reply.body));
  return reply;
}

describe('carts', () => {
  it('lines added and changed show priced totals, and the cart checks out into an order with those lines', async () => {
    const cashier = await tokenOf('cashier');
    const tea = await newProduct({ price: 4_000, onHand: 10 });
    const opened = await openCart(cashier);
    const id = opened.body.id;
    const added = await call<CartBody>('PUT', `/carts/${id}/lines/${tea.id}`, { token: cashier, body: { quantity: 2 }, headers: { 'if-match': etagOf(opened) } });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    const changed = await call<CartBody>('PUT', `/carts/${id}/lines/${tea.id}`, { token: cashier, body: { quantity: 3 }, headers: { 'if-match': etagOf(added) } });
    assert.deepEqual([changed.body.total, changed.body.taxes.reduce((sum, t) => sum + t.base + t.tax, 0)], [12_000, 12_000]);
    const order = await call('POST', '/orders', { token: cashier, body: { ...newTill(), cartId: id } });
    assert.equal(order.status, 201, JSON.stringify(order.body));
    assert.equal(order.body.total, 12_000);
    assert.equal((await stockOf(tea.id))?.reserved, 3);
    assert.equal((await call('GET', `/carts/${id}`, { token: cashier })).status, 404, 'a cart checked out is gone');
  });

  it('two tills editing one cart with the same ETag: one wins, the other gets 409, and the winner\'s line is kept', async () => {
    const cashier = await tokenOf('cashier');
    const [a, b] = [await newProduct({ onHand: 1 }), await newProduct({ onHand: 1 })];
    const opened = await openCart(cashier);
    const edits = await Promise.all([a, b].map((product) =>
      call('PUT', `/carts/${opened.body.id}/lines/${product.id}`, { token: cashier, body: { quantity: 1 }, headers: { 'if-match': etagOf(opened) } })));
    assert.deepEqual(edits.map((edit) => edit.status).sort(), [200, 409]);
    assert.equal(errorOf(edits.find((edit) => edit.status === 409)?.body).code, 'STATE.CONFLICT');
    const winner = edits.findIndex((edit) => edit.status === 200);
    const now = await call<CartBody>('GET', `/carts/${opened.body.id}`, { token: cashier });
    assert.deepEqual(now.body.lines.map((line) => line.productId), [[a, b][winner]?.id]);
  });

  it('a change without If-Match is refused, another cashier gets 403, a manager sees the cart, an unknown product is 422', async () => {
    const cashier = await tokenOf('cashier');
    const opened = await openCart(cashier);
    const path = `/carts/${opened.body.id}`;
    const noEtag = await call('PUT', `${path}/lines/x`, { token: cashier, body: { quantity: 1 } });
    assert.deepEqual([noEtag.status, errorOf(noEtag.body).code], [400, 'ORDER.ETAG_REQUIRED']);
    assert.equal((await call('GET', path, { token: await tokenOf('cashier', 'other') })).status, 403);
    const seen = await call<CartBody>('GET', path, { token: await tokenOf('manager') });
    assert.deepEqual([seen.status, seen.body.id], [200, opened.body.id]);
    const unknown = await call('PUT', `${path}/lines/no-such-product`, { token: cashier, body: { quantity: 1 }, headers: { 'if-match': etagOf(opened) } });
    assert.deepEqual([unknown.status, errorOf(unknown.body).code], [422, 'ORDER.PRODUCT_UNKNOWN']);
  });

  it('a cart is kept with a TTL in the state store, so an abandoned one goes away by itself', async () => {
    const opened = await openCart(await tokenOf('cashier'));
    const state = createPool(localSecret('state-db-url'), { test: true });
    try {
      const { rows } = await state.query("SELECT expiredate > now() + interval '1 hour' AS later FROM dapr_state WHERE key = $1", [`order||cart:${opened.body.id}`]);
      assert.deepEqual(rows, [{ later: true }]);
    } finally {
      await state.end();
    }
  });
});
