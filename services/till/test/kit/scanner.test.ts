import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_SCANNER_OPTIONS, idleCheckAt, scannerIdle, scannerKey, scannerStart, type KeyPress, type ScannerOutput } from '../../web/kit/scanner.ts';

/** Feeds the keys, then lets the screen's idle timer fire once: everything that came out. */
function read(presses: readonly KeyPress[]): ScannerOutput[] {
  let state = scannerStart();
  const out: ScannerOutput[] = [];
  for (const press of presses) {
    const [next, emitted] = scannerKey(state, press);
    state = next;
    out.push(...emitted);
  }
  const deadline = idleCheckAt(state);
  if (deadline !== null) out.push(...scannerIdle(state, deadline)[1]);
  return out;
}

/** Keys `gap` ms apart from `start`. */
const keys = (text: string[], start: number, gap: number): KeyPress[] => text.map((key, i) => ({ key, at: start + i * gap }));
const scanOf = (code: string, start: number, gap = 4) => keys([...code, 'Enter'], start, gap);
const typedKeys = (out: ScannerOutput[]) => out.flatMap((o) => (o.kind === 'typed' ? o.keys : []));

describe('till scanner: a wedge scan told from typing by key timing', () => {
  it('thirteen digits a few ms apart, then Enter, are one scan and nothing typed', () => {
    assert.deepEqual(read(scanOf('8991234567895', 1000)), [{ kind: 'scan', code: '8991234567895' }]);
  });

  it('a cashier typing a quantity and Enter (keys 120 ms apart) is typing', () => {
    assert.deepEqual(typedKeys(read(keys(['1', '2', 'Enter'], 0, 120))), ['1', '2', 'Enter']);
    assert.equal(read(keys(['1', '2', 'Enter'], 0, 120)).some((o) => o.kind === 'scan'), false);
  });

  it('a code typed by hand with Enter is typed, even a long one', () => {
    const out = read(keys([...'8991234567895', 'Enter'], 0, 90));
    assert.equal(out.some((o) => o.kind === 'scan'), false);
    assert.equal(typedKeys(out).join(''), '8991234567895Enter');
  });

  it('a scan after typed digits comes out whole; the typed digits come out first, as typed', () => {
    const out = read([...keys(['3'], 0, 0), ...scanOf('8991234567895', 400)]);
    assert.deepEqual(out, [{ kind: 'typed', keys: ['3'] }, { kind: 'scan', code: '8991234567895' }]);
  });

  it('two keys rolled over fast and Enter are too short for a scan', () => {
    assert.deepEqual(typedKeys(read(keys(['1', '2', 'Enter'], 0, 5))), ['1', '2', 'Enter']);
  });

  it('a burst with a pause in it is no scan: the held digits come out typed', () => {
    const presses = [...keys([...'899123'], 0, 4), ...keys([...'4567895', 'Enter'], 200, 4)];
    // The part after the pause, seven fast digits and Enter, is a scan of its own.
    assert.deepEqual(read(presses), [{ kind: 'typed', keys: [...'899123'] }, { kind: 'scan', code: '4567895' }]);
  });

  it('fast digits never ended by Enter come out typed once the idle deadline passes, not before', () => {
    const [state, out] = scannerKey(scannerKey(scannerStart(), { key: '4', at: 0 })[0], { key: '2', at: 3 });
    assert.deepEqual(out, []);
    assert.equal(idleCheckAt(state), 3 + DEFAULT_SCANNER_OPTIONS.maxGapMs + 1);
    assert.deepEqual(scannerIdle(state, 3 + DEFAULT_SCANNER_OPTIONS.maxGapMs)[1], []);
    assert.deepEqual(scannerIdle(state, 3 + DEFAULT_SCANNER_OPTIONS.maxGapMs + 1)[1], [{ kind: 'typed', keys: ['4', '2'] }]);
    assert.equal(idleCheckAt(scannerStart()), null);
  });

  it('a key other than a digit lets the held digits out before it, in order', () => {
    const out = read(keys(['1', '2', 'Backspace', '5'], 0, 5));
    assert.deepEqual(typedKeys(out), ['1', '2', 'Backspace', '5']);
  });

  it('however typing and scans interleave, no scanned digit is ever typed, and no typed key is lost or reordered', () => {
    const code = fc.stringMatching(/^\d{6,14}$/);
    const human = fc.array(fc.constantFrom(...'0123456789', 'Enter', 'Backspace', 'x'), { maxLength: 6 });
    const session = fc.array(fc.record({ human, code, typeGap: fc.integer({ min: 45, max: 400 }), scanGap: fc.integer({ min: 0, max: 30 }) }), { minLength: 1, maxLength: 5 });
    fc.assert(fc.property(session, (parts) => {
      let at = 0;
      const presses: KeyPress[] = [];
      for (const part of parts) {
        for (const key of part.human) presses.push({ key, at: (at += part.typeGap) });
        at += part.typeGap; // the scanner starts after a pause
        for (const key of [...part.code, 'Enter']) presses.push({ key, at: (at += part.scanGap) });
        at += 100;
      }
      const out = read(presses);
      assert.deepEqual(out.flatMap((o) => (o.kind === 'scan' ? [o.code] : [])), parts.map((part) => part.code));
      assert.deepEqual(typedKeys(out), parts.flatMap((part) => part.human));
    }), { numRuns: 300 });
  });
});
