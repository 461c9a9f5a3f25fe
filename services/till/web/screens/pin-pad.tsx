// The PIN pad, over whatever screen asked: the action and amount the server named, the
// manager's email and PIN (typed, or the digits pressed), Enter approves, Esc cancels. While
// it is open the screen below is inert and its keys do nothing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatRupiah } from '../kit/money.ts';
import { cancelPinPad, pinPad, submitPin, type PinPadError } from '../app/approval.ts';
import { t, type Key } from '../app/i18n.ts';
import { useFocus } from './focus.ts';

function errorText(error: PinPadError | undefined, retryAfter: number | undefined): string | undefined {
  if (error === undefined) return undefined;
  if (typeof error === 'object') return t('error.refused', { code: error.refused });
  if (error === 'locked') return t('pin.locked', { seconds: retryAfter ?? 60 });
  return t(`pin.${error}` as Key);
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export function PinPadDialog() {
  const pad = pinPad.value;
  const email = useFocus<HTMLInputElement>();
  const pinField = useRef<HTMLInputElement>(null);
  const [pin, setPin] = useState('');
  // Keys outside the pad (the focus lost to the page) never reach the screen below.
  useEffect(() => {
    const keydown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') { event.preventDefault(); cancelPinPad(); }
      if (!(event.target instanceof Node && document.querySelector('.pin-pad')?.contains(event.target))) event.stopImmediatePropagation();
    };
    addEventListener('keydown', keydown, { capture: true });
    return () => removeEventListener('keydown', keydown, { capture: true });
  }, []);
  // A wrong PIN is typed again: the field is cleared and has the focus.
  useEffect(() => { if (pad?.error === 'wrong-pin') { setPin(''); pinField.current?.focus(); } }, [pad?.error]);
  if (!pad) return null;
  const submit = (event: Event) => {
    event.preventDefault();
    void submitPin(email.current?.value ?? '', pinField.current?.value ?? pin);
  };
  const press = (digit: string) => { setPin((pin + digit).slice(0, 8)); pinField.current?.focus(); };
  const problem = errorText(pad.error, pad.retryAfter);
  return (
    <div class="overlay">
      {/* Keys inside the pad stop here: the screen below never sees them. */}
      <div class="pin-pad" role="dialog" aria-modal="true" aria-labelledby="pin-title" aria-describedby="pin-what"
        onKeyDown={(event) => event.stopPropagation()}>
        <form onSubmit={submit}>
        <h2 id="pin-title">{t('pin.title')}</h2>
        <p id="pin-what" class="what">{t(`approval.action.${pad.request.action}` as Key)}
          {pad.request.amount > 0 && <> · <strong>{formatRupiah(pad.request.amount)}</strong></>}</p>
        <label class="field">
          <span>{t('pin.manager')}</span>
          <input ref={email} type="email" autoComplete="off" required />
        </label>
        <label class="field">
          <span>{t('pin.pin')}</span>
          <input ref={pinField} type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={pin}
            onInput={(event) => setPin(event.currentTarget.value.replace(/\D/g, ''))} />
        </label>
        <div class="digits" role="group" aria-label={t('pin.digits')}>
          {DIGITS.map((digit) => <button key={digit} type="button" tabIndex={-1} onClick={() => press(digit)}>{digit}</button>)}
          <button type="button" tabIndex={-1} aria-label={t('pin.erase')} onClick={() => { setPin(pin.slice(0, -1)); pinField.current?.focus(); }}>⌫</button>
        </div>
        <p class="error" role="alert">{problem}</p>
        <div class="actions">
          <button type="submit" class="primary" disabled={pad.busy}><kbd>Enter</kbd> {t('pin.approve')}</button>
          <button type="button" onClick={cancelPinPad}><kbd>Esc</kbd> {t('common.cancel')}</button>
        </div>
        </form>
      </div>
    </div>
  );
}
