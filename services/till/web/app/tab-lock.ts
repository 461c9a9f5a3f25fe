// One live tab per till (Web Locks): two tabs uploading the same sales, or numbering receipts
// from the same counter, is how offline tills duplicate. A second tab says the till is open
// elsewhere and may take it over; the tab it was taken from stops at once.
import { signal } from '@preact/signals';

const LOCK = 'pos-till';
export type TabState = 'asking' | 'live' | 'elsewhere' | 'taken-over';
export const tabState = signal<TabState>('asking');

/** Holds the lock until the tab closes, or another tab steals it (then onLost runs). */
function hold(options: LockOptions, onLive: () => void, onLost: () => void): Promise<boolean> {
  return new Promise((resolve) => {
    navigator.locks.request(LOCK, options, (lock) => {
      if (!lock) { resolve(false); return undefined; }
      resolve(true);
      onLive();
      return new Promise<void>(() => { /* held for the tab's life */ });
    }).catch((error: unknown) => {
      // A stolen lock rejects its holder's request with an AbortError.
      if (error instanceof DOMException && error.name === 'AbortError') onLost();
      else throw error;
    });
  });
}

export async function claimTill(onLive: () => void, onLost: () => void): Promise<void> {
  const lost = () => { tabState.value = 'taken-over'; onLost(); };
  const live = () => { tabState.value = 'live'; onLive(); };
  if (!(await hold({ ifAvailable: true }, live, lost))) tabState.value = 'elsewhere';
}

export async function takeOver(onLive: () => void, onLost: () => void): Promise<void> {
  const lost = () => { tabState.value = 'taken-over'; onLost(); };
  await hold({ steal: true }, () => { tabState.value = 'live'; onLive(); }, lost);
}
