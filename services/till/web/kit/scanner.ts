// A barcode scanner in keyboard-wedge mode types its code as keys, a few ms apart, then Enter.
// Told apart from a person by timing alone, a scan never lands in the field that has focus (a
// code read as a quantity is a known till failure: odoo PR#37411, opensourcepos#2390).
//
// Pure: the screen feeds each keydown (its `key` and `timeStamp`) and acts on what comes out.
// Digits are held back until it is clear whether they are a scan: the next key comes too late
// for one, a key other than a digit comes, or `scannerIdle` is called once the gap has passed
// (`idleCheckAt` says when). Held keys then come out as typed, in order, to be put in the field.

export interface KeyPress {
  /** KeyboardEvent.key: "7", "Enter", "a", "Backspace". */
  key: string;
  /** Milliseconds, KeyboardEvent.timeStamp. */
  at: number;
}

export type ScannerOutput = { kind: 'scan'; code: string } | { kind: 'typed'; keys: string[] };

export interface ScannerOptions {
  /** The longest wait between two keys of one scan (wedge scanners send keys 1–20 ms apart;
   * people rarely type two keys 30 ms apart, never a dozen in a row). */
  maxGapMs: number;
  /** The fewest digits a scan has: EAN-8 and longer; UPC-E has 6. */
  minLength: number;
}

export const DEFAULT_SCANNER_OPTIONS: ScannerOptions = { maxGapMs: 30, minLength: 6 };

/** The digits held back, each with its time. JSON-safe, so it can live in a store. */
export interface ScannerState {
  held: KeyPress[];
}

export const scannerStart = (): ScannerState => ({ held: [] });

type Step = [ScannerState, ScannerOutput[]];

const typed = (presses: readonly KeyPress[], ...more: string[]): ScannerOutput[] => {
  const keys = [...presses.map((press) => press.key), ...more];
  return keys.length > 0 ? [{ kind: 'typed', keys }] : [];
};

const isDigit = (key: string): boolean => /^[0-9]$/.test(key);

/** One key pressed: what it makes come out, and the state after it. */
export function scannerKey(state: ScannerState, press: KeyPress, options = DEFAULT_SCANNER_OPTIONS): Step {
  const last = state.held.at(-1);
  const inBurst = last !== undefined && press.at - last.at <= options.maxGapMs;
  if (isDigit(press.key)) {
    // Too late to be the same scan: what was held was typed; this digit may start a scan.
    return inBurst || last === undefined ? [{ held: [...state.held, press] }, []] : [{ held: [press] }, typed(state.held)];
  }
  if (press.key === 'Enter' && inBurst && state.held.length >= options.minLength) {
    return [scannerStart(), [{ kind: 'scan', code: state.held.map((held) => held.key).join('') }]];
  }
  return [scannerStart(), typed(state.held, press.key)];
}

/** Time passed without a key: held digits that can no longer be a scan come out as typed. */
export function scannerIdle(state: ScannerState, now: number, options = DEFAULT_SCANNER_OPTIONS): Step {
  const last = state.held.at(-1);
  if (last === undefined || now - last.at <= options.maxGapMs) return [state, []];
  return [scannerStart(), typed(state.held)];
}

/** When to call `scannerIdle` (a timer's deadline), or null when nothing is held. */
export function idleCheckAt(state: ScannerState, options = DEFAULT_SCANNER_OPTIONS): number | null {
  const last = state.held.at(-1);
  return last === undefined ? null : last.at + options.maxGapMs + 1;
}
