// The catalogue (product's GET /products), searched and paged, and a CSV import (product's
// POST /products/import): the file as it is, the rows imported and each refused row's error.
import { useRef, useState } from 'preact/hooks';
import { formatRupiah } from '../../kit/money.ts';
import { t } from '../../app/i18n.ts';
import { importProducts, products, PRODUCTS_PAGE, type ImportReport } from '../../app/office.ts';
import { reasonOf, useLoad } from './load.ts';

/** product's limit on an import file. */
const IMPORT_MAX_BYTES = 1024 * 1024;

function ImportForm({ onImported }: { onImported: () => void }) {
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | undefined>();
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) return;
    setReport(undefined);
    setError(undefined);
    if (chosen.size > IMPORT_MAX_BYTES) { setError(t('products.tooLarge')); return; }
    setBusy(true);
    try {
      setReport(await importProducts(await chosen.text()));
      onImported();
    } catch (caught) {
      setError(reasonOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="import-title" class="import">
      <h2 id="import-title">{t('products.import')}</h2>
      <p class="hint" id="import-help">{t('products.importHelp')}</p>
      <form class="actions" onSubmit={(event) => void submit(event)}>
        <label class="field inline"><span>{t('products.file')}</span>
          <input ref={file} type="file" accept=".csv,text/csv" required aria-describedby="import-help" /></label>
        <button type="submit" class="primary" disabled={busy}>{t('products.importSubmit')}</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      <p role="status" class="notice">{report && t('products.imported', { created: report.created, updated: report.updated, unchanged: report.unchanged })}</p>
      {report && report.errors.length > 0 && (
        <table class="figures-table row-errors">
          <caption>{t('products.rowErrors', { count: report.errors.length })}</caption>
          <thead><tr><th scope="col" class="num">{t('products.line')}</th><th scope="col">{t('stock.sku')}</th><th scope="col">{t('products.error')}</th></tr></thead>
          <tbody>{report.errors.map((row) => (
            <tr key={`${row.line}-${row.code}`}><td class="num">{row.line}</td><td>{row.sku ?? ''}</td><td class="bad">{row.code}: {row.reason}</td></tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}

export function ProductsScreen() {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const list = useLoad(() => products(search.trim(), offset), `${search.trim()}|${offset}`);
  const total = list.data?.total ?? 0;
  return (
    <div>
      <ImportForm onImported={list.reload} />
      <section aria-labelledby="product-list">
        <h2 id="product-list">{t('office.tab.products')}</h2>
        <label class="field"><span>{t('products.search')}</span>
          <input type="search" autoComplete="off" value={search} onInput={(event) => { setSearch(event.currentTarget.value); setOffset(0); }} /></label>
        {list.error && <p class="error" role="alert">{list.error}</p>}
        {list.data && total === 0 && <p>{t('office.none')}</p>}
        {list.data && total > 0 && (
          <>
            <table class="figures-table">
              <caption>{t('products.page', { from: offset + 1, to: offset + list.data.items.length, total })}</caption>
              <thead><tr><th scope="col">{t('stock.name')}</th><th scope="col">{t('stock.sku')}</th><th scope="col">{t('products.units')}</th><th scope="col">{t('products.sold')}</th></tr></thead>
              <tbody>{list.data.items.map((product) => (
                <tr key={product.id}>
                  <th scope="row">{product.name}</th><td>{product.sku}</td>
                  <td>{product.units.map((unit) => `${unit.name} ${formatRupiah(unit.price)}`).join(' · ')}</td>
                  <td>{t(product.active ? 'office.yes' : 'office.no')}</td>
                </tr>
              ))}</tbody>
            </table>
            <div class="actions">
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PRODUCTS_PAGE))}>{t('products.prev')}</button>
              <button type="button" disabled={offset + PRODUCTS_PAGE >= total} onClick={() => setOffset(offset + PRODUCTS_PAGE)}>{t('products.next')}</button>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
