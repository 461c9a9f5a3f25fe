// The shift at this till: opening it with a float (offered after a login), cash in and out
// with a reason, a no-sale drawer open, the X report, and the close: the count by note and
// coin, the variance against the expected, the Z report. Esc goes back to the sale.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatRupiah, parseRupiah } from '../kit/money.ts';
import { COINS, NOTES, parsePieces, variance, type Count, type Denomination } from '../kit/shift.ts';
import { ApiError, Unreachable } from '../app/api.ts';
import { ApprovalCancelled } from '../app/approval.ts';
import { online } from '../app/connectivity.ts';
import { t } from '../app/i18n.ts';
import { waitingCount, attention } from '../app/offline-sales.ts';
import { printShownReport } from '../app/printing.ts';
import { SHOP_TIME_ZONE } from '../app/settings.ts';
import {
  closeShift, countedTotal, expectedCash, loadShift, moveCash, offerOpen, openShift, printXReport, shift, shiftScreen, shownReport, type CashReport,
} from '../app/shift.ts';
import { useFocus } from './focus.ts';
import { ErrorLine } from './form.tsx';

function reasonOf(error: unknown): string | undefined {
  if (error instanceof ApprovalCancelled) return t('approval.cancelled');
  if (error instanceof Unreachable) return t('shift.needsServer');
  if (error instanceof ApiError && error.code === 'APPROVAL.INVALID') return t('approval.invalid');
  if (error instanceof ApiError) return t('error.refused', { code: error.code });
  throw error;
}

/** A step of the shift's screens: one at a time, its failure said beside it. */
function useStep(): [boolean, string | undefined, (work: () => Promise<void>) => Promise<boolean>] {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = async (work: () => Promise<void>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError(undefined);
    try {
      await work();
      return true;
    } catch (caught) {
      setError(reasonOf(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return [busy, error, run];
}

const back = () => { shiftScreen.value = undefined; offerOpen.value = false; };

/** Esc: back to the sale. */
function useEscBack(to: () => void = back): void {
  useEffect(() => {
    const keydown = (event: KeyboardEvent) => { if (event.key === 'Escape') { event.preventDefault(); to(); } };
    addEventListener('keydown', keydown);
    return () => removeEventListener('keydown', keydown);
  }, []);
}

function OpenShift() {
  const input = useFocus<HTMLInputElement>();
  const [busy, error, run] = useStep();
  const [invalid, setInvalid] = useState(false);
  useEscBack();
  const submit = (event: Event) => {
    event.preventDefault();
    const float = parseRupiah(input.current?.value ?? '');
    setInvalid(float === null);
    if (float !== null) void run(() => openShift(float));
  };
  return (
    <form class="card shift" onSubmit={submit}>
      <h1>{t('shift.openTitle')}</h1>
      <p>{t('shift.openHelp')}</p>
      <label class="field">
        <span>{t('shift.float')}</span>
        <input ref={input} inputMode="numeric" autoComplete="off" required />
      </label>
      <ErrorLine text={invalid ? t('shift.amountInvalid') : error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || !online.value}><kbd>Enter</kbd> {t('shift.open')}</button>
        <button type="button" onClick={back}><kbd>Esc</kbd> {t('shift.notNow')}</button>
      </div>
      {!online.value && <p class="note">{t('shift.needsServer')}</p>}
    </form>
  );
}

function CashMoves() {
  const amount = useFocus<HTMLInputElement>();
  const reason = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<'in' | 'out'>('in');
  const [busy, error, run] = useStep();
  const [done, setDone] = useState<string | undefined>();
  const [invalid, setInvalid] = useState<string | undefined>();
  const submit = (event: Event) => {
    event.preventDefault();
    const value = parseRupiah(amount.current?.value ?? '');
    const why = reason.current?.value.trim() ?? '';
    setDone(undefined);
    setInvalid(value === null || value <= 0 ? t('shift.amountInvalid') : why === '' ? t('shift.reasonMissing') : undefined);
    if (value === null || value <= 0 || why === '') return;
    void run(() => moveCash({ kind, amount: value, reason: why })).then((ok) => {
      if (!ok) return;
      setDone(t(kind === 'in' ? 'shift.cashInDone' : 'shift.cashOutDone', { amount: formatRupiah(value) }));
      if (amount.current) amount.current.value = '';
      if (reason.current) reason.current.value = '';
    });
  };
  return (
    <section aria-labelledby="moves-title">
      <h2 id="moves-title">{t('shift.movesTitle')}</h2>
      <form onSubmit={submit}>
        <fieldset class="kind">
          <legend>{t('shift.moveKind')}</legend>
          <label><input type="radio" name="kind" checked={kind === 'in'} onChange={() => setKind('in')} /> {t('shift.cashIn')}</label>
          <label><input type="radio" name="kind" checked={kind === 'out'} onChange={() => setKind('out')} /> {t('shift.cashOut')}</label>
        </fieldset>
        <label class="field"><span>{t('tender.amount')}</span><input ref={amount} inputMode="numeric" autoComplete="off" /></label>
        <label class="field"><span>{t('shift.reason')}</span><input ref={reason} autoComplete="off" maxLength={200} /></label>
        <ErrorLine text={invalid ?? error} />
        {done && <p class="done" role="status">{done}</p>}
        <button type="submit" class="primary" disabled={busy}>{t('shift.record')}</button>
      </form>
    </section>
  );
}

function NoSale() {
  const reason = useRef<HTMLInputElement>(null);
  const [busy, error, run] = useStep();
  const [done, setDone] = useState(false);
  const [missing, setMissing] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    const why = reason.current?.value.trim() ?? '';
    setMissing(why === '');
    setDone(false);
    if (why) void run(() => moveCash({ kind: 'no-sale', reason: why })).then((ok) => { setDone(ok); if (ok && reason.current) reason.current.value = ''; });
  };
  return (
    <section aria-labelledby="nosale-title">
      <h2 id="nosale-title">{t('shift.noSaleTitle')}</h2>
      <form onSubmit={submit}>
        <label class="field"><span>{t('shift.reason')}</span><input ref={reason} autoComplete="off" maxLength={200} /></label>
        <ErrorLine text={missing ? t('shift.reasonMissing') : error} />
        {done && <p class="done" role="status">{t('shift.noSaleDone')}</p>}
        <button type="submit" disabled={busy}>{t('shift.noSale')}</button>
      </form>
    </section>
  );
}

function ShiftMenu() {
  const current = shift.value;
  const [busy, error, run] = useStep();
  const closeButton = useFocus<HTMLButtonElement>();
  useEscBack();
  if (!current) return null;
  return (
    <div class="shift-screen">
      <h1>{t('shift.title')}</h1>
      <p>{t('shift.summary', {
        cashier: current.cashierName, float: formatRupiah(current.openingFloat),
        time: new Date(current.openedAt).toLocaleTimeString('id-ID', { timeZone: SHOP_TIME_ZONE, hour: '2-digit', minute: '2-digit' }),
      })}</p>
      {!online.value && <p class="note">{t('shift.needsServer')}</p>}
      <div class="shift-parts">
        <CashMoves />
        <NoSale />
      </div>
      <ErrorLine text={error} />
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void run(printXReport)}>{t('shift.xReport')}</button>
        <button type="button" class="primary" onClick={() => { shiftScreen.value = 'count'; }}>{t('shift.close')}</button>
        <button ref={closeButton} type="button" onClick={back}><kbd>Esc</kbd> {t('shift.backToSale')}</button>
      </div>
    </div>
  );
}

function CountRow({ value, pieces, onChange }: { value: Denomination; pieces: number | undefined; onChange: (text: string) => void }) {
  return (
    <tr>
      <th scope="row">{formatRupiah(value)}</th>
      <td><input inputMode="numeric" autoComplete="off" class="qty" aria-label={t('shift.piecesOf', { value: formatRupiah(value) })}
        onInput={(event) => onChange(event.currentTarget.value)} /></td>
      <td class="num">{formatRupiah(value * (pieces ?? 0))}</td>
    </tr>
  );
}

function CountScreen() {
  const [count, setCount] = useState<Count>({});
  const [bad, setBad] = useState(false);
  const [cash, setCash] = useState<CashReport | undefined>();
  const [busy, error, run] = useStep();
  const first = useFocus<HTMLDivElement>();
  useEscBack(() => { shiftScreen.value = 'menu'; });
  useEffect(() => { void run(async () => setCash(await expectedCash())); }, []);
  const set = (value: Denomination) => (text: string) => {
    const pieces = parsePieces(text);
    setBad(pieces === null);
    setCount((now) => ({ ...now, [value]: pieces ?? 0 }));
  };
  const counted = countedTotal(count);
  const difference = cash ? variance(counted, cash.expected) : undefined;
  const waiting = waitingCount.value + attention.value.length;
  const table = (title: string, values: readonly Denomination[]) => (
    <table class="count">
      <caption>{title}</caption>
      <thead><tr><th scope="col">{t('shift.value')}</th><th scope="col">{t('shift.pieces')}</th><th scope="col" class="num">{t('cart.amount')}</th></tr></thead>
      <tbody>{values.map((value) => <CountRow key={value} value={value} pieces={count[value]} onChange={set(value)} />)}</tbody>
    </table>
  );
  return (
    <form class="shift-screen" onSubmit={(event) => { event.preventDefault(); if (!bad) void run(() => closeShift(count)); }}>
      <h1>{t('shift.countTitle')}</h1>
      <div ref={first} tabIndex={-1} class="count-tables">
        {table(t('shift.notes'), NOTES)}
        {table(t('shift.coins'), COINS)}
      </div>
      <dl class="due">
        <dt>{t('shift.counted')}</dt><dd data-testid="counted">{formatRupiah(counted)}</dd>
        <dt>{t('shift.expected')}</dt><dd data-testid="expected">{cash ? formatRupiah(cash.expected) : '…'}</dd>
        <dt>{t('shift.variance')}</dt>
        <dd data-testid="variance" class={difference ? 'amount off' : 'amount'}>{difference === undefined ? '…' : formatRupiah(difference)}
          {difference !== undefined && difference !== 0 && <> ({t(difference < 0 ? 'shift.short' : 'shift.over')})</>}</dd>
      </dl>
      {waiting > 0 && <p class="warn" role="status">{t('shift.salesWaiting', { count: waiting })}</p>}
      <ErrorLine text={bad ? t('shift.piecesInvalid') : error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || !cash}>{t('shift.closeWithCount')}</button>
        <button type="button" onClick={() => { shiftScreen.value = 'menu'; }}><kbd>Esc</kbd> {t('common.cancel')}</button>
      </div>
    </form>
  );
}

/** The till does not know its shift (the server did not answer): ask again, or back to selling. */
function ShiftUnknown() {
  const [busy, error, run] = useStep();
  const retry = useFocus<HTMLButtonElement>();
  useEscBack();
  return (
    <div class="card shift">
      <h1>{t('shift.title')}</h1>
      <p class="note">{t('shift.needsServer')}</p>
      <ErrorLine text={error} />
      <div class="actions">
        <button ref={retry} type="button" class="primary" disabled={busy} onClick={() => void run(loadShift)}>{t('common.retry')}</button>
        <button type="button" onClick={back}><kbd>Esc</kbd> {t('shift.backToSale')}</button>
      </div>
    </div>
  );
}

export function ShiftScreen() {
  if (shift.value === undefined) return <ShiftUnknown />;
  if (shiftScreen.value === 'count' && shift.value) return <CountScreen />;
  return shift.value ? <ShiftMenu /> : <OpenShift />;
}

/** The X or Z report, as printed (48 columns on the 80 mm roll). */
export function ShiftReportScreen() {
  const report = shownReport.value;
  const done = useFocus<HTMLButtonElement>();
  const close = () => { shownReport.value = undefined; };
  useEscBack(close);
  if (!report) return null;
  return (
    <div class="receipt-screen">
      <h1>{t(report.kind === 'z' ? 'shift.zTitle' : 'shift.xTitle')}</h1>
      {report.warnings.includes('SHIFT.SALES_WAITING') && <p class="warn" role="status">{t('shift.closedWithWaiting')}</p>}
      <pre class="receipt paper-80" data-testid="shift-report">{report.text}</pre>
      <div class="actions">
        <button ref={done} type="button" class="primary" onClick={close}><kbd>Esc</kbd> {t('common.close')}</button>
        <button type="button" onClick={printShownReport}>{t('shift.printAgain')}</button>
      </div>
    </div>
  );
}
