// A sale a till made while offline, uploaded later (PUT /offline-sales/:id): taken as the paid
// sale it was, made at soldAt with the till's prices and PPN. The order, its tenders, the saga
// step that deducts its stock after the fact, and the order's usual events (created, paid) are
// written in one transaction. The till made the id when it sold, so a retry, or two uploads
// racing, is the same sale: the same body answers the same order, another body is a 409.
import { createHash, randomUUID } from 'node:crypto';
import { addToOutbox, ConflictError, ForbiddenError, withTransaction, type Principal, type TillClaim, type Transaction } from '@pos/platform';
import { checkOfflineSale, offlineLines, offlineTenders, withDiscountCheck, type OfflineSale } from '../domain/offline-sale.ts';
import type { OfflineFacts, Order } from '../domain/order.ts';
import { mayDiscountBeyondLimit, requireTill } from '../domain/policy.ts';
import { arrivedLate, dayIn } from '../domain/shop-time.ts';
import { taxRuleFor } from '../domain/tax.ts';
import { orderCreated, orderPaid } from '../events/order-events.ts';
import { findByTillReceipt, findOrder, insertOfflineOrder, insertTender, type StoredOrder } from '../store/order.store.ts';
import { addSteps } from '../store/saga.store.ts';
import { shiftAt } from '../store/shift.store.ts';
import { tillRevokedAt } from '../store/till.store.ts';
import type { OrderDeps } from './deps.ts';

type OfflineOrder = Order & { offline: OfflineFacts };

// The till is part of the request: the same id and body from another till is another sale.
const hashOf = (till: TillClaim, sale: OfflineSale): string => createHash('sha256').update(JSON.stringify([till.id, sale])).digest('hex');

/** The order an earlier upload of this id made, if this upload is the same; else a 409. */
function sameUpload(existing: StoredOrder, requestHash: string): OfflineOrder {
  if (!existing.offline || existing.requestHash !== requestHash) {
    throw new ConflictError('OFFLINE_SALE.CONFLICT', `order ${existing.id} was recorded with another body`, { orderId: existing.id });
  }
  return { ...existing, offline: existing.offline };
}

/** The sale joins the shift that was open at its till when it was made; one closed since keeps
 * it, flagged SHIFT_CLOSED (late: not in that shift's count). */
async function inItsShift(tx: Transaction, order: OfflineOrder): Promise<{ order: OfflineOrder; late: boolean }> {
  const shift = await shiftAt(tx, order.tillId, order.paidAt ?? order.createdAt);
  if (!shift) return { order, late: false };
  const flags = shift.closed ? [...order.offline.flags, { code: 'SHIFT_CLOSED' as const, shiftId: shift.id }] : order.offline.flags;
  return { order: { ...order, shiftId: shift.id, offline: { ...order.offline, flags } }, late: shift.closed };
}

export async function uploadOfflineSale(deps: OrderDeps, orderId: string, sale: OfflineSale, principal: Principal): Promise<{ order: OfflineOrder; created: boolean }> {
  const till = requireTill(principal);
  // Any upload of a revoked till's token is refused, whenever its sales were made: the till may
  // be in the wrong hands, and the sales it holds are for a person to look at.
  if (await tillRevokedAt(deps.pool, till.id)) throw new ForbiddenError(`till ${till.code} has been revoked`, 'TILL.REVOKED');
  const requestHash = hashOf(till, sale);
  const existing = await findOrder(deps.pool, orderId);
  if (existing) return { order: sameUpload(existing, requestHash), created: false };

  const { settings } = deps;
  const now = new Date();
  const taxRule = taxRuleFor(settings.taxRates, dayIn(sale.soldAt, settings.timeZone), settings.vatRegistered);
  checkOfflineSale(sale, till, taxRule, now);
  const products = await deps.catalogue.getProducts(sale.lines.map((line) => line.productId));
  const priced = offlineLines(sale, products, taxRule);
  const { lines, discount, taxes } = priced;
  const flags = withDiscountCheck(priced.flags, lines, !mayDiscountBeyondLimit.includes(principal.role), settings.cashierDiscountLimitPercent);
  const order: OfflineOrder = {
    id: orderId, status: 'paid', outletId: till.outletId, tillId: till.id, receiptSeq: null,
    cashierId: principal.id, cashierName: principal.name, total: sale.totals.total, discount, taxes, taxRule,
    seller: { ...settings.seller, npwp: settings.vatRegistered ? settings.seller.npwp : null },
    expiresAt: sale.soldAt, createdAt: now, paidAt: sale.soldAt, endedAt: null,
    lines, tenders: offlineTenders(sale, randomUUID),
    offline: { receiptNumber: sale.receiptNumber, late: arrivedLate(sale.soldAt, now, settings.timeZone), flags },
  };
  const inserted = await withTransaction(deps.pool, async (tx) => {
    const joined = await inItsShift(tx, order);
    // A racing upload of the same id (or receipt number) waits here on the key until the first
    // commits, then inserts nothing.
    if (!(await insertOfflineOrder(tx, joined.order, requestHash, joined.late))) return false;
    for (const tender of order.tenders) await insertTender(tx, order.id, tender, { paidAt: order.paidAt, shiftId: joined.order.shiftId });
    await addSteps(tx, order.id, [{ action: 'inventory.record-sale' }]);
    await addToOutbox(tx, [orderCreated(joined.order), orderPaid(joined.order)]);
    return true;
  });
  if (inserted) deps.kickSaga();
  // Read back either way, so the first answer and every later one show the order alike.
  const stored = await findOrder(deps.pool, orderId);
  if (stored) return { order: sameUpload(stored, requestHash), created: inserted };
  const holder = await findByTillReceipt(deps.pool, till.id, sale.receiptNumber);
  throw new ConflictError('OFFLINE_SALE.CONFLICT', `receipt ${sale.receiptNumber} of till ${till.code} is another sale's`,
    { field: 'receiptNumber', orderId: holder });
}
