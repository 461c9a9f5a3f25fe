// The F-keys of the tenders, the same on the sale and the tender screen.
import { t } from '../app/i18n.ts';
import { tenderKeys, type Panel } from './panel.ts';

export function KeyBar({ onPick, disabled, current }: { onPick: (panel: Panel) => void; disabled?: boolean; current?: Panel }) {
  return (
    <div class="keys" role="group" aria-label={t('tender.title')}>
      {Object.entries(tenderKeys).map(([key, panel]) => (
        <button key={key} type="button" disabled={disabled} aria-pressed={current === undefined ? undefined : current === panel} onClick={() => onPick(panel)}>
          <kbd>{key}</kbd> {t(`tender.${panel}`)}
        </button>
      ))}
    </div>
  );
}
