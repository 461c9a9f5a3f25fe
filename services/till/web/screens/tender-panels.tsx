// The tender panels. Offline, QRIS and Snap say why they cannot be used (the kit's
// tenderOptions); paid elsewhere is recorded on the till. Amounts are read from the field
// when Enter is pressed: keys typed faster than the screen redraws still count.
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatRupiah, parseRupiah } from '../kit/money.ts';
import { quickCashAmounts, tenderOptions } from '../kit/tenders.ts';
import { online } from '../app/connectivity.ts';
import { draft } from '../app/draft.ts';
import { t } from '../app/i18n.ts';
import { mayRecordOnTill, payCash, payElsewhere, payOnline, recordOnTill, starting, tendering } from '../app/payment.ts';
import { useFocus } from './focus.ts';
import { QrCode } from './qr-code.tsx';

/** What was typed as an amount: empty is all that is due; null when it is no amount. */
const amountIn = (input: HTMLInputElement | null, due: number): number | null => {
  const text = input?.value.trim() ?? '';
  return text === '' ? due : parseRupiah(text);
};

function AmountField({ label, due, input, onInput }: { label: string; due: number; input: RefObject<HTMLInputElement | null>; onInput?: (text: string) => void }) {
  return (
    <label class="field">
      <span>{label}</span>
      <input ref={input} inputMode="numeric" autoComplete="off" placeholder={formatRupiah(due)} onInput={(event) => onInput?.(event.currentTarget.value)} />
    </label>
  );
}

export function CashPanel({ due, busy: working }: { due: number; busy: boolean }) {
  const input = useFocus<HTMLInputElement>();
  const [text, setText] = useState('');
  const typed = text.trim() === '' ? due : parseRupiah(text);
  const submit = (event: Event) => {
    event.preventDefault();
    const tendered = amountIn(input.current, due);
    if (tendered && tendered > 0) { void payCash(tendered); if (input.current) input.current.value = ''; setText(''); }
  };
  return (
    <form onSubmit={submit}>
      <AmountField label={t('tender.tendered')} due={due} input={input} onInput={setText} />
      <div class="quick" role="group" aria-label={t('cash.quick')}>
        <button type="button" disabled={working} onClick={() => void payCash(due)}>{t('tender.exact')}</button>
        {quickCashAmounts(due).slice(0, 5).map((amount) => (
          <button key={amount} type="button" disabled={working} onClick={() => void payCash(amount)}>{formatRupiah(amount)}</button>
        ))}
      </div>
      <p class="change" aria-live="polite">
        {typed !== null && typed >= due ? `${t('tender.change')}: ${formatRupiah(typed - due)}` : typed !== null ? t('cash.partial', { amount: formatRupiah(due - typed) }) : ''}
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
      <p>{charge.kind === 'qris' ? t('tender.qrisScan') : t('snap.code')}</p>
      <QrCode text={charge.kind === 'qris' ? charge.qrString : charge.redirectUrl} label={charge.kind === 'qris' ? t('tender.qrisScan') : t('snap.code')} />
      <p class="amount">{formatRupiah(charge.amount)}</p>
      {charge.kind === 'snap' && <p class="link"><a href={charge.redirectUrl} target="_blank" rel="noreferrer">{charge.redirectUrl}</a></p>}
      {left !== undefined && <p>{t('qris.expires', { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}` })}</p>}
      <p role="status" class="waiting">{t('tender.waiting')}</p>
    </div>
  );
}

export function OnlinePanel({ method, due }: { method: 'qris' | 'snap'; due: number }) {
  const input = useFocus<HTMLInputElement>();
  const payment = draft.value.payment;
  const option = tenderOptions(online.value && payment?.mode === 'online').find((candidate) => candidate.kind === method);
  if (!option?.available) return <p class="unavailable">{t(option?.unavailableReason ?? 'tender.qrisNeedsNetwork')}</p>;
  if (payment?.mode !== 'online') return null;
  if (payment.charge) return payment.charge.kind === method ? <OpenCharge /> : <p>{t('tender.otherOpen')}</p>;
  const submit = (event: Event) => {
    event.preventDefault();
    const amount = amountIn(input.current, due);
    if (amount && amount > 0 && amount <= due) void payOnline(method, amount);
  };
  return (
    <form onSubmit={submit}>
      <AmountField label={t('tender.amount')} due={due} input={input} />
      <button type="submit" class="primary" disabled={tendering.value || (!payment.order && !starting.value)}><kbd>Enter</kbd> {t(method === 'qris' ? 'qris.show' : 'snap.show')}</button>
    </form>
  );
}

export function ExternalPanel({ due }: { due: number }) {
  const input = useFocus<HTMLInputElement>();
  const reference = useRef<HTMLInputElement>(null);
  const button = useFocus<HTMLButtonElement>();
  const payment = draft.value.payment;
  if (payment?.mode === 'online') {
    const allowed = mayRecordOnTill();
    return (
      <div>
        <p>{t(allowed ? 'elsewhere.onTill' : 'elsewhere.notNow')}</p>
        {allowed && <button ref={button} type="button" class="primary" onClick={() => void recordOnTill()}>{t('elsewhere.switch')}</button>}
      </div>
    );
  }
  const submit = (event: Event) => {
    event.preventDefault();
    const amount = amountIn(input.current, due);
    if (amount && amount > 0) void payElsewhere(amount, reference.current?.value.trim() ?? '');
  };
  return (
    <form onSubmit={submit}>
      <p class="hint">{t('tender.externalHelp')}</p>
      <AmountField label={t('tender.amount')} due={due} input={input} />
      <label class="field">
        <span>{t('tender.reference')}</span>
        <input ref={reference} autoComplete="off" maxLength={100} />
      </label>
      <button type="submit" class="primary" disabled={tendering.value}><kbd>Enter</kbd> {t('elsewhere.take')}</button>
    </form>
  );
}
