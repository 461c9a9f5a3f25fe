// Paying: what is due, the tenders taken, and one panel per tender (F2 cash, F3 QRIS, F4 Snap,
// F6 paid elsewhere). Esc backs out to the cart.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatRupiah } from '../kit/money.ts';
import { draft } from '../app/draft.ts';
import { t, type Key } from '../app/i18n.ts';
import { online } from '../app/connectivity.ts';
import { abandonPayment, amountDue, mayRecordOnTill, paymentError, recordOnTill, tendering } from '../app/payment.ts';
import { saleNotice } from '../app/scan-to-cart.ts';
import { KeyBar } from './keys.tsx';
import { tenderKeys, tenderPanel } from './panel.ts';
import { CashPanel, ExternalPanel, OnlinePanel } from './tender-panels.tsx';

function Taken() {
  const payment = draft.value.payment;
  const taken = payment?.mode === 'local'
    ? payment.tenders.map((tender) => ({ label: t(`tender.${tender.kind}`), amount: tender.amount }))
    : (payment?.order?.tenders ?? []).filter((tender) => tender.status === 'paid').map((tender) => ({ label: t(`tender.${tender.kind}`), amount: tender.amount }));
  if (taken.length === 0) return null;
  return (
    <ul class="taken" aria-label={t('tender.taken')}>
      {taken.map((tender, index) => <li key={index}>{tender.label}: {formatRupiah(tender.amount)}</li>)}
    </ul>
  );
}

function errorText(error: { code: string } | undefined): string | undefined {
  if (!error) return undefined;
  if (error.code === 'UNREACHABLE') return t('error.unreachableRetry');
  if (error.code === 'STORAGE') return t('error.storage');
  if (error.code === 'CHARGE.ENDED') return t('tender.chargeEnded');
  if (error.code === 'ORDER.OUT_OF_STOCK') return t('error.outOfStock');
  if (error.code === 'APPROVAL.CANCELLED') return t('error.approvalCancelled');
  if (error.code === 'APPROVAL.INVALID') return t('approval.invalid');
  if (error.code.startsWith('tender.error.')) return t(error.code as Key);
  return t('error.refused', { code: error.code });
}

export function TenderScreen() {
  const payment = draft.value.payment;
  const [confirmEsc, setConfirmEsc] = useState(false);
  // Read at the key (two quick presses come before a redraw).
  const escPressed = useRef(false);
  // Listening from the first render on (not after the paint): a key pressed right after F2 counts.
  useLayoutEffect(() => {
    const keydown = (event: KeyboardEvent) => {
      const panel = tenderKeys[event.key];
      if (panel) { event.preventDefault(); tenderPanel.value = panel; escPressed.current = false; setConfirmEsc(false); }
      if (event.key !== 'Escape') return;
      event.preventDefault();
      const now = draft.value.payment;
      // An open QR code is cancelled only on a second Esc: the customer may be paying it.
      if (now?.mode === 'online' && now.charge && !escPressed.current) { escPressed.current = true; setConfirmEsc(true); return; }
      void abandonPayment();
    };
    addEventListener('keydown', keydown);
    return () => removeEventListener('keydown', keydown);
  }, []);
  if (!payment) return null;
  const due = amountDue();
  const total = payment.mode === 'online' ? payment.order?.total : undefined;
  const panel = tenderPanel.value;
  return (
    <div class="tender">
      <h1>{t('tender.title')}</h1>
      {payment.mode === 'local' && <p class="note" role="status">{t(payment.note === 'unreachable' ? 'tender.localUnreachable' : 'tender.local')}</p>}
      {payment.mode === 'online' && !payment.order && <p role="status">{t('tender.checkingOut')}</p>}
      <dl class="due">
        {total !== undefined && <><dt>{t('sale.total')}</dt><dd>{formatRupiah(total)}</dd></>}
        <dt>{t('tender.due')}</dt><dd class="amount" data-testid="due">{formatRupiah(due)}</dd>
      </dl>
      <Taken />
      <KeyBar onPick={(picked) => { tenderPanel.value = picked; }} current={panel} />
      <p class="error" role="alert">{errorText(paymentError.value)}</p>
      {confirmEsc && <p class="warn" role="alert">{t('tender.escAgain')}</p>}
      {payment.mode === 'online' && (!online.value || paymentError.value?.code === 'UNREACHABLE') && mayRecordOnTill() && (
        <p class="note">{t('tender.goOffline')} <button type="button" onClick={() => void recordOnTill()}>{t('elsewhere.switch')}</button></p>
      )}
      {saleNotice.value?.key === 'scan.whilePaying' && <p class="warn" role="status">{t(saleNotice.value.key, saleNotice.value.params)}</p>}
      <section class="panel" aria-label={t(`tender.${panel}`)}>
        {panel === 'cash' && <CashPanel due={due} busy={tendering.value} />}
        {(panel === 'qris' || panel === 'snap') && <OnlinePanel method={panel} due={due} />}
        {panel === 'external' && <ExternalPanel due={due} />}
      </section>
      <button type="button" class="back" onClick={() => void abandonPayment()}><kbd>Esc</kbd> {t('tender.back')}</button>
    </div>
  );
}
