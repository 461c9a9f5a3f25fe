// Which tender the tender screen shows; the sale screen's F-keys choose it before paying.
import { signal } from '@preact/signals';

export type Panel = 'cash' | 'qris' | 'snap' | 'external';
export const tenderPanel = signal<Panel>('cash');
export const tenderKeys: Record<string, Panel> = { F2: 'cash', F3: 'qris', F4: 'snap', F6: 'external' };
