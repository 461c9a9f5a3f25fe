// The pure rules of a shift's drawer: the count, the expected cash, the variance and when it
// needs a manager, and the Z report's 48 columns.
import assert from 'node:assert/strict';
import { RECEIPT_WIDTH } from '../../src/domain/receipt-layout.ts';
import { countedTotal, expectedCash, tidyCount, variance, varianceNeedsApproval, type CountedLine } from '../../src/domain/shift.ts';
import { shiftReport, shiftReportText, type ShiftTotals, type ZReport } from '../../src/domain/shift-report.ts';

const figures = { openingFloat: 200_000, received: 450_000, change: 37_500, refunds: 25_000, cashIn: 100_000, cashOut: 50_000 };

describe('shift rules', () => {
  it('the drawer should hold the float, plus cash taken less change, less cash refunds, plus cash in, less cash out', () => {
    assert.equal(expectedCash(figures), 200_000 + 450_000 - 37_500 - 25_000 + 100_000 - 50_000);
    assert.equal(expectedCash({ ...figures, received: 0, change: 0, refunds: 0, cashIn: 0, cashOut: 0 }), 200_000);
  });

  it('a count by denomination comes to the notes and coins times their counts; the 1 000 note and coin count alike', () => {
    const counted: CountedLine[] = [{ value: 100_000, count: 3 }, { value: 2_000, count: 4 }, { value: 1_000, count: 7 }, { value: 500, count: 3 }, { value: 100, count: 0 }];
    assert.equal(countedTotal(counted), 300_000 + 8_000 + 7_000 + 1_500);
    assert.equal(countedTotal([]), 0);
    assert.deepEqual(tidyCount([{ value: 500, count: 1 }, { value: 100, count: 0 }, { value: 50_000, count: 2 }]), [{ value: 50_000, count: 2 }, { value: 500, count: 1 }]);
  });

  it('a denomination counted twice, or a value that is no Rupiah note or coin, is refused naming the line', () => {
    assert.throws(() => countedTotal([{ value: 1_000, count: 1 }, { value: 1_000, count: 2 }]), (error: { code: string; details: { field: string } }) =>
      error.code === 'SHIFT.COUNT_INVALID' && error.details.field === 'counted.1.value');
    assert.throws(() => countedTotal([{ value: 3_000 as 1_000, count: 1 }]), (error: { details: { field: string } }) => error.details.field === 'counted.0.value');
  });

  it('the variance is counted less expected: over is positive, short negative; beyond the threshold either way it needs approval, at it not', () => {
    assert.equal(variance(95_000, 100_000), -5_000);
    assert.equal(variance(100_500, 100_000), 500);
    assert.equal(varianceNeedsApproval(-5_000, 5_000), false);
    assert.equal(varianceNeedsApproval(5_000, 5_000), false);
    assert.equal(varianceNeedsApproval(-5_001, 5_000), true);
    assert.equal(varianceNeedsApproval(5_001, 5_000), true);
    assert.equal(varianceNeedsApproval(1, 0), true);
  });
});

describe('shift reports', () => {
  const shift = {
    id: 's1', outletId: 'JKT1', tillId: 't1', tillCode: 'T01', cashierId: 'c1', cashierName: 'Siti Rahayu Kusumawardhani Pratiwi', openingFloat: 200_000,
    status: 'closed' as const, openedAt: new Date('2026-12-04T01:00:00Z'), closedAt: new Date('2026-12-04T09:00:00Z'),
  };
  const totals: ShiftTotals = {
    orders: { count: 12, total: 1_234_500 },
    tenders: [{ method: 'cash', count: 10, amount: 412_500 }, { method: 'qris', count: 2, amount: 822_000 }],
    refunds: [{ method: 'cash', count: 1, amount: 25_000 }],
    cash: { received: 450_000, change: 37_500, refunds: 25_000, cashIn: 100_000, cashOut: 50_000 },
    moves: [
      { id: 'm1', kind: 'in', amount: 100_000, reason: 'small change from the safe, a long reason that will not fit on the line', actorId: 'c1', actorName: 'Siti', approvedBy: null, createdAt: new Date() },
      { id: 'm2', kind: 'out', amount: 50_000, reason: 'ice', actorId: 'c1', actorName: 'Siti', approvedBy: null, createdAt: new Date() },
      { id: 'm3', kind: 'no-sale', amount: 0, reason: 'change for a customer', actorId: 'c1', actorName: 'Siti', approvedBy: 'm', createdAt: new Date() },
    ],
    offline: { count: 1, late: 0 },
  };

  it('the X report states the figures and the expected cash; the Z report adds the count and variance; no text line is wider than 48 columns', () => {
    const report = shiftReport(shift, totals, shift.closedAt);
    assert.equal(report.cash.expected, 637_500);
    assert.deepEqual([report.refunds.total, report.noSales, report.sales.total], [25_000, 1, 1_234_500]);
    const z: ZReport = {
      ...report,
      close: { counted: [{ value: 100_000, count: 6 }, { value: 20_000, count: 1 }, { value: 10_000, count: 1 }, { value: 5_000, count: 1 }], countedTotal: 635_000,
        variance: -2_500, varianceApprovedBy: null, waitingSales: 2, closedBy: 'c1', closedByName: 'Siti' },
      late: { count: 1, total: 10_000, cash: 10_000 },
    };
    for (const text of [shiftReportText(report, 'Asia/Jakarta'), shiftReportText(z, 'Asia/Jakarta')]) {
      for (const line of text.split('\n')) assert.ok(line.length <= RECEIPT_WIDTH, `too wide: ${line}`);
    }
    const zText = shiftReportText(z, 'Asia/Jakarta');
    assert.match(zText, /LAPORAN Z/);
    assert.match(zText, /KAS SEHARUSNYA +637\.500/);
    assert.match(zText, /SELISIH +-2\.500/);
    assert.match(zText, /Buka +2026-12-04 08:00:00/);
  });
});
