// The till's own settings, kept on the device: the receipt paper's width.
import { signal } from '@preact/signals';
import { readKv, writeKv } from './db.ts';

/** The shop's day (for the PPN rate in force) and receipt times, as the order app's SHOP_TIME_ZONE. */
export const SHOP_TIME_ZONE = 'Asia/Jakarta';

export type PaperWidth = 80 | 58;
export const paperWidth = signal<PaperWidth>(80);

export async function loadSettings(): Promise<void> {
  paperWidth.value = (await readKv<PaperWidth>('paperWidth')) ?? 80;
}

/** Takes effect at once (a reprint pressed right after prints on the new paper), then is kept. */
export async function setPaperWidth(width: PaperWidth): Promise<void> {
  paperWidth.value = width;
  await writeKv('paperWidth', width);
}
