// A barcode scanner is a keyboard (a "wedge"): it types the code and Enter, a few ms per key,
// into whatever has the focus. The kit's scanner (web/kit/scanner.ts) tells its keys from a
// person's by timing; here the page feeds it every key. Digits are held back until it is
// clear which they are: a scan goes to `onScan` and never into the field (a quantity stays the
// quantity); typed digits are put into the field they were typed into, a few ms late.
import { idleCheckAt, scannerIdle, scannerKey, scannerStart, type ScannerOutput } from '../kit/scanner.ts';

const isDigit = (key: string) => /^[0-9]$/.test(key);

const isField = (target: EventTarget | null): target is HTMLInputElement | HTMLTextAreaElement =>
  (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.isConnected;

/** Puts typed keys into the field they were typed into; keys typed as a screen changed (before
 * its field had the focus) go to the field that has it now. */
function typeInto(typedInto: EventTarget | null, keys: string[]): void {
  const target = isField(typedInto) ? typedInto : document.activeElement;
  if (keys.length === 0 || !isField(target)) return;
  if (document.activeElement !== target) target.focus();
  // As if typed: at the caret, with an input event, undoable.
  if (document.execCommand('insertText', false, keys.join(''))) return;
  target.value += keys.join('');
  target.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Listens on the whole page from now on; returns the way to stop. */
export function listenForScans(onScan: (code: string) => void): () => void {
  let state = scannerStart();
  let target: EventTarget | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const emit = (outputs: ScannerOutput[], current?: string) => {
    for (const output of outputs) {
      if (output.kind === 'scan') onScan(output.code);
      // A key that is no digit was never held: it goes on to the page by itself.
      else typeInto(target, current !== undefined && !isDigit(current) ? output.keys.slice(0, -1) : output.keys);
    }
  };
  const idle = () => {
    timer = undefined;
    const [next, outputs] = scannerIdle(state, performance.now());
    state = next;
    emit(outputs);
  };
  const keydown = (event: KeyboardEvent) => {
    if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.key.length !== 1 && event.key !== 'Enter' && state.held.length === 0) return;
    const heldBefore = state.held.length;
    const [next, outputs] = scannerKey(state, { key: event.key.length === 1 || event.key === 'Enter' ? event.key : 'Unidentified', at: event.timeStamp });
    state = next;
    if (outputs.some((output) => output.kind === 'scan')) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    emit(outputs, event.key);
    if (isDigit(event.key)) {
      event.preventDefault();
      if (state.held.length === 1 || heldBefore === 0) target = event.target;
    }
    if (timer !== undefined) clearTimeout(timer);
    const due = idleCheckAt(state);
    if (due !== null) timer = setTimeout(idle, Math.max(0, due - performance.now()));
  };
  // Capture: the page sees the keys before any field does.
  window.addEventListener('keydown', keydown, { capture: true });
  return () => {
    window.removeEventListener('keydown', keydown, { capture: true });
    if (timer !== undefined) clearTimeout(timer);
  };
}
