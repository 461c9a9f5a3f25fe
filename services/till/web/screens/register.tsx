// Once per device: a manager logs in and registers this browser as a till.
import { useState } from 'preact/hooks';
import { ApiError, Unreachable } from '../app/api.ts';
import { t } from '../app/i18n.ts';
import { NotAManager, registerTill } from '../app/session.ts';
import { ErrorLine, Field } from './form.tsx';

function reasonOf(error: unknown): string {
  if (error instanceof NotAManager) return t('register.notManager');
  if (error instanceof Unreachable) return t('error.network');
  if (error instanceof ApiError && error.status === 401) return t('login.failed');
  if (error instanceof ApiError && error.status === 409) return t('register.codeTaken');
  if (error instanceof ApiError) return t('error.refused', { code: error.code });
  throw error;
}

export function RegisterScreen() {
  const [form, setForm] = useState({ email: '', password: '', code: '', outletId: '', name: '' });
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value });
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await registerTill({ ...form, code: form.code.trim().toUpperCase() });
    } catch (caught) {
      setError(reasonOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card" onSubmit={(event) => void submit(event)}>
      <h1>{t('till.register.title')}</h1>
      <p>{t('register.intro')}</p>
      <Field label={t('register.managerEmail')} type="email" autoComplete="username" required focus value={form.email} onInput={set('email')} />
      <Field label={t('register.managerPassword')} type="password" autoComplete="current-password" required value={form.password} onInput={set('password')} />
      <Field label={t('register.code')} required pattern="[A-Za-z0-9\-]{1,12}" maxLength={12} value={form.code} onInput={set('code')} />
      <Field label={t('register.outlet')} required maxLength={50} value={form.outletId} onInput={set('outletId')} />
      <Field label={t('register.name')} maxLength={100} value={form.name} onInput={set('name')} />
      <ErrorLine text={error} />
      <button type="submit" class="primary" disabled={busy}>{t('till.register.submit')}</button>
    </form>
  );
}
