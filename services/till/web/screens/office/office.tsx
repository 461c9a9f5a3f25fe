// The manager's screens: one tab per screen, Esc (or the button) back to the till. Shown only
// to a manager or an admin (app.tsx asks isManager); the apps check the role again.
import { useLayoutEffect } from 'preact/hooks';
import { t } from '../../app/i18n.ts';
import { OFFICE_TABS, officeOpen, officeTab, type OfficeTab } from '../../app/office.ts';
import { useFocus } from '../focus.ts';
import { AuditScreen } from './audit.tsx';
import { ProductsScreen } from './products.tsx';
import { RefundsScreen } from './refunds.tsx';
import { SalesScreen } from './sales.tsx';
import { StockScreen } from './stock.tsx';
import { TillsScreen } from './tills.tsx';
import { UsersScreen } from './users.tsx';

const SCREENS: Record<OfficeTab, () => preact.JSX.Element> = {
  sales: SalesScreen, refunds: RefundsScreen, audit: AuditScreen, stock: StockScreen, products: ProductsScreen, users: UsersScreen, tills: TillsScreen,
};

export function OfficeScreen() {
  const first = useFocus<HTMLButtonElement>();
  const tab = officeTab.value;
  useLayoutEffect(() => {
    const keydown = (event: KeyboardEvent) => { if (event.key === 'Escape') { event.preventDefault(); officeOpen.value = false; } };
    addEventListener('keydown', keydown);
    return () => removeEventListener('keydown', keydown);
  }, []);
  const Screen = SCREENS[tab];
  return (
    <div class="office">
      <div class="office-top">
        <h1>{t('office.title')}: {t(`office.tab.${tab}`)}</h1>
        <button type="button" onClick={() => { officeOpen.value = false; }}><kbd>Esc</kbd> {t('office.close')}</button>
      </div>
      <nav aria-label={t('office.tabs')}>
        <ul class="office-tabs">
          {OFFICE_TABS.map((name, index) => (
            <li key={name}>
              <button ref={index === 0 ? first : undefined} type="button" aria-current={name === tab ? 'page' : undefined}
                onClick={() => { officeTab.value = name; }}>{t(`office.tab.${name}`)}</button>
            </li>
          ))}
        </ul>
      </nav>
      <div class="office-screen"><Screen key={tab} /></div>
    </div>
  );
}
