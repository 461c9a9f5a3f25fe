// The sale: search as you type or scan, the cart, the total with PPN included, and the
// F-keys that start paying.
import { useEffect, useState } from 'preact/hooks';
import { productCount, searchProducts } from '../app/catalogue.ts';
import type { StoredProduct } from '../app/db.ts';
import { addLine, draft, removeLine, setQuantity, totals } from '../app/draft.ts';
import { t } from '../app/i18n.ts';
import { formatRupiah } from '../app/kit.ts';
import { startPayment } from '../app/payment.ts';
import { reprintLast } from '../app/receipts.ts';
import { saleNotice } from '../app/scan-to-cart.ts';
import { CartTable } from './cart.tsx';
import { useFocus } from './focus.ts';
import { KeyBar } from './keys.tsx';
import { tenderKeys, tenderPanel, type Panel } from './panel.ts';

function Results({ results, selected, onPick }: { results: StoredProduct[]; selected: number; onPick: (product: StoredProduct) => void }) {
  return (
    <ul class="results" id="search-results" role="listbox" aria-label={t('search.results')}>
      {results.map((product, index) => {
        const unit = product.units.find((candidate) => candidate.name === product.baseUnit) ?? product.units[0];
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

export function SaleScreen() {
  const [text, setText] = useState('');
  const [results, setResults] = useState<StoredProduct[]>([]);
  const [selected, setSelected] = useState(0);
  const [line, setLine] = useState<number | undefined>(undefined);
  const search = useFocus<HTMLInputElement>();
  const lines = draft.value.lines;
  const current = line ?? lines.length - 1;

  useEffect(() => {
    let stale = false;
    void searchProducts(text).then((found) => { if (!stale) { setResults(found); setSelected(0); } });
    return () => { stale = true; };
  }, [text]);

  const add = async (product: StoredProduct) => {
    const unit = product.units.find((candidate) => candidate.name === product.baseUnit) ?? product.units[0];
    if (!unit) return;
    setText('');
    setLine(undefined);
    await addLine(product, unit);
    saleNotice.value = { key: 'cart.added', vars: { name: product.name } };
    search.current?.focus();
  };

  const pay = (panel: Panel) => { tenderPanel.value = panel; void startPayment(); };
  useEffect(() => {
    const keydown = (event: KeyboardEvent) => {
      const panel = tenderKeys[event.key];
      if (panel && draft.value.lines.length > 0) { event.preventDefault(); pay(panel); }
      if (event.key === 'F8') { event.preventDefault(); void reprintLast(); }
    };
    addEventListener('keydown', keydown);
    return () => removeEventListener('keydown', keydown);
  }, []);

  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); setSelected(Math.min(selected + 1, results.length - 1)); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setSelected(Math.max(selected - 1, 0)); }
    else if (event.key === 'Enter') { event.preventDefault(); const product = results[selected]; if (product) void add(product); }
    else if (event.key === 'Escape') { event.preventDefault(); setText(''); }
    else if (text === '') lineKey(event);
  };

  // Read at the key, not at the last render: a key pressed right after an add acts on the new cart.
  const lineKey = (event: KeyboardEvent) => {
    const now = draft.value.lines;
    const index = line ?? now.length - 1;
    const quantity = now[index]?.quantity;
    if (quantity === undefined) return;
    if (event.key === '+') { event.preventDefault(); void setQuantity(index, quantity + 1); }
    else if (event.key === '-') { event.preventDefault(); void setQuantity(index, quantity - 1); }
    else if (event.key === 'Delete') { event.preventDefault(); void removeLine(index); setLine(undefined); }
  };

  return (
    <div class="sale">
      <section class="find" aria-labelledby="find-title">
        <h2 id="find-title">{t('search.title')}</h2>
        <label class="field">
          <span>{t('search.label')}</span>
          <input ref={search} type="search" autoComplete="off" value={text}
            aria-controls="search-results" aria-activedescendant={results.length > 0 ? `result-${selected}` : undefined}
            onInput={(event) => setText(event.currentTarget.value)} onKeyDown={onSearchKey} />
        </label>
        {productCount.value === 0 && <p class="hint">{t('catalogue.empty')}</p>}
        <Results results={results} selected={selected} onPick={(product) => void add(product)} />
        <p class="notice" role="status">{saleNotice.value && t(saleNotice.value.key, saleNotice.value.vars)}</p>
      </section>
      <section class="cart" aria-labelledby="cart-title">
        <h2 id="cart-title">{t('cart.title')}</h2>
        <CartTable selected={current} onSelect={setLine} />
        <dl class="totals">
          <dt>{t('cart.total')}</dt><dd class="total" data-testid="total">{formatRupiah(totals.value.total)}</dd>
          <dt>{t('cart.tax')}</dt><dd>{formatRupiah(totals.value.tax)}</dd>
        </dl>
        <KeyBar onPick={pay} disabled={lines.length === 0} />
      </section>
    </div>
  );
}
