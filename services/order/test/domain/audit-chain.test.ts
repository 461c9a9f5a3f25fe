import assert from 'node:assert/strict';
import { chained, entryHash, firstBrokenSeq, GENESIS_HASH, type AuditEntry, type ChainedEntry } from '../../src/domain/audit-chain.ts';

const entry = (n: number): Omit<AuditEntry, 'seq'> => ({
  at: new Date(Date.UTC(2026, 11, 4, 3, 0, n)), actorId: `cashier-${n}`, actorRole: 'cashier', tillCode: 'T01', action: 'refund',
  ref: `order-${n}`, amount: 1000 * n, approvedBy: 'manager-1', detail: { returnId: `r-${n}`, lines: [{ lineNo: 1, quantity: n }] },
});

function log(count: number): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  for (let n = 1; n <= count; n++) entries.push(chained(entries.at(-1), entry(n)));
  return entries;
}

describe('the audit log\'s hash chain', () => {
  it('numbers entries from 1, the first chained to the genesis hash and each to the one before', () => {
    const entries = log(3);
    assert.deepEqual(entries.map((e) => e.seq), [1, 2, 3]);
    assert.equal(entries[0]?.prevHash, GENESIS_HASH);
    assert.equal(entries[1]?.prevHash, entries[0]?.hash);
    assert.equal(firstBrokenSeq(undefined, entries), undefined);
  });

  it('the hash does not depend on the order of the detail\'s keys (jsonb reorders them)', () => {
    const [first] = log(1) as [ChainedEntry];
    const reordered = { ...first, detail: { lines: [{ quantity: 1, lineNo: 1 }], returnId: 'r-1' } };
    assert.equal(entryHash(GENESIS_HASH, reordered), first.hash);
  });

  const edits: [string, (e: ChainedEntry) => ChainedEntry][] = [
    ['amount', (e) => ({ ...e, amount: e.amount + 1 })],
    ['approver', (e) => ({ ...e, approvedBy: null })],
    ['time', (e) => ({ ...e, at: new Date(e.at.getTime() + 1) })],
    ['detail', (e) => ({ ...e, detail: { ...e.detail, returnId: 'other' } })],
    ['till code', (e) => ({ ...e, tillCode: 'T02' })],
  ];
  for (const [what, edit] of edits) {
    it(`an entry with its ${what} edited is found: the chain breaks at its seq`, () => {
      const entries = log(4);
      entries[1] = edit(entries[1] as ChainedEntry);
      assert.equal(firstBrokenSeq(undefined, entries), 2);
    });
  }

  it('an edit that recomputes the entry\'s own hash still breaks the link to the next one', () => {
    const entries = log(3);
    const edited = { ...(entries[1] as ChainedEntry), amount: 1 };
    entries[1] = { ...edited, hash: entryHash(edited.prevHash, edited) };
    assert.equal(firstBrokenSeq(undefined, entries), 3);
  });

  it('a removed entry, and two swapped, are found', () => {
    const removed = log(4);
    removed.splice(1, 1);
    assert.equal(firstBrokenSeq(undefined, removed), 3);
    const swapped = log(4);
    [swapped[1], swapped[2]] = [swapped[2] as ChainedEntry, swapped[1] as ChainedEntry];
    assert.equal(firstBrokenSeq(undefined, swapped), 3);
  });

  it('a page is checked from the entry before it', () => {
    const entries = log(5);
    assert.equal(firstBrokenSeq(entries[1], entries.slice(2)), undefined);
    assert.equal(firstBrokenSeq(entries[0], entries.slice(2)), 3);
  });
});
