// Line and sale discounts, computed as the order service computes them (its domain/discounts.ts),
// so a sale made offline carries the figures the server checks (tests/stack/till-rules-match-servers.test.ts
// holds the two together). The rules:
// - a line's discount is an amount, or a whole percent of its price rounded half up; at most its price;
// - a sale's discount is an amount, or a percent of the lines after their own discounts (half up); at most that;
// - the sale's discount is spread over the lines in proportion to what each comes to after its own,
//   by largest remainder (floors first, the Rupiah left to the largest fractions, the earlier line on a tie);
// - a line comes to its price − its discount − its share, and its PPN is on that.
// A price override is a line discount with a reason.

export type Discount = ({ percent: number } | { amount: number }) & { reason?: string };

/** A discount the rules refuse: out of 0–100 %, or more than it is taken from. */
export class DiscountError extends RangeError {}

/** `value × percent / 100` rounded half up, in integers (BigInt: exact whatever the amount). */
export const percentOf = (value: number, percent: number): number => Number((2n * BigInt(value) * BigInt(percent) + 100n) / 200n);

/** The Rupiah a discount comes to on `price`. */
export function discountAmount(discount: Discount, price: number): number {
  if ('percent' in discount) {
    if (!Number.isInteger(discount.percent) || discount.percent < 0 || discount.percent > 100) throw new DiscountError(`a discount is 0 to 100 percent, not ${discount.percent}`);
    return percentOf(price, discount.percent);
  }
  if (!Number.isSafeInteger(discount.amount) || discount.amount < 0) throw new DiscountError(`a discount is a whole number of Rupiah, not ${discount.amount}`);
  if (discount.amount > price) throw new DiscountError(`a discount of ${discount.amount} is more than the ${price} it is taken from`);
  return discount.amount;
}

/** `total` over `weights` in proportion, by largest remainder: the parts add up to `total`. */
export function spread(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((all, weight) => all + weight, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const big = BigInt(sum);
  const exact = weights.map((weight, index) => ({ index, share: BigInt(total) * BigInt(weight), part: 0 }));
  for (const line of exact) line.part = Number(line.share / big);
  let left = total - exact.reduce((all, line) => all + line.part, 0);
  const order = [...exact].sort((a, b) => Number((b.share % big) - (a.share % big)) || a.index - b.index);
  for (const line of order) {
    if (left === 0) break;
    line.part += 1;
    left -= 1;
  }
  return exact.map((line) => line.part);
}

export interface DiscountedLine {
  listAmount: number;
  /** The line's own discount in Rupiah. */
  discountAmount: number;
  orderDiscountShare: number;
  /** listAmount − discountAmount − orderDiscountShare. */
  amount: number;
}

/** Each line after its own discount and its share of the sale's, and the sale's discount in Rupiah. */
export function discountLines(lines: readonly { listAmount: number; discount?: Discount | undefined }[], saleDiscount: Discount | undefined) {
  const own = lines.map((line) => (line.discount ? discountAmount(line.discount, line.listAmount) : 0));
  const afterOwn = lines.map((line, index) => line.listAmount - (own[index] ?? 0));
  const subtotal = afterOwn.reduce((all, amount) => all + amount, 0);
  const saleAmount = saleDiscount ? discountAmount(saleDiscount, subtotal) : 0;
  const shares = spread(saleAmount, afterOwn);
  const discounted = lines.map((line, index): DiscountedLine => ({
    listAmount: line.listAmount, discountAmount: own[index] ?? 0, orderDiscountShare: shares[index] ?? 0, amount: (afterOwn[index] ?? 0) - (shares[index] ?? 0),
  }));
  return { lines: discounted, subtotal, saleDiscount: saleAmount, total: subtotal - saleAmount };
}

/** Whether a cashier needs a manager for these discounts (the order service's rule): a line
 * discounted by more than `limitPercent` of its price, or the discounts together by more than
 * that of the lines' prices. */
export function beyondLimit(lines: readonly DiscountedLine[], limitPercent: number): boolean {
  const over = (discount: number, of: number) => discount * 100 > limitPercent * of;
  const list = lines.reduce((all, line) => all + line.listAmount, 0);
  const all = list - lines.reduce((sum, line) => sum + line.amount, 0);
  return lines.some((line) => over(line.discountAmount, line.listAmount)) || over(all, list);
}
