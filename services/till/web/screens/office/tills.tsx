// The shop's tills (user's GET /tills): register one (its key is shown this once), revoke one
// (asked twice: its key stops working at once).
import { useState } from 'preact/hooks';
import { ApiError } from '../../app/api.ts';
import { t } from '../../app/i18n.ts';
import { newTill, revokeTill, tills, type TillRow } from '../../app/office.ts';
import { device } from '../../app/session.ts';
import { SHOP_TIME_ZONE } from '../../app/settings.ts';
import { Field } from '../form.tsx';
import { reasonOf, useLoad } from './load.ts';

const day = (iso: string) => new Date(iso).toLocaleDateString('id-ID', { timeZone: SHOP_TIME_ZONE });

function NewTill({ onMade }: { onMade: (text: string) => void }) {
  const empty = { code: '', outletId: device.value?.outletId ?? '', name: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<string | undefined>();
  const set = (key: keyof typeof form) => (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value });
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const made = await newTill({ code: form.code.trim().toUpperCase(), outletId: form.outletId.trim(), ...(form.name.trim() && { name: form.name.trim() }) });
      setForm(empty);
      onMade(t('tills.made', { code: made.till.code, id: made.till.id, key: made.key }));
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 409 ? t('register.codeTaken') : reasonOf(caught));
    }
  };
  return (
    <form class="inline-form" aria-labelledby="new-till" onSubmit={(event) => void submit(event)}>
      <h2 id="new-till">{t('tills.new')}</h2>
      <Field label={t('register.code')} required pattern="[A-Za-z0-9\-]{1,12}" maxLength={12} value={form.code} onInput={set('code')} />
      <Field label={t('register.outlet')} required maxLength={50} value={form.outletId} onInput={set('outletId')} />
      <Field label={t('register.name')} maxLength={100} value={form.name} onInput={set('name')} />
      {error && <p class="error" role="alert">{error}</p>}
      <button type="submit" class="primary">{t('tills.register')}</button>
    </form>
  );
}

function Row({ till, onRevoke }: { till: TillRow; onRevoke: () => void }) {
  const [asked, setAsked] = useState(false);
  const here = till.id === device.value?.tillId;
  return (
    <tr>
      <th scope="row">{till.code} {here && <small>{t('tills.thisOne')}</small>}</th><td>{till.outletId}</td><td>{till.name}</td><td>{day(till.createdAt)}</td>
      <td>{till.revokedAt ? t('tills.revokedOn', { date: day(till.revokedAt) }) : t('tills.inUse')}</td>
      <td>{!till.revokedAt && (asked
        ? <button type="button" class="danger" onClick={onRevoke}>{t('tills.confirmOf', { code: till.code })}</button>
        : <button type="button" aria-label={t('tills.revokeOf', { code: till.code })} onClick={() => setAsked(true)}>{t('tills.revoke')}</button>)}</td>
    </tr>
  );
}

export function TillsScreen() {
  const list = useLoad(tills, 'tills');
  const [notice, setNotice] = useState<string | undefined>();
  const revoke = async (till: TillRow) => {
    try {
      await revokeTill(till.id);
      list.reload();
    } catch (caught) {
      setNotice(reasonOf(caught));
    }
  };
  return (
    <div>
      <NewTill onMade={(text) => { setNotice(text); list.reload(); }} />
      <p role="status" class="notice">{notice}</p>
      {list.error && <p class="error" role="alert">{list.error}</p>}
      {list.data && (
        <table class="figures-table" aria-label={t('office.tab.tills')}>
          <thead><tr>
            <th scope="col">{t('tills.code')}</th><th scope="col">{t('tills.outlet')}</th><th scope="col">{t('tills.name')}</th>
            <th scope="col">{t('tills.since')}</th><th scope="col">{t('tills.state')}</th><td />
          </tr></thead>
          <tbody>{list.data.map((till) => <Row key={till.id} till={till} onRevoke={() => void revoke(till)} />)}</tbody>
        </table>
      )}
    </div>
  );
}
