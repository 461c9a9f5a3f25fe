// Sales not yet on the server: those waiting, and those refused for good ("needs attention")
// with the reason and a retry; all of them can be saved to a file for the back office.
import { useEffect, useState } from 'preact/hooks';
import { db, type OfflineSale } from '../app/db.ts';
import { t } from '../app/i18n.ts';
import { formatRupiah } from '../app/kit.ts';
import { attention, exportUnsent, retrySale, waitingCount } from '../app/offline-sales.ts';
import { uploadWaiting } from '../app/upload.ts';
import { useFocus } from './focus.ts';

async function download(): Promise<void> {
  const file = await exportUnsent();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function SaleRow({ sale, retry }: { sale: OfflineSale; retry?: boolean }) {
  return (
    <li>
      <span class="number">{sale.receiptNumber}</span> {new Date(sale.soldAt).toLocaleString('id-ID')} {formatRupiah(sale.body.totals.total)}
      {sale.reason && <span class="reason"> — {t('attention.reason', { reason: sale.reason })}</span>}
      {retry && <button type="button" onClick={() => void retrySale(sale.id).then(() => uploadWaiting())}>{t('attention.retry')}</button>}
    </li>
  );
}

export function AttentionScreen({ onClose }: { onClose: () => void }) {
  const [waiting, setWaiting] = useState<OfflineSale[]>([]);
  const count = waitingCount.value;
  const closeButton = useFocus<HTMLButtonElement>();
  useEffect(() => { void db.sales.where('state').equals('waiting').sortBy('soldAt').then(setWaiting); }, [count]);
  useEffect(() => {
    const keydown = (event: KeyboardEvent) => { if (event.key === 'Escape') { event.preventDefault(); onClose(); } };
    addEventListener('keydown', keydown);
    return () => removeEventListener('keydown', keydown);
  }, []);
  return (
    <div class="unsent">
      <h1>{t('unsent.title')}</h1>
      <h2>{t('attention.title', { n: attention.value.length })}</h2>
      {attention.value.length === 0 ? <p>{t('attention.none')}</p> : <ul>{attention.value.map((sale) => <SaleRow key={sale.id} sale={sale} retry />)}</ul>}
      <h2>{t('unsent.waiting', { n: waiting.length })}</h2>
      {waiting.length > 0 && <ul>{waiting.map((sale) => <SaleRow key={sale.id} sale={sale} />)}</ul>}
      <div class="actions">
        <button type="button" onClick={() => void download()}>{t('unsent.export')}</button>
        <button ref={closeButton} type="button" class="primary" onClick={onClose}><kbd>Esc</kbd> {t('unsent.close')}</button>
      </div>
    </div>
  );
}
