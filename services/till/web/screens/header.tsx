// The bar above every screen: the till and cashier, the connection and waiting sales, the
// language switch and logout (refused while sales wait for upload).
import { useEffect, useState } from 'preact/hooks';
import { storagePersisted } from '../app/boot.ts';
import { online } from '../app/connectivity.ts';
import { draft } from '../app/draft.ts';
import { language, setLanguage, t } from '../app/i18n.ts';
import { attention, unsentCount, waitingCount } from '../app/offline-sales.ts';
import { isManager, officeOpen } from '../app/office.ts';
import { device, endSession, session } from '../app/session.ts';
import { forgetShift, shiftScreen } from '../app/shift.ts';
import { tabState } from '../app/tab-lock.ts';

function Banner() {
  const count = waitingCount.value;
  if (!online.value) return <p class="banner offline" role="status">{t('offline.banner', { count })}</p>;
  if (count > 0) return <p class="banner" role="status">{t('banner.waiting', { count })}</p>;
  return <p class="banner online" role="status">{t('banner.online')}</p>;
}

export function Header({ onAttention }: { onAttention: () => void }) {
  const [refused, setRefused] = useState(0);
  const logout = async () => {
    const unsent = await unsentCount();
    setRefused(unsent);
    if (unsent === 0) { officeOpen.value = false; await endSession(); forgetShift(); }
  };
  // F9 opens the shift from any screen but a payment (the bar is always there: a key pressed
  // as a screen changes is not lost).
  useEffect(() => {
    const keydown = (event: KeyboardEvent) => {
      if (event.key !== 'F9' || !session.value || draft.value.payment) return;
      event.preventDefault();
      shiftScreen.value = 'menu';
    };
    addEventListener('keydown', keydown);
    return () => removeEventListener('keydown', keydown);
  }, []);
  const live = tabState.value === 'live';
  return (
    <header class="top">
      <span class="till">{device.value ? t('till.current', { code: device.value.code }) : 'POS'}</span>
      {live && <Banner />}
      {live && attention.value.length > 0 && (
        <button type="button" class="attention" onClick={onAttention}>{t('attention.count', { count: attention.value.length })}</button>
      )}
      {/* A manager's back office; a cashier never sees the button (and the apps refuse them anyway). */}
      {live && session.value && isManager.value && !officeOpen.value && (
        <button type="button" class="office-open" onClick={() => { officeOpen.value = true; }}>{t('office.open')}</button>
      )}
      <span class="spacer" />
      {/* The other language, named in itself. */}
      {language.value === 'id'
        ? <button type="button" class="lang" lang="en" onClick={() => void setLanguage('en')}>English</button>
        : <button type="button" class="lang" lang="id" onClick={() => void setLanguage('id')}>Bahasa Indonesia</button>}
      {live && session.value && (
        <>
          <span class="cashier">{session.value.user.name}</span>
          <button type="button" disabled={draft.value.payment !== undefined} onClick={() => { shiftScreen.value = 'menu'; }}><kbd>F9</kbd> {t('shift.button')}</button>
          <button type="button" onClick={() => void logout()}>{t('login.signOut')}</button>
        </>
      )}
      {live && storagePersisted.value === false && <p class="storage-warning">{t('till.storageNotPersistent')}</p>}
      {refused > 0 && session.value && (
        <p class="refused" role="alert">{t('login.signOutRefused', { count: refused })}
          {' '}<button type="button" onClick={() => { setRefused(0); onAttention(); }}>{t('attention.open')}</button></p>
      )}
    </header>
  );
}
