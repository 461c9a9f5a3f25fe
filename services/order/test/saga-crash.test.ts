// Crashes: inventory away (stopped, so its supervisor does not start it again), and the order
// app killed (SIGKILL) after the order commits and before the reservation is committed: its
// supervisor starts it again, and the restarted app finishes the saga.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { eventually } from '@pos/platform/testing';
import { listenerPid, service } from '../../../tests/support/stack.ts';
import { startApp, stopApp } from '../../../tests/support/servers.ts';
import { call, checkout, errorOf, newProduct, pool, sagaDone, stockOf, tokenOf } from './support.ts';

const root = new URL('../../../', import.meta.url).pathname;
const restartApps = () => {
  execFileSync('bash', ['scripts/apps.sh', 'down'], { cwd: root, stdio: 'ignore' });
  execFileSync('bash', ['scripts/apps.sh', 'up'], { cwd: root, stdio: 'ignore' });
};
function kill(app: string, port: number): void {
  const pid = listenerPid(port);
  assert.ok(pid, `${app} listens on ${port}`);
  process.kill(pid, 'SIGKILL');
}

describe('the stock saga across crashes', function () {
  this.timeout(240_000);
  // Whatever happens, the next test file finds every app up again.
  after(function () {
    this.timeout(180_000);
    restartApps();
  });

  it('with inventory unreachable a checkout answers 503 and makes no order; a paid order killed before its Commit commits its stock exactly once after the restart', async () => {
    const tea = await newProduct({ onHand: 10 });
    const order = (await checkout([{ productId: tea.id, quantity: 4 }])).body;

    stopApp('inventory');
    const orderId = randomUUID();
    const refused = await checkout([{ productId: tea.id, quantity: 1 }], { orderId });
    assert.deepEqual([refused.status, errorOf(refused.body).code], [503, 'DEPENDENCY.UNAVAILABLE']);
    assert.equal((await pool.query('SELECT 1 FROM orders WHERE id = $1', [orderId])).rowCount, 0);

    // Paid while inventory is away: the order commits, its Commit step cannot run.
    const paid = await call('POST', `/orders/${order.id}/payments`, { token: await tokenOf('cashier'), body: { method: 'cash', tendered: 50_000 } });
    assert.equal(paid.status, 201, JSON.stringify(paid.body));
    await eventually(async () => {
      const { rows } = await pool.query("SELECT status, attempts FROM saga_steps WHERE order_id = $1 AND action = 'inventory.commit'", [order.id]);
      assert.deepEqual([rows[0]?.status, rows[0]?.attempts > 0], ['pending', true]);
    });
    kill('order', service('order').http);

    startApp('inventory');
    await sagaDone(order.id, 'inventory.commit');
    assert.deepEqual(await stockOf(tea.id), { ...(await stockOf(tea.id)), onHand: 6, reserved: 0, available: 6 });
  });
});
