// The cart's lines: quantity (a scale label's stays as printed), unit (for products sold in
// several) and remove.
import { useEffect, useState } from 'preact/hooks';
import { lineAmount, quantityText, type CartLine } from '../kit/cart.ts';
import { formatRupiah } from '../kit/money.ts';
import { db, type StoredProduct } from '../app/db.ts';
import { changeUnit, draft, removeLine, setQuantity } from '../app/draft.ts';
import { t } from '../app/i18n.ts';
import { cartChange } from '../app/scan-to-cart.ts';

/** The catalogue's products of the cart's lines, for their units. */
function useProducts(ids: string[]): Map<string, StoredProduct> {
  const [products, setProducts] = useState(new Map<string, StoredProduct>());
  const key = ids.join(',');
  useEffect(() => {
    void db.products.bulkGet(ids).then((found) => setProducts(new Map(found.flatMap((product) => (product ? [[product.id, product]] : [])))));
  }, [key]);
  return products;
}

function Quantity({ line }: { line: CartLine }) {
  if (line.labelPrice !== null) return <span>{quantityText(line)}</span>;
  return (
    <input type="number" min={1} step={1} class="qty" value={line.quantity} aria-label={t('cart.quantityOf', { name: line.name })}
      onChange={(event) => void cartChange(() => setQuantity(line.id, Number(event.currentTarget.value)))} />
  );
}

function Unit({ line, product }: { line: CartLine; product: StoredProduct | undefined }) {
  const units = line.byWeight || !product ? [] : product.units.filter((unit, index) => !(product.weighed && index === 0));
  // A weight keyed in is grams (priced by the kg); a label's line reads in its unit.
  if (units.length < 2 || !product) return <span>{line.byWeight && line.labelPrice === null ? 'g' : line.unit}</span>;
  return (
    <select aria-label={t('cart.unitOf', { name: line.name })} value={line.unit}
      onChange={(event) => void cartChange(() => changeUnit(line.id, product, event.currentTarget.value))}>
      {units.map((unit) => <option key={unit.name} value={unit.name}>{unit.name}</option>)}
    </select>
  );
}

export function CartTable({ selected, onSelect }: { selected: number | undefined; onSelect: (lineId: number) => void }) {
  const lines = draft.value.cart.lines;
  const products = useProducts(lines.map((line) => line.productId));
  if (lines.length === 0) return <p class="empty">{t('sale.empty')}</p>;
  return (
    <table class="lines">
      <thead>
        <tr><th scope="col">{t('cart.item')}</th><th scope="col">{t('sale.quantity')}</th><th scope="col">{t('sale.unit')}</th>
          <th scope="col" class="num">{t('cart.amount')}</th><th scope="col"><span class="sr-only">{t('sale.remove')}</span></th></tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id} class={line.id === selected ? 'selected' : ''} onClick={() => onSelect(line.id)}>
            <td>{line.name}<br /><small>{formatRupiah(line.unitPrice)} / {line.unit}</small></td>
            <td><Quantity line={line} /></td>
            <td><Unit line={line} product={products.get(line.productId)} /></td>
            <td class="num">{formatRupiah(lineAmount(line))}</td>
            <td><button type="button" class="remove" aria-label={t('cart.removeOf', { name: line.name })}
              onClick={() => void cartChange(() => removeLine(line.id))}>×</button></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
