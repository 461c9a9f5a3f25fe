// Refunds due (order's GET /refunds-due), the oldest first, each given back from here: in cash
// from the drawer, or the way it was paid (QRIS, Snap: through Midtrans).
import { useState } from 'preact/hooks';
import { formatRupiah } from '../../kit/money.ts';
import { t } from '../../app/i18n.ts';
import { payRefund, refundsDue, type RefundDue } from '../../app/office.ts';
import { SHOP_TIME_ZONE } from '../../app/settings.ts';
import { methodName, reasonOf, useLoad } from './load.ts';

function Row({ refund, busy, onPay }: { refund: RefundDue; busy: boolean; onPay: (refund: RefundDue, method: 'cash' | 'original') => void }) {
  const amount = formatRupiah(refund.amount);
  const method = methodName(refund.method);
  return (
    <tr>
      <th scope="row" class="nowrap">{refund.receiptNumber}</th>
      <td>{t(`refunds.cause.${refund.cause}`)}</td>
      <td>{method}</td>
      <td class="num">{amount}</td>
      <td>{new Date(refund.createdAt).toLocaleString('id-ID', { timeZone: SHOP_TIME_ZONE })}</td>
      <td>{t(`refunds.status.${refund.status}`)}</td>
      <td>
        {refund.status === 'due' && (
          <div class="actions">
            <button type="button" disabled={busy} aria-label={t('refunds.payCashOf', { amount, receipt: refund.receiptNumber })}
              onClick={() => onPay(refund, 'cash')}>{t('refunds.payCash')}</button>
            {refund.method !== 'cash' && (
              <button type="button" disabled={busy} aria-label={t('refunds.payOriginalOf', { amount, method, receipt: refund.receiptNumber })}
                onClick={() => onPay(refund, 'original')}>{t('refunds.payOriginal', { method })}</button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}

export function RefundsScreen() {
  const { data, error, reload } = useLoad(refundsDue, 'refunds');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ text: string; bad?: boolean } | undefined>();
  const pay = async (refund: RefundDue, method: 'cash' | 'original') => {
    setBusy(true);
    try {
      const paid = await payRefund(refund.id, method);
      const params = { receipt: refund.receiptNumber, amount: formatRupiah(paid.amount) };
      setDone({ text: t(paid.status === 'paid' ? 'refunds.paid' : 'refunds.pending', params) });
      reload();
    } catch (caught) {
      setDone({ text: reasonOf(caught), bad: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <p class="hint">{t('refunds.help')}</p>
      <div class="actions"><button type="button" onClick={reload}>{t('office.refresh')}</button></div>
      <p class={done?.bad ? 'error' : 'notice'} role="status">{done?.text}</p>
      {error && <p class="error" role="alert">{error}</p>}
      {data && data.length === 0 && <p>{t('office.none')}</p>}
      {data && data.length > 0 && (
        <table class="figures-table" aria-label={t('office.tab.refunds')}>
          <thead><tr>
            <th scope="col">{t('refunds.receipt')}</th><th scope="col">{t('refunds.cause')}</th><th scope="col">{t('sales.method')}</th>
            <th scope="col" class="num">{t('sales.amount')}</th><th scope="col">{t('refunds.since')}</th><th scope="col">{t('refunds.status')}</th><td />
          </tr></thead>
          <tbody>{data.map((refund) => <Row key={refund.id} refund={refund} busy={busy} onPay={(r, m) => void pay(r, m)} />)}</tbody>
        </table>
      )}
    </div>
  );
}
