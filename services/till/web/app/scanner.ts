// A barcode scanner is a keyboard (a "wedge"): it types the code and Enter, a few ms per key,
// into whatever field has the focus. Its keys are told from a person's by their timing; a
// scan is taken out of the field it fell into (a quantity stays the quantity) and handed on.
import { looksScanned } from './kit.ts';

interface Burst { target: EventTarget | null; valueBefore: string | undefined; keys: string[]; times: number[] }

const GAP_MS = 50;

const fieldValue = (target: EventTarget | null): string | undefined =>
  target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target.value : undefined;

function restore(target: EventTarget | null, value: string | undefined): void {
  if (value === undefined || !(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
  target.value = value;
  target.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Listens on the whole page; `onScan` gets each scanned code. Returns the way to stop. */
export function listenForScans(onScan: (code: string) => void): () => void {
  let burst: Burst | undefined;
  const keydown = (event: KeyboardEvent) => {
    const last = burst?.times.at(-1);
    if (burst && last !== undefined && event.timeStamp - last > GAP_MS) burst = undefined;
    if (event.key === 'Enter') {
      if (burst && looksScanned(burst.times)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        const code = burst.keys.join('');
        restore(burst.target, burst.valueBefore);
        burst = undefined;
        onScan(code);
      }
      burst = undefined;
      return;
    }
    if (event.key.length !== 1 || event.ctrlKey || event.altKey || event.metaKey) { burst = undefined; return; }
    burst ??= { target: event.target, valueBefore: fieldValue(event.target), keys: [], times: [] };
    burst.keys.push(event.key);
    burst.times.push(event.timeStamp);
  };
  // Capture: the scan is seen before any field's own Enter handling.
  window.addEventListener('keydown', keydown, { capture: true });
  return () => window.removeEventListener('keydown', keydown, { capture: true });
}
