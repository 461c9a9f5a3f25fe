// The sale: search as you type or scan, the cart, the total with PPN included, and the
// F-keys that start paying. Keys: ↑/↓ pick a result, Enter adds it, Esc clears the search;
// with the search empty, + and − change the selected line's quantity and Delete removes it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatRupiah } from '../kit/money.ts';
import { loadingSnapshot, productCount, searchProducts } from '../app/catalogue.ts';
import type { StoredProduct } from '../app/db.ts';
import { addUnits, addWeighed, defaultUnit, draft, removeLine, setQuantity, totals } from '../app/draft.ts';
import { t } from '../app/i18n.ts';
import { startPayment } from '../app/payment.ts';
import { reprint } from '../app/printing.ts';
import { cartChange, saleNotice } from '../app/scan-to-cart.ts';
import { CartTable } from './cart.tsx';
import { useFocus } from './focus.ts';
import { KeyBar } from './keys.tsx';
import { tenderKeys, tenderPanel, type Panel } from './panel.ts';

function Results({ results, selected, onPick }: { results: StoredProduct[]; selected: number; onPick: (product: StoredProduct) => void }) {
  if (results.length === 0) return null;
  return (
    <ul class="results" id="search-results" role="listbox" aria-label={t('search.results')}>
      {results.map((product, index) => {
        const unit = product.units.find((candidate) => candidate.name === defaultUnit(product));
        return (
          <li key={product.id} id={`result-${index}`} role="option" aria-selected={index === selected} class={index === selected ? 'selected' : ''}
            onClick={() => onPick(product)}>
            <span class="name">{product.name}</span> <span class="sku">{product.sku}</span>
            <span class="price">{unit ? `${formatRupiah(unit.price)} / ${unit.name}` : ''}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The weight of a weighed product picked from the search (no scale label), in grams. */
function Weigh({ product, onDone }: { product: StoredProduct; onDone: () => void }) {
  const input = useFocus<HTMLInputElement>();
  const submit = (event: Event) => {
    event.preventDefault();
    const grams = Number((input.current?.value ?? '').replace(/\D/g, ''));
    if (grams) void cartChange(() => addWeighed(product, grams), { key: 'cart.added', params: { name: product.name } }).then(onDone);
  };
  return (
    <form class="weigh" onSubmit={submit} onKeyDown={(event) => { if (event.key === 'Escape') { event.preventDefault(); onDone(); } }}>
      <h3>{t('weigh.title', { name: product.name })}</h3>
      <label class="field"><span>{t('sale.weightGrams')}</span><input ref={input} inputMode="numeric" autoComplete="off" /></label>
      <button type="submit" class="primary"><kbd>Enter</kbd> {t('weigh.add')}</button>
    </form>
  );
}

export function SaleScreen() {
  const [text, setText] = useState('');
  const [results, setResults] = useState<StoredProduct[]>([]);
  const [selected, setSelected] = useState(0);
  const [line, setLine] = useState<number | undefined>(undefined);
  const [weighing, setWeighing] = useState<StoredProduct | undefined>();
  const search = useFocus<HTMLInputElement>();
  const searched = useRef('');
  const lines = draft.value.cart.lines;

  useEffect(() => {
    let stale = false;
    void searchProducts(text).then((found) => { if (!stale) { searched.current = text; setResults(found); setSelected(0); } });
    return () => { stale = true; };
  }, [text]);

  const add = (product: StoredProduct) => {
    setText('');
    setLine(undefined);
    const unit = defaultUnit(product);
    if (product.weighed && unit === product.units[0]?.name) { setWeighing(product); return; }
    if (unit) void cartChange(() => addUnits(product, unit), { key: 'cart.added', params: { name: product.name } });
    search.current?.focus();
  };

  useEffect(() => {
    const keydown = (event: KeyboardEvent) => {
      const panel = tenderKeys[event.key];
      if (panel && draft.value.cart.lines.length > 0) { event.preventDefault(); pay(panel); }
      if (event.key === 'F8') { event.preventDefault(); void reprint(); }
    };
    addEventListener('keydown', keydown);
    return () => removeEventListener('keydown', keydown);
  }, []);
  const pay = (panel: Panel) => { tenderPanel.value = panel; void startPayment(); };

  // Read at the key, not at the last render: a key pressed right after an add acts on the new cart.
  const lineKey = (event: KeyboardEvent) => {
    const now = draft.value.cart.lines;
    const target = now.find((candidate) => candidate.id === line) ?? now.at(-1);
    if (!target) return;
    const change = ({ '+': () => setQuantity(target.id, target.quantity + 1), '-': () => setQuantity(target.id, target.quantity - 1),
      Delete: () => removeLine(target.id) } as Record<string, () => Promise<void>>)[event.key];
    if (!change) return;
    event.preventDefault();
    void cartChange(change);
  };

  const onSearchKey = async (event: KeyboardEvent) => {
    const typed = (event.currentTarget as HTMLInputElement).value;
    if (event.key === 'ArrowDown') { event.preventDefault(); setSelected(Math.min(selected + 1, results.length - 1)); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setSelected(Math.max(selected - 1, 0)); }
    else if (event.key === 'Escape') { event.preventDefault(); setText(''); }
    else if (event.key === 'Enter') {
      event.preventDefault();
      // Typed faster than the search answered: ask for what is in the field now.
      const found = typed === searched.current ? results[selected] : (await searchProducts(typed))[0];
      if (found) add(found);
    } else if (typed === '') lineKey(event);
  };

  return (
    <div class="sale">
      <h1 class="sr-only">{t('sale.title')}</h1>
      {/* data-results-for: the text the results shown are for (the bench times keys by it). */}
      <section class="find" aria-labelledby="find-title" data-results-for={searched.current}>
        <h2 id="find-title">{t('search.title')}</h2>
        <label class="field">
          <span>{t('sale.search')}</span>
          <input ref={search} type="search" autoComplete="off" value={text} aria-controls={results.length > 0 ? 'search-results' : undefined}
            aria-activedescendant={results.length > 0 ? `result-${selected}` : undefined}
            onInput={(event) => setText(event.currentTarget.value)} onKeyDown={(event) => void onSearchKey(event)} />
        </label>
        {loadingSnapshot.value && <p class="hint" role="status">{t('sale.catalogueLoading', { count: productCount.value })}</p>}
        {weighing && <Weigh product={weighing} onDone={() => { setWeighing(undefined); search.current?.focus(); }} />}
        <Results results={results} selected={selected} onPick={add} />
        <p class={saleNotice.value?.bad ? 'notice bad' : 'notice'} role="status">{saleNotice.value && t(saleNotice.value.key, saleNotice.value.params)}</p>
      </section>
      <section class="cart" aria-labelledby="cart-title">
        <h2 id="cart-title">{t('cart.title')}</h2>
        <CartTable selected={line ?? lines.at(-1)?.id} onSelect={setLine} />
        <dl class="totals">
          <dt>{t('sale.total')}</dt><dd class="total" data-testid="total">{formatRupiah(totals.value.total)}</dd>
          <dt class="tax">{t('sale.taxIncluded', { amount: formatRupiah(totals.value.tax) })}</dt><dd />
        </dl>
        <KeyBar onPick={pay} disabled={lines.length === 0} />
      </section>
    </div>
  );
}
