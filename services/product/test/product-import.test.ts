import assert from 'node:assert/strict';
import { findOnTopic } from '@pos/platform/testing';
import { call, createProduct, errorOf, testCategory, tokenOf, uniqueBarcode, uniqueSku, type ProductBody } from './support.ts';

interface ImportReport { created: number; updated: number; unchanged: number; errors: { line: number; sku?: string; code: string; reason: string }[] }

const HEADER = 'sku,name,description,categoryId,baseUnit,taxClass,unit,barcode,toBase,price';
const importCsv = async (csv: string, role: 'manager' | 'cashier' = 'manager', contentType = 'text/csv') =>
  call<ImportReport>('POST', '/products/import', { token: await tokenOf(role), rawBody: csv, headers: { 'content-type': contentType } });

async function bySku(sku: string): Promise<ProductBody[]> {
  const page = await call<{ items: ProductBody[] }>('GET', `/products?q=${encodeURIComponent(sku)}`, { token: await tokenOf('manager') });
  return page.body.items.filter((product) => product.sku === sku);
}

/** Two good products (one in two units) among five bad rows, each bad for its own reason. */
async function mixedFile() {
  const category = await testCategory();
  const taken = (await createProduct()).units[0]?.barcode;
  const valid = uniqueBarcode();
  const badDigit = `${valid.slice(0, 12)}${(Number(valid[12]) + 1) % 10}`;
  const [good, kopi] = [uniqueSku('GOOD'), uniqueSku('KOPI')];
  const lines = [
    HEADER,
    `${good},Teh botol,"sweet, cold",${category},pcs,standard,pcs,${uniqueBarcode()},1,3500`,
    `${good},Teh botol,"sweet, cold",${category},pcs,standard,dus,${uniqueBarcode()},24,80000`,
    `${uniqueSku('DIGIT')},Bad digit,,${category},pcs,standard,pcs,${badDigit},1,1000`,
    `${uniqueSku('CAT')},Unknown category,,no-such-category,pcs,standard,pcs,,1,1000`,
    `${uniqueSku('SHORT')},Missing column,,${category},pcs,standard,pcs,,1`,
    `${uniqueSku('DUP')},Duplicate barcode,,${category},pcs,standard,pcs,${taken},1,1000`,
    `${uniqueSku('ZERO')},Free,,${category},pcs,standard,pcs,,1,0`,
    `${kopi},Kopi,,${category},pcs,exempt,pcs,${uniqueBarcode()},1,5000`,
  ];
  return { csv: `${lines.join('\n')}\n`, good, kopi };
}

describe('the product CSV import', function () {
  this.timeout(60_000);

  it('a file of good and bad rows creates the good products and lists each bad row with its line number and reason', async () => {
    const { csv, good, kopi } = await mixedFile();
    const reply = await importCsv(csv);
    assert.equal(reply.status, 200);
    assert.deepEqual([reply.body.created, reply.body.updated, reply.body.unchanged], [2, 0, 0]);
    assert.deepEqual(reply.body.errors.map(({ line, code }) => [line, code]), [
      [4, 'PRODUCT.BAD_BARCODE'], [5, 'PRODUCT.UNKNOWN_CATEGORY'], [6, 'IMPORT.COLUMN_COUNT'], [7, 'PRODUCT.BARCODE_TAKEN'], [8, 'PRODUCT.BAD_PRICE'],
    ]);
    const [teh] = await bySku(good);
    assert.deepEqual([teh?.description, teh?.units.map((unit) => [unit.name, unit.conversion, unit.price])], ['sweet, cold', [['pcs', 1, 3500], ['dus', 24, 80000]]]);
    assert.equal((await bySku(kopi)).length, 1);
  });

  it('importing the same file again creates no duplicate and changes no product', async () => {
    const { csv, good, kopi } = await mixedFile();
    await importCsv(csv);
    const again = await importCsv(csv);
    assert.deepEqual([again.status, again.body.created, again.body.updated, again.body.unchanged], [200, 0, 0, 2]);
    const [teh, kopis] = [await bySku(good), await bySku(kopi)];
    assert.deepEqual([teh.length, kopis.length, teh[0]?.version, kopis[0]?.version], [1, 1, 1, 1]);
  });

  it('a row of an existing SKU changes only the columns given, raises the version and publishes the update', async () => {
    const product = await createProduct();
    const reply = await importCsv(`sku,name\n${product.sku},Teh botol 1 l\n`);
    assert.deepEqual([reply.status, reply.body.updated, reply.body.errors], [200, 1, []]);
    const [changed] = await bySku(product.sku);
    assert.deepEqual([changed?.name, changed?.version, changed?.units, changed?.categoryId], ['Teh botol 1 l', 2, product.units, product.categoryId]);
    const event = await findOnTopic('pos.products', (value) =>
      value.type === 'pos.product.updated.v1' && (value.data as { product?: { id: string } })?.product?.id === product.id);
    assert.equal((event.data as { product: { name: string; version: number } }).product.version, 2);
  });

  it('a new SKU missing a required column is refused with the fields it lacks, and the file goes on', async () => {
    const sku = uniqueSku('NEW');
    const reply = await importCsv(`sku,name\n${sku},No category\n`);
    assert.deepEqual([reply.status, reply.body.created, reply.body.errors.map(({ line, code }) => [line, code])], [200, 0, [[2, 'IMPORT.MISSING_FIELDS']]]);
    assert.deepEqual(await bySku(sku), []);
  });

  it('a cashier may not import (403)', async () => {
    const reply = await importCsv(`${HEADER}\n`, 'cashier');
    assert.deepEqual([reply.status, errorOf(reply.body).code], [403, 'AUTH.FORBIDDEN']);
  });

  const refusals = [
    { scenario: 'an empty body', csv: '', status: 400, code: 'REQUEST.INVALID' },
    { scenario: 'a header with an unknown column', csv: 'sku,colour\nX,red\n', status: 400, code: 'IMPORT.BAD_HEADER' },
    { scenario: 'a quote never closed', csv: `${HEADER}\n"X,1\n`, status: 400, code: 'IMPORT.MALFORMED_CSV' },
    { scenario: 'more than 1000 rows', csv: `sku,name\n${'X,y\n'.repeat(1001)}`, status: 400, code: 'IMPORT.TOO_MANY_ROWS' },
    { scenario: 'a body over 1 MiB', csv: `sku,name\n${`X,${'y'.repeat(1023)}\n`.repeat(1025)}`, status: 413, code: 'REQUEST.TOO_LARGE' },
    { scenario: 'a JSON body', csv: '{"sku":"X"}', contentType: 'application/json', status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' },
  ];
  for (const { scenario, csv, contentType, status, code } of refusals) {
    it(`${scenario} is refused with ${status} ${code}`, async () => {
      const reply = await importCsv(csv, 'manager', contentType);
      assert.deepEqual([reply.status, errorOf(reply.body).code], [status, code]);
    });
  }
});
