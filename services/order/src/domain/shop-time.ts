// Calendar days in the shop's time zone (Asia/Jakarta by default), not the server's.

// One formatter per zone: making one costs more than a checkout's pricing (bench profile).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The date (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

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
