// A shift's X report (mid-shift, read only) and Z report (its close), as JSON and as 48 columns
// for the till's printer. The figures come from the store; the rules (expected, variance) from
// shift.ts. A Z report is kept as it was at the close; sales that arrived later from an offline
// till are shown apart (`late`), so the count is never compared with money it never saw.
import { centred, printed, row, rule, rupiah, shopTime } from './receipt-layout.ts';
import { expectedCash, type CashFigures, type CountedLine } from './shift.ts';

export interface ShiftHeader {
  id: string;
  outletId: string;
  tillId: string;
  tillCode: string;
  cashierId: string;
  cashierName: string;
  openingFloat: number;
  status: 'open' | 'closed';
  openedAt: Date;
  closedAt: Date | null;
}

export interface ByMethod { method: string; count: number; amount: number }

export interface CashMove {
  id: string;
  kind: 'in' | 'out' | 'no-sale';
  amount: number;
  reason: string;
  actorId: string;
  actorName: string;
  approvedBy: string | null;
  createdAt: Date;
}

/** What the store adds up for a shift. */
export interface ShiftTotals {
  orders: { count: number; total: number };
  tenders: ByMethod[];
  refunds: ByMethod[];
  cash: Omit<CashFigures, 'openingFloat'>;
  moves: CashMove[];
  offline: { count: number; late: number };
}

export interface ShiftClose {
  counted: CountedLine[];
  countedTotal: number;
  variance: number;
  varianceApprovedBy: string | null;
  waitingSales: number | null;
  closedBy: string;
  closedByName: string;
}

const iso = (at: Date | null): string | null => (at ? new Date(at).toISOString() : null);

/** The X report: the shift so far. */
export function shiftReport(shift: ShiftHeader, totals: ShiftTotals, at: Date) {
  const cash = { openingFloat: shift.openingFloat, ...totals.cash };
  const { id, outletId, tillId, tillCode, cashierId, cashierName, openingFloat, status } = shift;
  return {
    shift: { id, outletId, tillId, tillCode, cashierId, cashierName, openingFloat, status, openedAt: iso(shift.openedAt) as string, closedAt: iso(shift.closedAt) },
    at: at.toISOString(),
    sales: { orders: totals.orders.count, total: totals.orders.total, byMethod: totals.tenders },
    refunds: { count: sumOf(totals.refunds, 'count'), total: sumOf(totals.refunds, 'amount'), byMethod: totals.refunds },
    cash: { ...cash, expected: expectedCash(cash) },
    moves: totals.moves.map((move) => ({ ...move, createdAt: new Date(move.createdAt).toISOString() })),
    noSales: totals.moves.filter((move) => move.kind === 'no-sale').length,
    offline: totals.offline,
  };
}
export type ShiftReport = ReturnType<typeof shiftReport>;

/** Offline sales that reached a shift after it closed: not in its count. */
export interface LateSales { count: number; total: number; cash: number }

export type ZReport = ShiftReport & { close: ShiftClose; late: LateSales };

const methodNames: Record<string, string> = { cash: 'Tunai', qris: 'QRIS', snap: 'SNAP', external: 'Lainnya' };
const moveNames = { in: 'Kas masuk', out: 'Kas keluar', 'no-sale': 'Buka laci' } as const;
const signed = (amount: number): string => (amount > 0 ? `+${rupiah(amount)}` : amount < 0 ? `-${rupiah(-amount)}` : '0');

function cashLines(report: ShiftReport): string[] {
  const { cash } = report;
  return [
    row('Modal awal', rupiah(cash.openingFloat)), row('Tunai diterima', rupiah(cash.received)), row('Kembalian', `-${rupiah(cash.change)}`),
    row('Pengembalian tunai', `-${rupiah(cash.refunds)}`), row('Kas masuk', rupiah(cash.cashIn)), row('Kas keluar', `-${rupiah(cash.cashOut)}`),
    row('KAS SEHARUSNYA', rupiah(cash.expected)),
  ];
}

function closeLines(close: ShiftClose, late: LateSales): string[] {
  return [
    rule, centred('HITUNGAN KAS'),
    ...close.counted.map((line) => row(`  ${rupiah(line.value)} x ${line.count}`, rupiah(line.value * line.count))),
    row('KAS DIHITUNG', rupiah(close.countedTotal)), row('SELISIH', signed(close.variance)),
    ...(close.varianceApprovedBy ? [row(`  disetujui ${close.varianceApprovedBy}`, '')] : []),
    ...(close.waitingSales ? [row(`Penjualan belum terkirim: ${close.waitingSales}`, '')] : []),
    ...(late.count > 0 ? [row(`Terlambat setelah tutup: ${late.count}`, rupiah(late.total)), row('  di antaranya tunai', rupiah(late.cash))] : []),
    row(`Ditutup ${close.closedByName}`, ''),
  ];
}

/** No line is wider than RECEIPT_WIDTH. */
export function shiftReportText(report: ShiftReport | ZReport, timeZone: string): string {
  const { shift } = report;
  const z = 'close' in report ? report : undefined;
  return printed([
    centred(z ? 'LAPORAN Z (TUTUP SHIFT)' : 'LAPORAN X (SEMENTARA)'),
    row(`Kasir ${shift.tillCode}`, shift.outletId), row(shift.cashierName, ''),
    row('Buka', shopTime(new Date(shift.openedAt), timeZone)),
    row(z ? 'Tutup' : 'Dicetak', shopTime(new Date(shift.closedAt ?? report.at), timeZone)),
    rule,
    row(`Penjualan (${report.sales.orders})`, rupiah(report.sales.total)),
    ...report.sales.byMethod.map((m) => row(`  ${methodNames[m.method] ?? m.method} (${m.count})`, rupiah(m.amount))),
    row(`Pengembalian (${report.refunds.count})`, rupiah(report.refunds.total)),
    ...report.moves.map((m) => row(`${moveNames[m.kind]}: ${m.reason}`, m.kind === 'no-sale' ? '' : rupiah(m.amount))),
    rule,
    ...cashLines(report),
    ...(z ? closeLines(z.close, z.late) : []),
  ]);
}

function sumOf(rows: readonly ByMethod[], key: 'count' | 'amount'): number {
  return rows.reduce((total, r) => total + r[key], 0);
}
