// An order's life, in one place: every status change anywhere goes through `transition`.
//   pending -> paid        (tenders cover the total; the reservation is then committed)
//   pending -> cancelled   (by a cashier or manager; the reservation is released)
//   pending -> expired     (unpaid past expires_at; the reservation is released)
// paid, cancelled and expired are final. A checkout that fails leaves no order at all.
import { ConflictError } from '@pos/platform';

export const ORDER_STATUSES = ['pending', 'paid', 'cancelled', 'expired'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const allowed: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['paid', 'cancelled', 'expired'],
  paid: [],
  cancelled: [],
  expired: [],
};

export const mayTransition = (from: OrderStatus, to: OrderStatus): boolean => allowed[from].includes(to);

/** The new status, or a 409 naming the order and both statuses. */
export function transition(orderId: string, from: OrderStatus, to: OrderStatus): OrderStatus {
  if (!mayTransition(from, to)) throw new ConflictError(`ORDER.${from.toUpperCase()}`, `order ${orderId} is ${from} and cannot become ${to}`, { status: from });
  return to;
}

/** What the order's reservation must become after the order reached `status`. */
export function reservationStepFor(status: OrderStatus): 'commit' | 'release' | undefined {
  if (status === 'paid') return 'commit';
  if (status === 'cancelled' || status === 'expired') return 'release';
  return undefined;
}
