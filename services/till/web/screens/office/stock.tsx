// Stock that needs looking at (inventory): products oversold below zero (sales a till made
// offline), and products whose available stock is under their reorder level.
import { t } from '../../app/i18n.ts';
import { lowStock, negativeStock, type StockRow } from '../../app/office.ts';
import { useLoad } from './load.ts';

function StockTable({ id, title, rows, error }: { id: string; title: string; rows: StockRow[] | undefined; error: string | undefined }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {error && <p class="error" role="alert">{error}</p>}
      {rows && rows.length === 0 && <p>{t('office.none')}</p>}
      {rows && rows.length > 0 && (
        <table class="figures-table">
          <thead><tr>
            <th scope="col">{t('stock.name')}</th><th scope="col">{t('stock.sku')}</th><th scope="col" class="num">{t('stock.onHand')}</th>
            <th scope="col" class="num">{t('stock.reserved')}</th><th scope="col" class="num">{t('stock.available')}</th><th scope="col" class="num">{t('stock.reorder')}</th>
          </tr></thead>
          <tbody>{rows.map((row) => (
            <tr key={row.productId}>
              <th scope="row">{row.name}</th><td>{row.sku}</td><td class="num">{row.onHand}</td><td class="num">{row.reserved}</td>
              <td class={row.available < 0 ? 'num bad' : 'num'}>{row.available}</td><td class="num">{row.reorderLevel}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}

export function StockScreen() {
  const negative = useLoad(negativeStock, 'negative');
  const low = useLoad(lowStock, 'low');
  return (
    <div>
      <div class="actions"><button type="button" onClick={() => { negative.reload(); low.reload(); }}>{t('office.refresh')}</button></div>
      <StockTable id="stock-negative" title={t('stock.negative')} rows={negative.data} error={negative.error} />
      <StockTable id="stock-low" title={t('stock.low')} rows={low.data} error={low.error} />
    </div>
  );
}
