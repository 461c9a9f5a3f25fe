// Line and order discounts, in whole Rupiah. The rules, in the order they apply:
//
// 1. A line's own discount is an amount, or a percent of its price (unit price × quantity, or a
//    scale label's price) rounded half up to a whole Rupiah. It is at most the line's price.
// 2. An order discount is an amount, or a percent of the lines' total after their own discounts
//    (rounded half up). It is at most that total.
// 3. The order discount is spread over the lines in proportion to what each line comes to after
//    its own discount, by largest remainder: each line takes the floor of its exact share, and
//    the Rupiah left over go one each to the lines with the largest fractions (the earlier line
//    first on a tie). So the shares add up to the order discount exactly, no line's share is
//    more than it comes to, and every line's amount is ≥ 0.
// 4. A line's amount is its price − its own discount − its share; PPN is computed on that amount
//    (tax.ts), so the lines' amounts add up to the order's total to the Rupiah.
//
// A price override at the till is a line discount with a reason.
import { UnprocessableError } from '@pos/platform';

/** How a discount was given: a percent (whole, 0–100) or an amount of Rupiah; a reason makes it a price override. */
export type DiscountRequest = ({ percent: number } | { amount: number }) & { reason?: string | undefined };

/** A discount as given, with the Rupiah it came to: what an order records. */
export interface AppliedDiscount {
  kind: 'percent' | 'amount';
  /** The percent, or the amount, as given. */
  value: number;
  /** The Rupiah it came to. */
  amount: number;
  /** Set for a price override. */
  reason: string | null;
}

const invalid = (field: string, message: string) => new UnprocessableError('ORDER.DISCOUNT_INVALID', message, { field });

/** `value × percent / 100` rounded half up, in integers (BigInt: exact whatever the amount). */
export const percentOf = (value: number, percent: number): number => Number((2n * BigInt(value) * BigInt(percent) + 100n) / 200n);

/** The discount on `price` as given; refused (422, `field` named) beyond 0–100 % or the price. */
export function applyDiscount(request: DiscountRequest, price: number, field: string): AppliedDiscount {
  const reason = request.reason ?? null;
  if ('percent' in request) {
    if (!Number.isInteger(request.percent) || request.percent < 0 || request.percent > 100) throw invalid(field, `a discount is 0 to 100 percent, not ${request.percent}`);
    return { kind: 'percent', value: request.percent, amount: percentOf(price, request.percent), reason };
  }
  if (!Number.isSafeInteger(request.amount) || request.amount < 0) throw invalid(field, `a discount is a whole number of Rupiah ≥ 0, not ${request.amount}`);
  if (request.amount > price) throw invalid(field, `a discount of ${request.amount} is more than the ${price} it is taken from`);
  return { kind: 'amount', value: request.amount, amount: request.amount, reason };
}

/** Splits `total` over `weights` in proportion, by largest remainder: the parts add up to
 * `total` exactly, and none is more than its weight when `total` ≤ the weights' sum. */
export function spread(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((all, weight) => all + weight, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  // In BigInt: total × weight may pass 2^53 on large orders.
  const exact = weights.map((weight, index) => ({ index, share: BigInt(total) * BigInt(weight), part: 0 }));
  for (const line of exact) line.part = Number(line.share / BigInt(sum));
  let left = total - exact.reduce((all, line) => all + line.part, 0);
  const byRemainder = [...exact].sort((a, b) => Number((b.share % BigInt(sum)) - (a.share % BigInt(sum))) || a.index - b.index);
  for (const line of byRemainder) {
    if (left === 0) break;
    line.part += 1;
    left -= 1;
  }
  return exact.map((line) => line.part);
}

export interface DiscountedLine {
  /** Before any discount. */
  listAmount: number;
  discount: AppliedDiscount | null;
  /** This line's part of the order discount. */
  orderDiscountShare: number;
  /** What the line comes to: listAmount − its discount − its share. */
  amount: number;
}

export interface Discounted {
  lines: DiscountedLine[];
  orderDiscount: AppliedDiscount | null;
  total: number;
}

/** The lines' amounts after their own discounts and the order's, by the rules above. */
export function discountLines(
  lines: readonly { listAmount: number; discount?: DiscountRequest | undefined }[], orderDiscount: DiscountRequest | undefined,
): Discounted {
  const own = lines.map((line, index) => (line.discount ? applyDiscount(line.discount, line.listAmount, `lines.${index}.discount`) : null));
  const afterOwn = lines.map((line, index) => line.listAmount - (own[index]?.amount ?? 0));
  const subtotal = afterOwn.reduce((all, amount) => all + amount, 0);
  const order = orderDiscount ? applyDiscount(orderDiscount, subtotal, 'discount') : null;
  const shares = spread(order?.amount ?? 0, afterOwn);
  const discounted = lines.map((line, index): DiscountedLine => {
    const share = shares[index] ?? 0;
    return { listAmount: line.listAmount, discount: own[index] ?? null, orderDiscountShare: share, amount: (afterOwn[index] ?? 0) - share };
  });
  return { lines: discounted, orderDiscount: order, total: subtotal - (order?.amount ?? 0) };
}

/** What a discount over the role's limit needs: a manager's approval of this action for this many Rupiah. */
export interface ApprovalNeed {
  action: 'discount' | 'price-override';
  /** Every discount of the order together, in Rupiah. */
  amount: number;
}

/** Whether the discounts go beyond `limitPercent`: a line discounted by more than that share of
 * its price, or all the order's discounts together more than that share of its lines' prices.
 * The approval asked is for all the order's discounts; `price-override` when an override is
 * among those over the limit. Null when within the limit (or there is no discount). */
export function beyondLimit(lines: readonly Pick<DiscountedLine, 'listAmount' | 'discount' | 'amount'>[], limitPercent: number): ApprovalNeed | null {
  const over = (discount: number, of: number) => discount * 100 > limitPercent * of;
  const list = lines.reduce((all, line) => all + line.listAmount, 0);
  const amount = list - lines.reduce((all, line) => all + line.amount, 0);
  if (amount === 0) return null;
  const linesOver = lines.filter((line) => line.discount && over(line.discount.amount, line.listAmount));
  const orderOver = over(amount, list);
  if (linesOver.length === 0 && !orderOver) return null;
  const override = (orderOver ? lines : linesOver).some((line) => line.discount?.reason);
  return { action: override ? 'price-override' : 'discount', amount };
}
