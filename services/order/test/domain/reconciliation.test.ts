// The pure rules of reconciliation: when a pending charge is asked about again, and when
// Midtrans not knowing it means it was never made.
import assert from 'node:assert/strict';
import { chargeExpiresAt, checkIntervalSeconds, unknownChargeMeans } from '../../src/domain/reconciliation.ts';

const at = (iso: string) => new Date(iso);

describe('reconciliation rules', () => {
  it('a pending charge is asked about again after the first wait, then twice as long each time, never more than an hour apart', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 50].map((checks) => checkIntervalSeconds(checks, 60)), [60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  it('a charge expires when Midtrans said it would, else 15 minutes (QRIS) or a day (Snap) after its tender was saved', () => {
    const createdAt = at('2026-11-26T10:00:00Z');
    const qris = { kind: 'qris' as const, qrString: 'q', qrUrl: null };
    assert.deepEqual(chargeExpiresAt({ kind: 'qris', createdAt, charge: { ...qris, expiresAt: '2026-11-26T10:05:00.000Z' } }), at('2026-11-26T10:05:00Z'));
    assert.deepEqual(chargeExpiresAt({ kind: 'qris', createdAt, charge: { ...qris, expiresAt: null } }), at('2026-11-26T10:15:00Z'));
    assert.deepEqual(chargeExpiresAt({ kind: 'qris', createdAt, charge: null }), at('2026-11-26T10:15:00Z'));
    assert.deepEqual(chargeExpiresAt({ kind: 'snap', createdAt, charge: { kind: 'snap', token: 't', redirectUrl: 'u' } }), at('2026-11-27T10:00:00Z'));
  });

  it('a charge Midtrans does not know is asked about again until its time is over, and counts as never made from then on', () => {
    const pending = { kind: 'qris' as const, createdAt: at('2026-11-26T10:00:00Z'), charge: null };
    assert.equal(unknownChargeMeans(pending, at('2026-11-26T10:14:59Z')), 'ask-again');
    assert.equal(unknownChargeMeans(pending, at('2026-11-26T10:15:00Z')), 'never-charged');
    const snap = { kind: 'snap' as const, createdAt: at('2026-11-26T10:00:00Z'), charge: null };
    assert.equal(unknownChargeMeans(snap, at('2026-11-26T12:00:00Z')), 'ask-again'); // nobody opened the link yet
  });
});
