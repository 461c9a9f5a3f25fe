// Reservations expire; whichever worker gets there releases each one, once.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually } from '@pos/platform/testing';
import type { ReserveReply } from '../src/grpc/contract.ts';
import { releaseExpired } from '../src/use-cases/settle.ts';
import { INVENTORY_API, failed, inventoryClient, newProduct, ok, pool, stockOf, unreconciledProducts } from './support.ts';

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
    const [a, b] = [await newProduct(100), await newProduct(100)];
    const orders = Array.from({ length: 30 }, () => `o-${randomUUID()}`);
    const replies = await Promise.all(orders.map((orderId, i) => ok(inventory.call<ReserveReply>('reserve', {
      orderId, ttlSeconds: 1, lines: i % 2 ? [{ productId: a, quantity: 1 }, { productId: b, quantity: 2 }] : [{ productId: b, quantity: 1 }],
    }))));
    const lastDue = Math.max(...replies.map((reply) => Date.parse(reply.reservation?.expiresAt ?? '')));
    await new Promise((resolve) => setTimeout(resolve, lastDue - Date.now() + 100));
    // Two workers here, racing each other and the app's own worker, until nothing is due.
    while ((await Promise.all([releaseExpired(pool, 4), releaseExpired(pool, 4)])).some((released) => released > 0));

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
    await ok(inventory.call<ReserveReply>('reserve', { orderId, ttlSeconds: 1, lines: [{ productId: product, quantity: 1 }] }));
    // Make it due without waiting for the workers: moved into the past directly.
    await pool.query(`UPDATE reservations SET expires_at = now() - interval '1 second' WHERE order_id = $1`, [orderId]);
    const code = (await failed(inventory.call('commit', { orderId }))).code;
    assert.ok(['INVENTORY.RESERVATION_EXPIRED', 'INVENTORY.RESERVATION_RELEASED'].includes(code), code);
    assert.equal((await stockOf(product))?.onHand, 5);
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
