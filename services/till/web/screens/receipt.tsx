// The receipt after a sale (or the last one again, marked COPY): shown, and printed by the
// browser on 80 or 58 mm paper. The next sale never waits for the printer.
import { useEffect } from 'preact/hooks';
import { PAPER_COLUMNS, receiptText } from '../kit/receipt.ts';
import { language, t } from '../app/i18n.ts';
import { choosePrinter, escPosPrinter, reprint, serialSupported } from '../app/printing.ts';
import { printProblem, reprintRefused, shownReceipt } from '../app/receipts.ts';
import { paperWidth, setPaperWidth } from '../app/settings.ts';
import { useFocus } from './focus.ts';

const close = () => { shownReceipt.value = undefined; reprintRefused.value = undefined; };

export function ReceiptScreen() {
  const shown = shownReceipt.value;
  const next = useFocus<HTMLButtonElement>();
  useEffect(() => {
    const keydown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === 'Escape') { event.preventDefault(); close(); }
      if (event.key === 'F8') { event.preventDefault(); void reprint(); }
    };
    addEventListener('keydown', keydown);
    return () => removeEventListener('keydown', keydown);
  }, []);
  if (!shown) return null;
  const width = paperWidth.value;
  return (
    <div class="receipt-screen">
      <h1>{t(shown.copy ? 'receipt.copyTitle' : 'receipt.title')}</h1>
      <pre class={`receipt paper-${width}`} data-testid="receipt">{receiptText(shown, PAPER_COLUMNS[width === 80 ? '80mm' : '58mm'], language.value)}</pre>
      {reprintRefused.value && <p class="error" role="alert">{t('receipt.reprintRefused', { code: reprintRefused.value })}</p>}
      {printProblem.value && <p class="warn" role="alert">{t('receipt.printFailed', { reason: printProblem.value })}</p>}
      <div class="actions">
        <button ref={next} type="button" class="primary" onClick={close}><kbd>Enter</kbd> {t('receipt.next')}</button>
        <button type="button" onClick={() => void reprint()}><kbd>F8</kbd> {t('receipt.reprint')}</button>
        {serialSupported() && !escPosPrinter.value && <button type="button" onClick={() => void choosePrinter().catch((error: unknown) => { printProblem.value = String(error); })}>{t('receipt.choosePrinter')}</button>}
        <label class="field inline">
          <span>{t('receipt.paper')}</span>
          <select value={String(width)} onChange={(event) => void setPaperWidth(event.currentTarget.value === '58' ? 58 : 80)}>
            <option value="80">80 mm</option><option value="58">58 mm</option>
          </select>
        </label>
      </div>
    </div>
  );
}
