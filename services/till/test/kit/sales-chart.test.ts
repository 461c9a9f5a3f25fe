import assert from 'node:assert/strict';
import { busiestHour, hourBars, methodBars } from '../../web/kit/sales-chart.ts';

describe('till sales charts: the day per hour and per payment method', () => {
  it('every hour of the shop\'s day has its bar, hours without sales at nothing', () => {
    const bars = hourBars([{ hour: 10, orders: 2, total: 30_000 }, { hour: 12, orders: 1, total: 60_000 }]);
    assert.equal(bars.length, 14);
    assert.deepEqual([bars[0]?.key, bars.at(-1)?.key], ['08:00', '21:00']);
    assert.deepEqual(bars.find((bar) => bar.key === '10:00'), { key: '10:00', value: 30_000, count: 2, share: 0.5 });
    assert.deepEqual(bars.find((bar) => bar.key === '11:00'), { key: '11:00', value: 0, count: 0, share: 0 });
    assert.equal(bars.find((bar) => bar.key === '12:00')?.share, 1);
  });

  it('a sale outside the shop\'s hours widens the chart to it', () => {
    const bars = hourBars([{ hour: 6, orders: 1, total: 5_000 }, { hour: 23, orders: 1, total: 5_000 }]);
    assert.deepEqual([bars[0]?.key, bars.at(-1)?.key, bars.length], ['06:00', '23:00', 18]);
  });

  it('a day without sales: every bar at nothing, no busiest hour', () => {
    const bars = hourBars([]);
    assert.ok(bars.every((bar) => bar.share === 0 && bar.value === 0));
    assert.equal(busiestHour(bars), undefined);
  });

  it('the busiest hour is the one that took the most, the earliest of equals', () => {
    const bars = hourBars([{ hour: 9, orders: 1, total: 10_000 }, { hour: 11, orders: 3, total: 20_000 }, { hour: 15, orders: 1, total: 20_000 }]);
    assert.equal(busiestHour(bars)?.key, '11:00');
  });

  it('payment methods: the largest first, shares of it, ties by name', () => {
    const bars = methodBars([
      { method: 'cash', payments: 3, amount: 40_000 }, { method: 'qris', payments: 1, amount: 80_000 }, { method: 'external', payments: 1, amount: 40_000 },
    ]);
    assert.deepEqual(bars.map((bar) => [bar.key, bar.share, bar.count]), [['qris', 1, 1], ['cash', 0.5, 3], ['external', 0.5, 1]]);
  });
});
