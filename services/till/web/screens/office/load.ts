// What the manager's screens share: an app's answer loaded for a screen (and loaded again on
// asking), and a refusal put in words.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, Unreachable } from '../../app/api.ts';
import { t } from '../../app/i18n.ts';

export function reasonOf(error: unknown): string {
  if (error instanceof Unreachable) return t('error.network');
  if (error instanceof ApiError && error.status === 403) return t('error.forbidden');
  if (error instanceof ApiError) {
    const message = (error.body as { error?: { message?: unknown } } | null)?.error?.message;
    return typeof message === 'string' ? `${t('error.refused', { code: error.code })} — ${message}` : t('error.refused', { code: error.code });
  }
  return t('error.unknown', { detail: String(error) });
}

export interface Loaded<T> { data: T | undefined; error: string | undefined; loading: boolean; reload: () => void }

/** `load()` when `key` changes and on reload(); an answer for an older key is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let stale = false;
    setState((before) => ({ ...before, loading: true }));
    load().then(
      (data) => { if (!stale) setState({ data, loading: false }); },
      (error: unknown) => { if (!stale) setState({ error: reasonOf(error), loading: false }); },
    );
    return () => { stale = true; };
  }, [key, round]);
  return { data: state.data, error: state.error, loading: state.loading, reload: () => setRound((value) => value + 1) };
}

/** A tender's kind in words (the till's own names), else as the app wrote it. */
export const methodName = (kind: string): string =>
  (['cash', 'qris', 'snap', 'external'].includes(kind) ? t(`tender.${kind}` as 'tender.cash') : kind);

/** A role in words, else as the app wrote it. */
export const roleName = (role: string): string => (['cashier', 'manager', 'admin'].includes(role) ? t(`role.${role}` as 'role.cashier') : role);
