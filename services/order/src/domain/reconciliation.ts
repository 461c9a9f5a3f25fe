// Reconciliation of pending QRIS and Snap tenders whose notification never came: when to ask
// Midtrans again, and what it not knowing a charge means. Pure rules; use-cases/reconcile.ts
// asks Midtrans and applies its answer as a notification's would be.
import type { ChargeDetails } from './tenders.ts';

/** Midtrans' default lifetime of a charge when its answer named no expiry: a QRIS code lives
 * 15 minutes, a Snap payment link a day. */
export const DEFAULT_CHARGE_LIFETIME_SECONDS = { qris: 15 * 60, snap: 24 * 3600 } as const;

/** However long a charge stays pending, it is asked about at least this often. */
export const MAX_CHECK_INTERVAL_SECONDS = 3600;

export interface PendingCharge {
  kind: 'qris' | 'snap';
  /** When the tender was saved, just before Midtrans was asked to charge it. */
  createdAt: Date;
  /** What Midtrans answered the charge with; null when no answer was saved. */
  charge: ChargeDetails | null;
}

/** The wait after the `checks`-th question (1, 2, ...): the first wait, then twice as long each
 * time, up to an hour, so a charge left pending for days is not asked about every pass. */
export function checkIntervalSeconds(checks: number, firstWaitSeconds: number): number {
  return Math.min(MAX_CHECK_INTERVAL_SECONDS, firstWaitSeconds * 2 ** Math.max(0, Math.min(checks - 1, 20)));
}

/** When the charge can no longer be paid: the expiry Midtrans gave it, else its default lifetime
 * from the moment the tender was saved (the charge came after, so it ends no later than this). */
export function chargeExpiresAt(pending: PendingCharge): Date {
  const given = pending.charge?.kind === 'qris' ? pending.charge.expiresAt : null;
  if (given) return new Date(given);
  return new Date(pending.createdAt.getTime() + DEFAULT_CHARGE_LIFETIME_SECONDS[pending.kind] * 1000);
}

/** Midtrans' status API does not know the charge (404): before the charge's time is over it may
 * still be on its way (or a Snap link nobody has opened yet), so ask again; after it, the charge
 * was never made (the app stopped between saving the tender and charging, or the charge failed),
 * and the tender must stop holding the amount due. */
export const unknownChargeMeans = (pending: PendingCharge, now: Date): 'never-charged' | 'ask-again' =>
  now.getTime() >= chargeExpiresAt(pending).getTime() ? 'never-charged' : 'ask-again';
