// Receipt numbers of sales made on the till: `<till code>-<counter>`, "T01-000042". The counter
// is the till's own, one more than the last, given in the same IndexedDB transaction that
// records the sale (docs/till-api.md), so numbers never repeat and never skip. Six digits,
// and more once a till passes 999 999 (the order stays by counter, not by text).

/** A till's code, as the user service allows it: 1–12 of A–Z, 0–9 and '-'. */
export const TILL_CODE = /^[A-Z0-9-]{1,12}$/;

export interface ReceiptNumber {
  tillCode: string;
  counter: number;
}

export function formatReceiptNumber({ tillCode, counter }: ReceiptNumber): string {
  if (!TILL_CODE.test(tillCode)) throw new RangeError(`${tillCode} is no till code`);
  if (!Number.isSafeInteger(counter) || counter < 1) throw new RangeError(`a receipt counter starts at 1, not ${counter}`);
  return `${tillCode}-${String(counter).padStart(6, '0')}`;
}

/** The parts of a receipt number, or null when the text is none. The code may hold '-': the counter is after the last. */
export function parseReceiptNumber(text: string): ReceiptNumber | null {
  const match = /^([A-Z0-9-]{1,12})-(\d{6,})$/.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const counter = Number(match[2]);
  // "T01-0000042" is not how 42 is written: one spelling per number.
  if (!Number.isSafeInteger(counter) || counter < 1 || formatReceiptNumber({ tillCode: match[1], counter }) !== text) return null;
  return { tillCode: match[1], counter };
}

/** The number after `last` (the till's latest, null for its first sale). */
export function nextReceiptNumber(tillCode: string, last: string | null): string {
  if (last === null) return formatReceiptNumber({ tillCode, counter: 1 });
  const previous = parseReceiptNumber(last);
  if (!previous) throw new RangeError(`${last} is no receipt number`);
  if (previous.tillCode !== tillCode) throw new RangeError(`${last} is another till's number, not ${tillCode}'s`);
  return formatReceiptNumber({ tillCode, counter: previous.counter + 1 });
}
