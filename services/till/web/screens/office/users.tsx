// The shop's accounts (user's GET /users): managers look, admins add and deactivate.
import { useState } from 'preact/hooks';
import { ApiError } from '../../app/api.ts';
import { t } from '../../app/i18n.ts';
import { createUser, deactivateUser, isAdmin, users, type UserRow } from '../../app/office.ts';
import { session } from '../../app/session.ts';
import { Field } from '../form.tsx';
import { reasonOf, useLoad } from './load.ts';

const ROLES = ['cashier', 'manager', 'admin'] as const;

function NewUser({ onMade }: { onMade: (text: string) => void }) {
  const empty = { name: '', email: '', role: 'cashier', password: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string | undefined>();
  const set = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value });
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const made = await createUser(form);
      setForm(empty);
      onMade(t('users.created', { name: made.name }));
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 409 ? t('users.emailTaken') : reasonOf(caught));
    }
  };
  return (
    <form class="inline-form" aria-labelledby="new-user" onSubmit={(event) => void submit(event)}>
      <h2 id="new-user">{t('users.new')}</h2>
      <Field label={t('users.name')} required maxLength={100} value={form.name} onInput={set('name')} />
      <Field label={t('users.email')} type="email" required autoComplete="off" value={form.email} onInput={set('email')} />
      <label class="field"><span>{t('users.role')}</span>
        <select value={form.role} onChange={set('role')}>{ROLES.map((role) => <option key={role} value={role}>{t(`role.${role}`)}</option>)}</select></label>
      <Field label={t('users.password')} type="password" required minLength={10} autoComplete="new-password" value={form.password} onInput={set('password')} />
      {error && <p class="error" role="alert">{error}</p>}
      <button type="submit" class="primary">{t('users.create')}</button>
    </form>
  );
}

function Row({ user, onDeactivate }: { user: UserRow; onDeactivate?: () => void }) {
  return (
    <tr>
      <th scope="row">{user.name}</th><td>{user.email}</td><td>{t(`role.${user.role}`)}</td>
      <td>{t(user.active ? 'users.active' : 'users.inactive')}</td>
      <td>{onDeactivate && <button type="button" aria-label={t('users.deactivateOf', { name: user.name })} onClick={onDeactivate}>{t('users.deactivate')}</button>}</td>
    </tr>
  );
}

export function UsersScreen() {
  const [search, setSearch] = useState('');
  const list = useLoad(() => users(search.trim()), search.trim());
  const [notice, setNotice] = useState<string | undefined>();
  const admin = isAdmin.value;
  const deactivate = async (user: UserRow) => {
    try {
      await deactivateUser(user.id);
      list.reload();
    } catch (caught) {
      setNotice(reasonOf(caught));
    }
  };
  return (
    <div>
      {admin ? <NewUser onMade={(text) => { setNotice(text); list.reload(); }} /> : <p class="hint">{t('users.adminOnly')}</p>}
      <p role="status" class="notice">{notice}</p>
      <label class="field"><span>{t('users.search')}</span>
        <input type="search" autoComplete="off" value={search} onInput={(event) => setSearch(event.currentTarget.value)} /></label>
      {list.error && <p class="error" role="alert">{list.error}</p>}
      {list.data && (
        <table class="figures-table" aria-label={t('office.tab.users')}>
          <thead><tr><th scope="col">{t('users.name')}</th><th scope="col">{t('users.email')}</th><th scope="col">{t('users.role')}</th><th scope="col">{t('users.state')}</th><td /></tr></thead>
          <tbody>{list.data.items.map((user) => (
            <Row key={user.id} user={user} onDeactivate={admin && user.active && user.id !== session.value?.user.id ? () => void deactivate(user) : undefined} />
          ))}</tbody>
        </table>
      )}
    </div>
  );
}
