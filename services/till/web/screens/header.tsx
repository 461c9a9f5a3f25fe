// The bar above every screen: the till and cashier, the connection and waiting sales, the
// language switch and logout (refused while sales wait for upload).
import { useState } from 'preact/hooks';
import { online } from '../app/connectivity.ts';
import { language, setLanguage, t } from '../app/i18n.ts';
import { attention, unsentCount, waitingCount } from '../app/offline-sales.ts';
import { device, endSession, session } from '../app/session.ts';
import { tabState } from '../app/tab-lock.ts';

function Banner() {
  const waiting = waitingCount.value;
  if (!online.value) return <p class="banner offline" role="status">{t('banner.offline', { n: waiting })}</p>;
  if (waiting > 0) return <p class="banner" role="status">{t('banner.waiting', { n: waiting })}</p>;
  return <p class="banner online" role="status">{t('banner.online')}</p>;
}

export function Header({ onAttention }: { onAttention: () => void }) {
  const [refused, setRefused] = useState(false);
  const logout = async () => {
    if ((await unsentCount()) > 0) { setRefused(true); return; }
    setRefused(false);
    await endSession();
  };
  const live = tabState.value === 'live';
  return (
    <header class="top">
      <span class="till">{device.value ? `${device.value.code} · ${device.value.outletId}` : t('app.name')}</span>
      {live && <Banner />}
      {live && attention.value.length > 0 && (
        <button type="button" class="attention" onClick={onAttention}>{t('attention.count', { n: attention.value.length })}</button>
      )}
      <span class="spacer" />
      <button type="button" class="lang" onClick={() => void setLanguage(language.value === 'id' ? 'en' : 'id')}
        aria-label={t('lang.switch')}>{language.value === 'id' ? 'EN' : 'ID'}</button>
      {live && session.value && (
        <>
          <span class="cashier">{session.value.user.name}</span>
          <button type="button" onClick={() => void logout()}>{t('logout')}</button>
        </>
      )}
      {refused && <p class="refused" role="alert">{t('logout.refused', { n: waitingCount.value + attention.value.length })}
        {' '}<button type="button" onClick={onAttention}>{t('attention.open')}</button></p>}
    </header>
  );
}
