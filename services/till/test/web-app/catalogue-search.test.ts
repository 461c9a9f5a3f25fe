// Search as you type over the till's catalogue (web/app/catalogue.ts) against IndexedDB
// (fake-indexeddb, no browser): products stored as a feed page is, found by every typed word
// as a prefix of a word of the name or SKU, whichever way the words' ids and products are read.
import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { savePage, searchProducts } from '../../web/app/catalogue.ts';
import { db, type CatalogueProduct } from '../../web/app/db.ts';

const product = (id: string, name: string, extra: Partial<CatalogueProduct> = {}): CatalogueProduct => ({
  id, sku: id.toUpperCase(), name, baseUnit: 'pcs', taxClass: 'standard', weighed: false, active: true, productVersion: 1, available: 1,
  units: [{ name: 'pcs', barcode: `899${id.replace(/\D/g, '').padStart(10, '0')}`, conversion: 1, price: 1_000 }], ...extra,
});
const names = async (text: string, limit?: number) => (await searchProducts(text, limit)).map((found) => found.name);

describe('searching the catalogue on the till', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
  });

  it('finds products with a word starting with each typed word, in any order and case, by name', async () => {
    await savePage([
      product('p1', 'Teh melati 350 ml'), product('p2', 'Kopi tubruk 200 g'), product('p3', 'Teh hijau melati 250 ml'),
      product('p4', 'Kopi susu gula aren'), product('p5', 'Gula pasir 1 kg'),
    ], 'c1');
    assert.deepEqual(await names('mel te'), ['Teh hijau melati 250 ml', 'Teh melati 350 ml']);
    assert.deepEqual(await names('GULA'), ['Gula pasir 1 kg', 'Kopi susu gula aren']);
    assert.deepEqual(await names('kopi gu'), ['Kopi susu gula aren']);
    assert.deepEqual(await names('kopi teh'), []);
    assert.deepEqual(await names('p2'), ['Kopi tubruk 200 g']); // the SKU's words too
    assert.deepEqual(await names('  '), []);
  });

  it('puts a product whose code is typed whole first, and never shows one no longer sold', async () => {
    await savePage([product('p1', 'Air mineral 600 ml'), product('p2', 'Air mineral 1500 ml', { active: false }), product('p3', 'Teh P4')], 'c1');
    assert.deepEqual(await names('air'), ['Air mineral 600 ml']);
    await savePage([product('p4', 'Susu 1 l')], 'c2');
    assert.deepEqual(await names('p4'), ['Susu 1 l', 'Teh P4']);
    assert.deepEqual(await names('8990000000004'), ['Susu 1 l']);
  });

  it('finds every match when words are common, as far in as the matches lie, up to the limit', async () => {
    // 150 products with "apel", 1000 with "bayam": too common to list against apel, so apel's
    // products are read; the 25 with both come last in apel's index order, past the first read.
    const page: CatalogueProduct[] = [];
    for (let n = 0; n < 125; n++) page.push(product(`a${String(n).padStart(4, '0')}`, `Apel ${n}`));
    for (let n = 0; n < 1000; n++) page.push(product(`b${String(n).padStart(4, '0')}`, `Bayam ${n}`));
    for (let n = 0; n < 25; n++) page.push(product(`z${String(n).padStart(4, '0')}`, `Apel bayam ${String(n).padStart(2, '0')}`));
    await savePage(page, 'c1');
    const found = await names('apel bay');
    assert.equal(found.length, 20);
    assert.ok(found.every((name) => name.startsWith('Apel bayam')), found.join(', '));
    assert.equal((await names('bayam apel', 100)).length, 25);
    assert.equal((await names('ap', 200)).length, 150);
  });

  it('narrows two rarer words by their ids, and answers nothing for a word nothing has', async () => {
    const page: CatalogueProduct[] = [];
    for (let n = 0; n < 300; n++) page.push(product(`k${n}`, `Kopi ${n % 2 === 0 ? 'susu' : 'hitam'} ${n}`));
    await savePage(page, 'c1');
    assert.equal((await names('kop susu', 500)).length, 150);
    assert.deepEqual(await names('kopi 299 hit'), ['Kopi hitam 299']);
    assert.deepEqual(await names('kopi sux'), []);
  });
});
