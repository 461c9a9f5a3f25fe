// Calendar days in the shop's time zone (Asia/Jakarta by default), not the server's.

/** The date (YYYY-MM-DD) of an instant in a time zone. */
export const dayIn = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

/** Received after the shop day of `madeAt` ended: a sale a till uploaded on a later day. */
export const arrivedLate = (madeAt: Date, receivedAt: Date, timeZone: string): boolean => dayIn(receivedAt, timeZone) > dayIn(madeAt, timeZone);

/** True when the runtime knows the zone (an IANA name). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
