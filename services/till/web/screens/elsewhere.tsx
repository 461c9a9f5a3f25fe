// This till is open in another tab (or was just taken over by one): only one tab may sell,
// number receipts and upload, so this one does nothing until it takes the till over.
import { takeOverTill } from '../app/boot.ts';
import { t } from '../app/i18n.ts';
import { tabState } from '../app/tab-lock.ts';
import { useFocus } from './focus.ts';

export function Elsewhere() {
  const button = useFocus<HTMLButtonElement>();
  return (
    <div class="card" role="alert">
      <h1>{t(tabState.value === 'taken-over' ? 'tab.takenTitle' : 'tab.title')}</h1>
      <p>{t('tab.text')}</p>
      <button ref={button} type="button" class="primary" onClick={() => void takeOverTill()}>{t('tab.takeOver')}</button>
    </div>
  );
}
