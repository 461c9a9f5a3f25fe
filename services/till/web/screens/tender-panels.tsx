// The tender panels. Offline, QRIS and Snap say why they cannot be used; paid elsewhere is
// recorded on the till.
import { useEffect, useState } from 'preact/hooks';
import { online } from '../app/connectivity.ts';
import { draft } from '../app/draft.ts';
import { t } from '../app/i18n.ts';
import { formatRupiah, quickCash } from '../app/kit.ts';
import { busy, payCash, payElsewhere, payOnline, recordOnTill } from '../app/payment.ts';
import { useFocus } from './focus.ts';
import { QrCode } from './qr-code.tsx';

/** Digits typed as an amount; empty means "what is due". */
const amountOf = (text: string, due: number): number => (text.trim() === '' ? due : Number(text.replace(/\D/g, '')));

export function CashPanel({ due, busy: working }: { due: number; busy: boolean }) {
  const [text, setText] = useState('');
  const input = useFocus<HTMLInputElement>();
  const tendered = amountOf(text, due);
  const submit = (event: Event) => { event.preventDefault(); if (tendered > 0) { void payCash(tendered); setText(''); } };
  return (
    <form onSubmit={submit}>
      <label class="field">
        <span>{t('cash.tendered')}</span>
        <input ref={input} inputMode="numeric" autoComplete="off" placeholder={String(due)} value={text}
          onInput={(event) => setText(event.currentTarget.value)} />
      </label>
      <div class="quick" role="group" aria-label={t('cash.quick')}>
        {quickCash(due).map((amount) => (
          <button key={amount} type="button" disabled={working} onClick={() => void payCash(amount)}>{formatRupiah(amount)}</button>
        ))}
      </div>
      <p class="change" aria-live="polite">
        {tendered >= due ? t('cash.change', { amount: formatRupiah(tendered - due) }) : t('cash.partial', { amount: formatRupiah(due - tendered) })}
      </p>
      <button type="submit" class="primary" disabled={working}><kbd>Enter</kbd> {t('cash.take')}</button>
    </form>
  );
}

function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => { const timer = setInterval(() => setNow(Date.now()), 1000); return () => clearInterval(timer); }, []);
  return now;
}

function OpenCharge() {
  const payment = draft.value.payment;
  const now = useNow();
  if (payment?.mode !== 'online' || !payment.charge) return null;
  const charge = payment.charge;
  const left = charge.kind === 'qris' && charge.expiresAt ? Math.max(0, Math.round((Date.parse(charge.expiresAt) - now) / 1000)) : undefined;
  return (
    <div class="charge">
      <QrCode text={charge.kind === 'qris' ? charge.qrString : charge.redirectUrl} label={t(charge.kind === 'qris' ? 'qris.code' : 'snap.code')} />
      <p class="amount">{formatRupiah(charge.amount)}</p>
      {charge.kind === 'snap' && <p><a href={charge.redirectUrl} target="_blank" rel="noreferrer">{charge.redirectUrl}</a></p>}
      {left !== undefined && <p>{t('qris.expires', { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` })}</p>}
      <p role="status" class="waiting">{t('qris.waiting')}</p>
    </div>
  );
}

export function OnlinePanel({ method, due }: { method: 'qris' | 'snap'; due: number }) {
  const [text, setText] = useState('');
  const input = useFocus<HTMLInputElement>();
  const payment = draft.value.payment;
  if (payment?.mode !== 'online' || !online.value) return <p class="unavailable">{t('tender.needsNetwork', { method: t(`tender.${method}`) })}</p>;
  if (payment.charge) {
    return payment.charge.kind === method ? <OpenCharge /> : <p>{t('tender.otherOpen')}</p>;
  }
  const amount = amountOf(text, due);
  const submit = (event: Event) => { event.preventDefault(); if (amount > 0 && amount <= due) void payOnline(method, amount); };
  return (
    <form onSubmit={submit}>
      <label class="field">
        <span>{t('tender.amount')}</span>
        <input ref={input} inputMode="numeric" autoComplete="off" placeholder={String(due)} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      </label>
      <button type="submit" class="primary" disabled={busy.value || !payment.order}><kbd>Enter</kbd> {t(method === 'qris' ? 'qris.show' : 'snap.show')}</button>
    </form>
  );
}

export function ElsewherePanel({ due }: { due: number }) {
  const [text, setText] = useState('');
  const input = useFocus<HTMLInputElement>();
  const button = useFocus<HTMLButtonElement>();
  const [reference, setReference] = useState('');
  const payment = draft.value.payment;
  if (payment?.mode === 'online') {
    const allowed = (payment.order?.paid ?? 0) === 0 && !payment.charge;
    return (
      <div>
        <p>{t(allowed ? 'elsewhere.onTill' : 'elsewhere.notNow')}</p>
        {allowed && <button ref={button} type="button" class="primary" onClick={() => void recordOnTill()}>{t('elsewhere.switch')}</button>}
      </div>
    );
  }
  const amount = amountOf(text, due);
  const submit = (event: Event) => { event.preventDefault(); if (amount > 0) { void payElsewhere(amount, reference.trim()); setText(''); } };
  return (
    <form onSubmit={submit}>
      <label class="field">
        <span>{t('tender.amount')}</span>
        <input ref={input} inputMode="numeric" autoComplete="off" placeholder={String(due)} value={text} onInput={(event) => setText(event.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('elsewhere.reference')}</span>
        <input autoComplete="off" maxLength={100} value={reference} onInput={(event) => setReference(event.currentTarget.value)} />
      </label>
      <button type="submit" class="primary" disabled={busy.value}><kbd>Enter</kbd> {t('elsewhere.take')}</button>
    </form>
  );
}
