// Reserve, Commit and Release as the order service calls them: through its own sidecar to
// inventory's, with dapr-app-id; GetStock as the tests' own caller (probe-a) does.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { findOnTopic } from '@pos/platform/testing';
import type { GetStockReply, ReserveReply, CommitReply, ReleaseReply } from '../src/grpc/contract.ts';
import { failed, inventoryClient, newProduct, ok, receive, stockOf, unreconciledProducts } from './support.ts';

const orderId = () => `o-${randomUUID()}`;

describe('inventory reservations over gRPC through both sidecars', function () {
  this.timeout(120_000);
  const inventory = inventoryClient();
  after(() => inventory.close());
  afterEach(async () => assert.deepEqual(await unreconciledProducts(), [], 'the ledger must explain every stock'));

  const reserve = (order: string, lines: { productId: string; quantity: number }[], ttlSeconds = 0) =>
    inventory.call<ReserveReply>('reserve', { orderId: order, lines, ttlSeconds });
  const commit = (order: string) => inventory.call<CommitReply>('commit', { orderId: order });
  const release = (order: string) => inventory.call<ReleaseReply>('release', { orderId: order });

  it('when 500 callers race for 50 units, exactly 50 are reserved and every other caller is told the product is short by 1', async () => {
    const product = await newProduct(50);
    const outcomes = await Promise.all(Array.from({ length: 500 }, () => reserve(orderId(), [{ productId: product, quantity: 1 }])));
    const held = outcomes.filter((outcome) => outcome.ok);
    const refused = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure]));
    assert.equal(held.length, 50);
    assert.equal(refused.length, 450);
    for (const failure of refused) {
      assert.deepEqual(failure, {
        status: grpc.status.ABORTED, code: 'INVENTORY.SHORTAGE',
        shortages: [{ productId: product, requested: 1, available: 0, short: 1 }],
      });
    }
    assert.deepEqual(await stockOf(product), { productId: product, onHand: 50, reserved: 50, available: 0, version: '51' });
  });

  it('a reservation that cannot hold every line holds none, and the shortage names only the short product and by how much', async () => {
    const [plenty, scarce] = [await newProduct(10), await newProduct(2)];
    const failure = await failed(reserve(orderId(), [{ productId: plenty, quantity: 5 }, { productId: scarce, quantity: 3 }]));
    assert.equal(failure.code, 'INVENTORY.SHORTAGE');
    assert.deepEqual(failure.shortages, [{ productId: scarce, requested: 3, available: 2, short: 1 }]);
    assert.equal((await stockOf(plenty))?.reserved, 0);
    assert.equal((await stockOf(scarce))?.reserved, 0);
  });

  it('reservations naming the same products in opposite orders, racing, all succeed without a deadlock', async () => {
    const [a, b] = [await newProduct(100), await newProduct(100)];
    const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) =>
      reserve(orderId(), i % 2 ? [{ productId: a, quantity: 1 }, { productId: b, quantity: 1 }] : [{ productId: b, quantity: 1 }, { productId: a, quantity: 1 }])));
    assert.deepEqual(outcomes.filter((outcome) => !outcome.ok), []);
    assert.equal((await stockOf(a))?.reserved, 60);
    assert.equal((await stockOf(b))?.reserved, 60);
  });

  it('a Reserve retried, even concurrently, returns the first reservation and holds the units once', async () => {
    const product = await newProduct(10);
    const order = orderId();
    const replies = await Promise.all([1, 2, 3].map(() => ok(reserve(order, [{ productId: product, quantity: 4 }], 60))));
    assert.equal(new Set(replies.map((reply) => JSON.stringify(reply))).size, 1);
    assert.equal(replies[0]?.reservation?.status, 'held');
    assert.equal((await stockOf(product))?.reserved, 4);
  });

  it('a refused Reserve retried after stock arrived is refused again with the same shortage', async () => {
    const product = await newProduct(1);
    const order = orderId();
    const first = await failed(reserve(order, [{ productId: product, quantity: 3 }]));
    await receive(product, 10);
    assert.deepEqual(await failed(reserve(order, [{ productId: product, quantity: 3 }])), first);
    assert.equal((await stockOf(product))?.reserved, 0);
  });

  it('a Reserve of an order id reserved before with other lines is refused as a reuse', async () => {
    const product = await newProduct(10);
    const order = orderId();
    await ok(reserve(order, [{ productId: product, quantity: 1 }]));
    assert.equal((await failed(reserve(order, [{ productId: product, quantity: 2 }]))).code, 'INVENTORY.ORDER_ID_REUSED');
  });

  it('a Reserve naming a product inventory does not know is refused as not found and holds nothing', async () => {
    const product = await newProduct(10);
    const failure = await failed(reserve(orderId(), [{ productId: product, quantity: 1 }, { productId: `p-${randomUUID()}`, quantity: 1 }]));
    assert.deepEqual([failure.status, failure.code], [grpc.status.NOT_FOUND, 'INVENTORY.PRODUCT_UNKNOWN']);
    assert.equal((await stockOf(product))?.reserved, 0);
  });

  it('a Commit retried, even concurrently, returns the same committed reservation and sells the units once', async () => {
    const product = await newProduct(10);
    const order = orderId();
    await ok(reserve(order, [{ productId: product, quantity: 3 }]));
    const replies = await Promise.all([1, 2, 3].map(() => ok(commit(order))));
    assert.deepEqual(replies.map((reply) => reply.reservation?.status), ['committed', 'committed', 'committed']);
    assert.deepEqual(await stockOf(product), { productId: product, onHand: 7, reserved: 0, available: 7, version: '3' });
  });

  it('a Release retried, even concurrently, returns the same released reservation and frees the units once', async () => {
    const product = await newProduct(10);
    const order = orderId();
    await ok(reserve(order, [{ productId: product, quantity: 3 }]));
    const replies = await Promise.all([1, 2, 3].map(() => ok(release(order))));
    assert.deepEqual(replies.map((reply) => [reply.reservation?.status, reply.reservation?.releaseReason]), Array(3).fill(['released', 'cancelled']));
    assert.deepEqual(await stockOf(product), { productId: product, onHand: 10, reserved: 0, available: 10, version: '3' });
  });

  it('a Commit after a Release is refused, and a Release after a Commit is refused, changing nothing', async () => {
    const product = await newProduct(10);
    const [released, committed] = [orderId(), orderId()];
    await ok(reserve(released, [{ productId: product, quantity: 1 }]));
    await ok(reserve(committed, [{ productId: product, quantity: 1 }]));
    await ok(release(released));
    await ok(commit(committed));
    assert.equal((await failed(commit(released))).code, 'INVENTORY.RESERVATION_RELEASED');
    assert.equal((await failed(release(committed))).code, 'INVENTORY.RESERVATION_COMMITTED');
    assert.deepEqual(await stockOf(product), { productId: product, onHand: 9, reserved: 0, available: 9, version: '5' });
  });

  it('a Commit and a Release of one reservation racing: exactly one wins and the other is refused', async () => {
    const product = await newProduct(10);
    const order = orderId();
    await ok(reserve(order, [{ productId: product, quantity: 2 }]));
    const [committed, released] = await Promise.all([commit(order), release(order)]);
    assert.equal([committed, released].filter((outcome) => outcome.ok).length, 1);
    const stock = await stockOf(product);
    assert.equal(stock?.reserved, 0);
    assert.equal(stock?.onHand, committed.ok ? 8 : 10);
  });

  it('a Commit or Release of an order never reserved is refused as not found', async () => {
    assert.equal((await failed(commit(orderId()))).code, 'INVENTORY.NO_RESERVATION');
    assert.equal((await failed(release(orderId()))).code, 'INVENTORY.NO_RESERVATION');
  });

  it('GetStock answers for the known products asked for, in the order asked, and leaves out unknown ones', async () => {
    const [a, b] = [await newProduct(3), await newProduct(5)];
    const reader = inventoryClient('probe-a');
    const reply = await ok(reader.call<GetStockReply>('getStock', { productIds: [b, `p-${randomUUID()}`, a] })).finally(() => reader.close());
    assert.deepEqual(reply.items.map((item) => [item.productId, item.available]), [[b, 5], [a, 3]]);
  });

  it('a commit publishes stock.changed with the new figures and reservation.committed with the lines', async () => {
    const product = await newProduct(5);
    const order = orderId();
    await ok(reserve(order, [{ productId: product, quantity: 2 }]));
    await ok(commit(order));
    const committed = await findOnTopic('pos.reservations', (event) => (event.data as { orderId?: string })?.orderId === order);
    assert.equal(committed.type, 'pos.reservation.committed.v1');
    assert.deepEqual(committed.data, { orderId: order, lines: [{ productId: product, quantity: 2 }] });
    const changed = await findOnTopic('pos.stock', (event) => {
      const data = event.data as { productId?: string; version?: number };
      return data?.productId === product && data.version === 3;
    });
    assert.deepEqual(changed.data, { productId: product, onHand: 3, reserved: 0, available: 3, version: 3 });
  });
});

