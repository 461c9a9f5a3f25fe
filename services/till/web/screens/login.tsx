// The cashier logs in at this till (the device's key goes with the login).
import { useState } from 'preact/hooks';
import { ApiError, Unreachable } from '../app/api.ts';
import { afterLogin } from '../app/boot.ts';
import { t } from '../app/i18n.ts';
import { device, login } from '../app/session.ts';
import { shiftLoading } from '../app/shift.ts';
import { ErrorLine, Field } from './form.tsx';

function reasonOf(error: unknown): string {
  if (error instanceof Unreachable) return t('login.offline');
  if (error instanceof ApiError && error.code === 'TILL.REVOKED') return t('login.tillRevoked');
  if (error instanceof ApiError && error.code === 'TILL.UNKNOWN') return t('login.tillUnknown');
  if (error instanceof ApiError && error.status === 401) return t('login.failed');
  if (error instanceof ApiError && error.status === 429) return t('login.throttled', { seconds: error.retryAfter ?? 60 });
  if (error instanceof ApiError) return t('error.refused', { code: error.code });
  throw error;
}

export function LoginScreen() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    // The sale waits for the shift's answer (an offer to open one never replaces a sale begun).
    shiftLoading.value = true;
    try {
      await login(email, password);
      afterLogin();
    } catch (caught) {
      shiftLoading.value = false;
      setError(reasonOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={(event) => void submit(event)}>
      <h1>{t('login.title')} · {t('till.current', { code: device.value?.code ?? '' })}</h1>
      <Field label={t('login.email')} type="email" autoComplete="username" required focus value={email}
        onInput={(event: Event) => setEmail((event.currentTarget as HTMLInputElement).value)} />
      <Field label={t('login.password')} type="password" autoComplete="current-password" required value={password}
        onInput={(event: Event) => setPassword((event.currentTarget as HTMLInputElement).value)} />
      <ErrorLine text={error} />
      <button type="submit" class="primary" disabled={busy}>{t('login.submit')}</button>
    </form>
  );
}
