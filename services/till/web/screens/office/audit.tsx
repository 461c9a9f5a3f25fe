// The audit log (order's GET /audit), the newest first, filtered by days, action and till; who
// did each and who approved it, by name where user knows them; and the chain's tamper check
// (GET /audit/verify). Nothing here changes the log: no API can.
import { useState } from 'preact/hooks';
import { AUDIT_ACTIONS, type AuditFilter } from '../../kit/audit-query.ts';
import { formatRupiah } from '../../kit/money.ts';
import { t, type Key } from '../../app/i18n.ts';
import { AUDIT_PAGE, auditLog, users, verifyAudit, type AuditEntry } from '../../app/office.ts';
import { SHOP_TIME_ZONE } from '../../app/settings.ts';
import { reasonOf, roleName, useLoad } from './load.ts';

const actionName = (action: string) => ((AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`audit.action.${action}` as Key) : action);
/** What an entry is about: the receipt its detail names, else its reference. */
const subject = (entry: AuditEntry) => (typeof entry.detail.receiptNumber === 'string' ? entry.detail.receiptNumber : entry.ref);

function Filters({ onShow }: { onShow: (filter: AuditFilter) => void }) {
  const [form, setForm] = useState<AuditFilter>({});
  const set = (key: keyof AuditFilter) => (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value });
  return (
    <form class="inline-form" onSubmit={(event) => { event.preventDefault(); onShow(form); }}>
      <label class="field"><span>{t('audit.from')}</span><input type="date" value={form.from ?? ''} onChange={set('from')} /></label>
      <label class="field"><span>{t('audit.to')}</span><input type="date" value={form.to ?? ''} onChange={set('to')} /></label>
      <label class="field"><span>{t('audit.action')}</span>
        <select value={form.action ?? ''} onChange={set('action')}>
          <option value="">{t('audit.anyAction')}</option>
          {AUDIT_ACTIONS.map((action) => <option key={action} value={action}>{actionName(action)}</option>)}
        </select></label>
      <label class="field"><span>{t('audit.till')}</span><input value={form.till ?? ''} maxLength={12} autoComplete="off" onInput={set('till')} /></label>
      <button type="submit" class="primary">{t('audit.show')}</button>
    </form>
  );
}

function Verify() {
  const [result, setResult] = useState<{ text: string; bad?: boolean } | undefined>();
  const check = async () => {
    try {
      const found = await verifyAudit();
      setResult(found.ok ? { text: t('audit.whole', { entries: found.entries }) }
        : { text: t('audit.broken', { seq: found.firstBrokenSeq ?? '?', entries: found.entries }), bad: true });
    } catch (caught) {
      setResult({ text: reasonOf(caught), bad: true });
    }
  };
  return (
    <div class="actions">
      <button type="button" onClick={() => void check()}>{t('audit.verify')}</button>
      <p role="status" class={result?.bad ? 'error' : 'notice'}>{result?.text}</p>
    </div>
  );
}

export function AuditScreen() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [offset, setOffset] = useState(0);
  const log = useLoad(() => auditLog(filter, offset), `${JSON.stringify(filter)}|${offset}`);
  const people = useLoad(() => users('').then((page) => new Map(page.items.map((user) => [user.id, user.name]))), 'people');
  const who = (id: string | null) => (id === null ? t('audit.self') : (people.data?.get(id) ?? id.slice(0, 8)));
  return (
    <div>
      <Filters onShow={(next) => { setFilter(next); setOffset(0); }} />
      <Verify />
      {log.error && <p class="error" role="alert">{log.error}</p>}
      {log.data && log.data.length === 0 && <p>{t('office.none')}</p>}
      {log.data && log.data.length > 0 && (
        <>
          <table class="figures-table audit" aria-label={t('office.tab.audit')}>
            <thead><tr>
              <th scope="col" class="num">{t('audit.seq')}</th><th scope="col">{t('audit.at')}</th><th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.what')}</th><th scope="col" class="num">{t('sales.amount')}</th><th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.approvedBy')}</th><th scope="col">{t('audit.till')}</th>
            </tr></thead>
            <tbody>{log.data.map((entry) => (
              <tr key={entry.seq}>
                <td class="num">{entry.seq}</td>
                <td>{new Date(entry.at).toLocaleString('id-ID', { timeZone: SHOP_TIME_ZONE })}</td>
                <th scope="row">{actionName(entry.action)}</th>
                <td class="nowrap">{subject(entry)}</td>
                <td class="num">{formatRupiah(entry.amount)}</td>
                <td>{who(entry.actorId)} ({roleName(entry.actorRole)})</td>
                <td>{who(entry.approvedBy)}</td>
                <td>{entry.tillCode ?? ''}</td>
              </tr>
            ))}</tbody>
          </table>
          <div class="actions">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - AUDIT_PAGE))}>{t('products.prev')}</button>
            <button type="button" disabled={log.data.length < AUDIT_PAGE} onClick={() => setOffset(offset + AUDIT_PAGE)}>{t('products.next')}</button>
          </div>
        </>
      )}
    </div>
  );
}
