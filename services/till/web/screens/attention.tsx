// Sales not yet on the server: those refused for good ("needs attention") with the reason and
// a retry, and those waiting; all of them can be saved to a file for the back office.
import { useEffect, useState } from 'preact/hooks';
import { formatRupiah } from '../kit/money.ts';
import { db, type StoredSale } from '../app/db.ts';
import { t } from '../app/i18n.ts';
import { attention, exportUnsent, retrySale, waitingCount } from '../app/offline-sales.ts';
import { SHOP_TIME_ZONE } from '../app/settings.ts';
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

function refusalText(refusal: StoredSale['refusal']): string {
  if (!refusal) return '';
  if (refusal.code === 'OFFLINE_SALE.CONFLICT') return t('attention.conflict');
  if (refusal.code === 'TILL.REVOKED') return t('attention.revoked');
  if (refusal.code === 'OFFLINE_SALE.INVALID') return t('attention.invalid', { reason: refusal.reason });
  return t('attention.reason', { reason: `${refusal.code}: ${refusal.reason}` });
}

function SaleRow({ sale }: { sale: StoredSale }) {
  return (
    <li>
      <span class="number">{sale.receiptNumber}</span> · {new Date(sale.soldAt).toLocaleString('id-ID', { timeZone: SHOP_TIME_ZONE })} · {formatRupiah(sale.totals.total)}
      {sale.refusal && <><br /><span class="reason">{refusalText(sale.refusal)}</span>{' '}
        <button type="button" onClick={() => void retrySale(sale.id).then(() => uploadWaiting())}>{t('common.retry')}</button></>}
    </li>
  );
}

export function AttentionScreen({ onClose }: { onClose: () => void }) {
  const [waiting, setWaiting] = useState<StoredSale[]>([]);
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
      <h2>{t('attention.title')} ({attention.value.length})</h2>
      {attention.value.length === 0 ? <p>{t('unsent.none')}</p> : (
        <><p>{t('attention.help')}</p><ul>{attention.value.map((sale) => <SaleRow key={sale.id} sale={sale} />)}</ul></>
      )}
      <h2>{t('unsent.waiting', { count: waiting.length })}</h2>
      {waiting.length > 0 ? <ul>{waiting.map((sale) => <SaleRow key={sale.id} sale={sale} />)}</ul> : <p>{t('unsent.none')}</p>}
      <div class="actions">
        <button type="button" onClick={() => void download()}>{t('outbox.export')}</button>
        <button ref={closeButton} type="button" class="primary" onClick={onClose}><kbd>Esc</kbd> {t('common.close')}</button>
      </div>
    </div>
  );
}
