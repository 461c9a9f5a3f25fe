/** After this many wrong passwords in a row, an account refuses logins for a while. */
export interface LoginPolicy {
  maxFailures: number;
  lockSeconds: number;
}

export function secondsLocked(lockedUntil: Date | null, now = new Date()): number {
  return lockedUntil ? Math.max(0, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)) : 0;
}
