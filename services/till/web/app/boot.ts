// Start-up in the live tab: read the state from IndexedDB, then keep the catalogue and the
// uploads going. A tab that is not live reads nothing and writes nothing.
import { signal } from '@preact/signals';
import { countProducts, syncCatalogue } from './catalogue.ts';
import { loadDraft } from './draft.ts';
import { loadLanguage } from './i18n.ts';
import { refreshCounts } from './offline-sales.ts';
import { watchCharge } from './payment.ts';
import { loadSession, session } from './session.ts';
import { loadShift, shiftAfterLogin } from './shift.ts';
import { claimTill, takeOver } from './tab-lock.ts';
import { startUploads } from './upload.ts';
import { loadSettings } from './settings.ts';
import { reconnectPrinter } from './printing.ts';
import { addScanned } from './scan-to-cart.ts';
import { listenForScans } from './scanner.ts';

export const ready = signal(false);
/** Whether the browser promised to keep the till's IndexedDB (false: it may evict it when space runs short). */
export const storagePersisted = signal<boolean | undefined>(undefined);

/** Asks that the waiting sales never be evicted (odoo/odoo#125037: orders lost to a cleared store). */
async function askPersistence(): Promise<void> {
  try {
    storagePersisted.value = (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    storagePersisted.value = false;
  }
}

const CATALOGUE_EVERY_MS = 60_000;
let stops: (() => void)[] = [];

/** Catalogue changes now and every minute while a cashier is logged in. */
function startCatalogue(): () => void {
  const run = () => { if (session.value) syncCatalogue().catch((error: unknown) => console.warn('catalogue sync:', error)); };
  run();
  const timer = setInterval(run, CATALOGUE_EVERY_MS);
  addEventListener('online', run);
  return () => { clearInterval(timer); removeEventListener('online', run); };
}

async function live(): Promise<void> {
  await Promise.all([loadSession(), loadDraft(), refreshCounts(), countProducts(), loadSettings()]);
  ready.value = true;
  if (session.value) void loadShift();
  stops = [startUploads(), startCatalogue(), listenForScans((code) => void addScanned(code))];
  void reconnectPrinter();
  watchCharge();
}

function lost(): void {
  for (const stop of stops) stop();
  stops = [];
  ready.value = false;
}

export async function boot(): Promise<void> {
  await loadLanguage();
  void askPersistence();
  await claimTill(() => void live(), lost);
}

export const takeOverTill = () => takeOver(() => void live(), lost);

/** After a login: the till's shift (none open: opening one is offered), the catalogue at once. */
export function afterLogin(): void {
  void shiftAfterLogin();
  syncCatalogue().catch((error: unknown) => console.warn('catalogue sync:', error));
}
