// Reservations expire; whichever worker gets there releases each one, once. The races are forced:
// the test holds a lock the racers need and lets go only once it sees them waiting at once.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually } from '@pos/platform/testing';
import type { ReserveReply } from '../src/grpc/contract.ts';
import { releaseExpired } from '../src/use-cases/settle.ts';
import { applicationName, holdLocks, untilWaiting } from '../../../tests/support/postgres-locks.ts';
import { INVENTORY_API, failed, inventoryClient, newProduct, ok, pool, stockOf, unreconciledProducts, type CallFailure } from './support.ts';

/** inventory_reservations_expired_total as the app's /metrics serves it (absent: NaN). */
async function expiredCount(): Promise<number> {
  const metrics = await (await fetch(`${INVENTORY_API}/metrics`)).text();
  return Number(/^inventory_reservations_expired_total (\S+)$/m.exec(metrics)?.[1]);
}

describe('inventory reservation expiry', function () {
  this.timeout(60_000);
  const inventory = inventoryClient();
  after(() => inventory.close());
  afterEach(async () => assert.deepEqual(await unreconciledProducts(), [], 'the ledger must explain every stock'));

  it('when two workers race over expired reservations, each is released once, in the ledger and as one released event', async () => {
    const [a, b] = [await newProduct(200), await newProduct(200)];
    // More than the app's worker takes in a batch (50) and a batch of each of ours (10): whichever
    // worker comes first, both of ours find reservations to take.
    const orders = Array.from({ length: 80 }, () => `o-${randomUUID()}`);
    await Promise.all(orders.map((orderId, i) => ok(inventory.call<ReserveReply>('reserve', {
      orderId, ttlSeconds: 3, lines: i % 2 ? [{ productId: a, quantity: 1 }, { productId: b, quantity: 2 }] : [{ productId: b, quantity: 1 }],
    }))));
    // The race, forced and seen: the test holds both stock rows, so each worker that has locked a
    // batch of due reservations waits for them; the test lets go once both of its workers wait at once.
    const stock = await holdLocks(pool, async (tx) => {
      await tx.query('SELECT 1 FROM stock_items WHERE product_id = ANY($1) FOR UPDATE', [[a, b]]);
      const { rows } = await tx.query("SELECT count(*)::int AS n FROM reservations WHERE order_id = ANY($1) AND status = 'held'", [orders]);
      assert.equal(rows[0]?.n, orders.length, 'the stock rows were taken before any reservation was released');
    });
    let first: Promise<number[]>;
    try {
      await eventually(async () => {
        const { rows } = await pool.query('SELECT count(*)::int AS n FROM reservations WHERE order_id = ANY($1) AND expires_at > now()', [orders]);
        assert.equal(rows[0]?.n, 0, 'not all due yet');
      }, { timeoutMs: 10_000 });
      first = Promise.all([releaseExpired(pool, 10), releaseExpired(pool, 10)]);
      const ours = await applicationName(pool);
      await untilWaiting(pool, stock.pid, 2, (waiter) => waiter.applicationName === ours);
    } finally {
      await stock.letGo();
    }
    let released = await first;
    assert.ok(released.every((count) => count > 0), `both workers released some: ${released.join(', ')}`);
    // Then both again, racing each other and the app's own worker, until nothing is due.
    while (released.some((count) => count > 0)) released = await Promise.all([releaseExpired(pool, 10), releaseExpired(pool, 10)]);

    const expected = orders.slice().sort().map((orderId) => ({
      status: 'released', release_reason: 'expired', releases: orders.indexOf(orderId) % 2 ? 2 : 1, events: 1,
    }));
    // A worker that skipped rows another had locked stops early: the other's commit may still be
    // on its way, so the outcome is awaited, not sampled.
    await eventually(async () => {
      const { rows } = await pool.query<{ status: string; release_reason: string; releases: number; events: number }>(
        `SELECT r.status, r.release_reason,
           (SELECT count(*)::int FROM stock_ledger l WHERE l.order_id = r.order_id AND l.change = 'release') AS releases,
           (SELECT count(*)::int FROM outbox o WHERE o.partition_key = r.order_id AND o.type = 'pos.reservation.released.v1'
              AND o.data->>'reason' = 'expired') AS events
         FROM reservations r WHERE r.order_id = ANY($1) ORDER BY r.order_id COLLATE "C"`, [orders]);
      assert.deepEqual(rows, expected);
    }, { timeoutMs: 10_000 });
    assert.equal((await stockOf(a))?.reserved, 0);
    assert.equal((await stockOf(b))?.reserved, 0);
  });

  it('a Commit of a reservation past its time is refused as expired, even before a worker released it', async () => {
    const product = await newProduct(5);
    const orderId = `o-${randomUUID()}`;
    await ok(inventory.call<ReserveReply>('reserve', { orderId, ttlSeconds: 3, lines: [{ productId: product, quantity: 1 }] }));
    // The test holds the reservation's row: the workers skip it, so it stays held while it comes
    // due; the Commit queues behind the test and takes the row before any worker can.
    const row = await holdLocks(pool, async (tx) => {
      const { rows } = await tx.query('SELECT status FROM reservations WHERE order_id = $1 FOR UPDATE', [orderId]);
      assert.deepEqual(rows, [{ status: 'held' }], 'locked before a worker released it');
    });
    let commit: Promise<CallFailure>;
    try {
      await eventually(async () => {
        const { rows } = await row.tx.query('SELECT expires_at <= clock_timestamp() AS due FROM reservations WHERE order_id = $1', [orderId]);
        assert.equal(rows[0]?.due, true, 'not due yet');
      }, { timeoutMs: 10_000 });
      commit = failed(inventory.call('commit', { orderId }));
      await untilWaiting(pool, row.pid, 1, (waiter) => waiter.applicationName === 'inventory');
    } finally {
      await row.letGo();
    }
    assert.equal((await commit).code, 'INVENTORY.RESERVATION_EXPIRED');
    assert.equal((await stockOf(product))?.onHand, 5);
    // The worker releases it afterwards, as expired.
    await eventually(async () => {
      const { rows } = await pool.query('SELECT status, release_reason FROM reservations WHERE order_id = $1', [orderId]);
      assert.deepEqual(rows, [{ status: 'released', release_reason: 'expired' }]);
    }, { timeoutMs: 10_000 });
  });

  it('a reservation that runs out is released by the app\'s worker and counted in inventory_reservations_expired_total', async () => {
    const before = await expiredCount();
    assert.ok(Number.isFinite(before), 'inventory serves the counter');
    const orderId = `o-${randomUUID()}`;
    await ok(inventory.call<ReserveReply>('reserve', { orderId, ttlSeconds: 1, lines: [{ productId: await newProduct(5), quantity: 1 }] }));
    await eventually(async () => {
      const { rows } = await pool.query('SELECT release_reason FROM reservations WHERE order_id = $1', [orderId]);
      assert.equal(rows[0]?.release_reason, 'expired');
      // The worker counts right after its transaction commits: awaited, not sampled.
      assert.ok(await expiredCount() >= before + 1, 'the expiry is counted');
    }, { timeoutMs: 10_000 });
  });
});
