// The day's sales as a manager's charts read them: one bar per hour of the shop's day (hours
// without sales shown as nothing sold, so the day's shape is visible) and one bar per payment
// method, each bar's length a share of the longest. Plain data; the screen draws it.

export interface HourFigure { hour: number; orders: number; total: number }
export interface MethodFigure { method: string; payments: number; amount: number }
export interface Bar { key: string; value: number; count: number; share: number }

/** The hours a shop is usually open; an hour with sales outside them widens the chart. */
export const SHOP_HOURS = { first: 8, last: 21 } as const;

/** Every hour from the shop's first (or the first with sales) to its last (or the last with sales). */
export function hourBars(figures: readonly HourFigure[], hours: { first: number; last: number } = SHOP_HOURS): Bar[] {
  const sold = new Map(figures.map((figure) => [figure.hour, figure]));
  const first = Math.min(hours.first, ...sold.keys());
  const last = Math.max(hours.last, ...sold.keys());
  const rows: { key: string; value: number; count: number }[] = [];
  for (let hour = first; hour <= last; hour++) {
    const figure = sold.get(hour);
    rows.push({ key: `${String(hour).padStart(2, '0')}:00`, value: figure?.total ?? 0, count: figure?.orders ?? 0 });
  }
  return withShares(rows);
}

/** One bar per payment method, the largest amount first (ties by name, so the order is stable). */
export function methodBars(figures: readonly MethodFigure[]): Bar[] {
  const rows = figures.map((figure) => ({ key: figure.method, value: figure.amount, count: figure.payments }));
  rows.sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  return withShares(rows);
}

/** Each value's share of the largest, 0 to 1 (all 0 when nothing was sold). */
function withShares(rows: { key: string; value: number; count: number }[]): Bar[] {
  const largest = Math.max(0, ...rows.map((row) => row.value));
  return rows.map((row) => ({ ...row, share: largest > 0 ? Math.max(0, row.value) / largest : 0 }));
}

/** The hour that took the most (the earliest of equals); undefined when nothing was sold. */
export function busiestHour(bars: readonly Bar[]): Bar | undefined {
  return bars.reduce<Bar | undefined>((best, bar) => (bar.value > (best?.value ?? 0) ? bar : best), undefined);
}
