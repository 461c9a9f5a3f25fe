// Which screen the till shows, from its state alone.
import { signal } from '@preact/signals';
import { pinPad } from '../app/approval.ts';
import { ready } from '../app/boot.ts';
import { draft } from '../app/draft.ts';
import { isManager, officeOpen } from '../app/office.ts';
import { shownReceipt } from '../app/receipts.ts';
import { device, session } from '../app/session.ts';
import { offerOpen, shiftLoading, shiftScreen, shownReport } from '../app/shift.ts';
import { tabState } from '../app/tab-lock.ts';
import { AttentionScreen } from './attention.tsx';
import { Elsewhere } from './elsewhere.tsx';
import { Header } from './header.tsx';
import { LoginScreen } from './login.tsx';
import { OfficeScreen } from './office/office.tsx';
import { PinPadDialog } from './pin-pad.tsx';
import { ReceiptScreen } from './receipt.tsx';
import { RegisterScreen } from './register.tsx';
import { SaleScreen } from './sale.tsx';
import { ShiftReportScreen, ShiftScreen } from './shift.tsx';
import { TenderScreen } from './tender.tsx';

/** The needs-attention list, opened from the header. */
export const showAttention = signal(false);

function Current() {
  if (tabState.value === 'elsewhere' || tabState.value === 'taken-over') return <Elsewhere />;
  if (!ready.value) return <p class="loading">…</p>;
  if (!device.value) return <RegisterScreen />;
  if (!session.value) return <LoginScreen />;
  if (officeOpen.value && isManager.value) return <OfficeScreen />;
  if (showAttention.value) return <AttentionScreen onClose={() => { showAttention.value = false; }} />;
  if (shownReport.value) return <ShiftReportScreen />;
  if (shownReceipt.value) return <ReceiptScreen />;
  if (draft.value.payment) return <TenderScreen />;
  // After a login at a till with no shift open, opening one is offered (selling needs none).
  if (shiftLoading.value) return <p class="loading">…</p>;
  if (shiftScreen.value || (offerOpen.value && draft.value.cart.lines.length === 0)) return <ShiftScreen />;
  return <SaleScreen />;
}

export function App() {
  return (
    <>
      <div class="under" inert={pinPad.value !== undefined}>
        <Header onAttention={() => { showAttention.value = true; }} />
        <main id="main"><Current /></main>
      </div>
      {pinPad.value && <PinPadDialog />}
    </>
  );
}
