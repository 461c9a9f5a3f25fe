// The cart's lines: quantity, unit (for products sold in several) and remove.
import { useEffect, useState } from 'preact/hooks';
import { db, type StoredProduct } from '../app/db.ts';
import { draft, removeLine, setQuantity, setUnit } from '../app/draft.ts';
import { t } from '../app/i18n.ts';
import { formatRupiah, lineTotal } from '../app/kit.ts';

/** The catalogue's products of the cart's lines, for their units. */
function useProducts(ids: string[]): Map<string, StoredProduct> {
  const [products, setProducts] = useState(new Map<string, StoredProduct>());
  const key = ids.join(',');
  useEffect(() => {
    void db.products.bulkGet(ids).then((found) => setProducts(new Map(found.flatMap((product) => (product ? [[product.id, product]] : [])))));
  }, [key]);
  return products;
}

export function CartTable({ selected, onSelect }: { selected: number; onSelect: (index: number) => void }) {
  const lines = draft.value.lines;
  const products = useProducts(lines.map((line) => line.productId));
  if (lines.length === 0) return <p class="empty">{t('cart.empty')}</p>;
  return (
    <table class="lines">
      <thead>
        <tr><th scope="col">{t('cart.item')}</th><th scope="col">{t('cart.quantity')}</th><th scope="col">{t('cart.unit')}</th>
          <th scope="col" class="num">{t('cart.amount')}</th><th scope="col"><span class="sr-only">{t('cart.remove')}</span></th></tr>
      </thead>
      <tbody>
        {lines.map((line, index) => {
          const units = products.get(line.productId)?.units ?? [];
          return (
            <tr key={`${line.productId}/${line.unit}`} class={index === selected ? 'selected' : ''} onClick={() => onSelect(index)}>
              <td>{line.name}<br /><small>{formatRupiah(line.unitPrice)}</small></td>
              <td><input type="number" min={1} step={1} class="qty" value={line.quantity} aria-label={t('cart.quantityOf', { name: line.name })}
                onChange={(event) => void setQuantity(index, Number(event.currentTarget.value))} /></td>
              <td>{units.length > 1
                ? <select aria-label={t('cart.unitOf', { name: line.name })} value={line.unit}
                  onChange={(event) => { const unit = units.find((u) => u.name === event.currentTarget.value); if (unit) void setUnit(index, unit); }}>
                  {units.map((unit) => <option key={unit.name} value={unit.name}>{unit.name}</option>)}
                </select>
                : line.unit}</td>
              <td class="num">{formatRupiah(lineTotal(line))}</td>
              <td><button type="button" class="remove" aria-label={t('cart.removeOf', { name: line.name })} onClick={() => void removeLine(index)}>×</button></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
