// The audit log's filter as the manager's screen asks order for it (GET /audit): whole days of
// the shop's calendar (from the first day's start to the end of the last), an action, a till.
// Jakarta keeps +07:00 all year (no daylight saving), so a day's bounds are fixed offsets.

/** The actions a manager approves and the log records: the platform's APPROVAL_ACTIONS (a test
 * holds them equal; the web app does not import the platform). */
export const AUDIT_ACTIONS = ['refund', 'discount', 'price-override', 'void', 'no-sale', 'reprint', 'shift-variance'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditFilter { from?: string; to?: string; action?: string; till?: string }

export const SHOP_UTC_OFFSET = '+07:00';
const isDay = (value: string | undefined): value is string => value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The day after `day` (YYYY-MM-DD), by the calendar. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The query string of GET /audit for the filter (empty parts left out; days turned around when
 * the last comes before the first). */
export function auditQuery(filter: AuditFilter, page: { limit: number; offset: number }): string {
  let [first, last] = [isDay(filter.from) ? filter.from : undefined, isDay(filter.to) ? filter.to : undefined];
  if (first && last && last < first) [first, last] = [last, first];
  const params = new URLSearchParams();
  if (first) params.set('from', `${first}T00:00:00${SHOP_UTC_OFFSET}`);
  if (last) params.set('to', `${nextDay(last)}T00:00:00${SHOP_UTC_OFFSET}`);
  const action = filter.action?.trim();
  const till = filter.till?.trim().toUpperCase();
  if (action) params.set('action', action);
  if (till) params.set('till', till);
  params.set('limit', String(page.limit));
  params.set('offset', String(page.offset));
  return params.toString();
}
