// The manager's screens (the back office in the till's web app): who may open them, which one
// is shown, and the apps' calls they make. A cashier never sees them; the apps refuse a
// cashier's token anyway (their roles are checked on the server).
import { computed, signal } from '@preact/signals';
import { auditQuery, type AuditFilter } from '../kit/audit-query.ts';
import type { HourFigure, MethodFigure } from '../kit/sales-chart.ts';
import { call } from './api.ts';
import { session } from './session.ts';

export const OFFICE_TABS = ['sales', 'refunds', 'audit', 'stock', 'products', 'users', 'tills'] as const;
export type OfficeTab = (typeof OFFICE_TABS)[number];

/** The signed-in user runs the shop (a manager or an admin). */
export const isManager = computed(() => ['manager', 'admin'].includes(session.value?.user.role ?? ''));
export const isAdmin = computed(() => session.value?.user.role === 'admin');
export const officeOpen = signal(false);
export const officeTab = signal<OfficeTab>('sales');

export interface DailyReport {
  date: string; orders: number; cancellations: number; total: number;
  byMethod: MethodFigure[]; byHour: HourFigure[];
  byCashier: { cashierId: string; cashierName: string; orders: number; total: number }[];
  money: { method: string; taken: number; refunded: number; net: number }[];
  returns: { count: number; total: number };
  offline: { count: number; late: number };
}
export const dailyReport = (date: string) => call<DailyReport>('order', `/reports/daily?date=${date}`);

export interface RefundDue {
  id: string; orderId: string; receiptNumber: string; cause: 'unpaid' | 'return'; method: 'cash' | 'qris' | 'snap';
  amount: number; status: 'due' | 'pending' | 'paid'; createdAt: string;
}
export const refundsDue = () => call<{ items: RefundDue[] }>('order', '/refunds-due?limit=200').then((page) => page.items);
export const payRefund = (id: string, method: 'cash' | 'original') => call<RefundDue>('order', `/refunds-due/${id}/pay`, { method: 'POST', body: { method } });

export interface AuditEntry {
  seq: number; at: string; actorId: string; actorRole: string; tillCode: string | null; action: string; ref: string;
  amount: number; approvedBy: string | null; detail: Record<string, unknown>;
}
export const AUDIT_PAGE = 50;
export const auditLog = (filter: AuditFilter, offset: number) =>
  call<{ items: AuditEntry[] }>('order', `/audit?${auditQuery(filter, { limit: AUDIT_PAGE, offset })}`).then((page) => page.items);
export const verifyAudit = () => call<{ ok: boolean; entries: number; firstBrokenSeq?: number }>('order', '/audit/verify');

export interface StockRow { productId: string; sku: string; name: string; onHand: number; reserved: number; available: number; reorderLevel: number }
export const lowStock = () => call<{ items: StockRow[] }>('inventory', '/stock/low?limit=200').then((page) => page.items);
export const negativeStock = () => call<{ items: StockRow[] }>('inventory', '/stock/negative?limit=200').then((page) => page.items);

export interface ProductRow { id: string; sku: string; name: string; active: boolean; baseUnit: string; units: { name: string; barcode?: string; price: number }[] }
export const PRODUCTS_PAGE = 50;
export const products = (search: string, offset: number) => call<{ items: ProductRow[]; total: number }>(
  'product', `/products?limit=${PRODUCTS_PAGE}&offset=${offset}${search ? `&q=${encodeURIComponent(search)}` : ''}`);
export interface ImportReport { created: number; updated: number; unchanged: number; errors: { line: number; sku?: string; code: string; reason: string }[] }
export const importProducts = (csv: string) => call<ImportReport>('product', '/products/import', { method: 'POST', text: { contentType: 'text/csv', content: csv } });

export interface UserRow { id: string; name: string; email: string; role: 'cashier' | 'manager' | 'admin'; active: boolean }
export const users = (search: string) => call<{ items: UserRow[]; total: number }>('user', `/users?limit=100${search ? `&q=${encodeURIComponent(search)}` : ''}`);
export const createUser = (body: { name: string; email: string; role: string; password: string }) => call<UserRow>('user', '/users', { method: 'POST', body });
export const deactivateUser = (id: string) => call<UserRow>('user', `/users/${id}/deactivate`, { method: 'POST' });

export interface TillRow { id: string; code: string; outletId: string; name: string; createdAt: string; revokedAt: string | null }
export const tills = () => call<{ tills: TillRow[] }>('user', '/tills').then((reply) => reply.tills);
export const newTill = (body: { code: string; outletId: string; name?: string }) => call<{ till: TillRow; key: string }>('user', '/tills', { method: 'POST', body });
export const revokeTill = (id: string) => call<TillRow>('user', `/tills/${id}/revoke`, { method: 'POST' });
