import assert from 'node:assert/strict';
import { mock } from 'node:test';
import type { Product } from '../src/domain/product.ts';
import { createProductCache } from '../src/store/product-cache.ts';

const product = (id: string, price: number) => ({ id, units: [{ name: 'pcs', conversion: 1, price }] }) as unknown as Product;

describe('the product cache of GetProducts', () => {
  it('tills asking at once for one product share one read, and the next ask is answered from the cache', async () => {
    const cache = createProductCache(60_000);
    let reads = 0;
    const load = async () => { reads += 1; await new Promise((resolve) => setTimeout(resolve, 5)); return product('p1', 1000); };
    const answers = await Promise.all([cache.get('p1', load), cache.get('p1', load), cache.get('p1', load)]);
    await cache.get('p1', load);
    assert.equal(reads, 1);
    assert.ok(answers.every((answer) => answer?.id === 'p1'));
  });

  it('a read under way when the product is written is not kept: the next ask reads the new price', async () => {
    const cache = createProductCache(60_000);
    let price = 1000;
    const load = async () => { const read = product('p1', price); await new Promise((resolve) => setTimeout(resolve, 5)); return read; };
    const old = cache.get('p1', load);
    price = 1200;
    cache.forget('p1');
    assert.equal((await old)?.units[0]?.price, 1000);
    assert.equal((await cache.get('p1', load))?.units[0]?.price, 1200);
  });

  it('an unknown product and a failed read are asked for again', async () => {
    const cache = createProductCache(60_000);
    let reads = 0;
    assert.equal(await cache.get('p2', async () => { reads += 1; return undefined; }), undefined);
    await assert.rejects(cache.get('p3', async () => { reads += 1; throw new Error('database away'); }));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal((await cache.get('p2', async () => { reads += 1; return product('p2', 500); }))?.id, 'p2');
    assert.equal((await cache.get('p3', async () => { reads += 1; return product('p3', 700); }))?.id, 'p3');
    assert.equal(reads, 4);
  });

  it('a product kept past its time is read again, so a write through another replica is seen within that time', async () => {
    // The cache's clock, moved by the test: no waiting, and no window a slow machine can miss.
    mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
    try {
      const cache = createProductCache(300);
      let price = 1000;
      const load = async () => product('p1', price);
      await cache.get('p1', load);
      price = 1300; // written elsewhere: this cache was not told
      mock.timers.tick(299);
      assert.equal((await cache.get('p1', load))?.units[0]?.price, 1000);
      mock.timers.tick(1);
      assert.equal((await cache.get('p1', load))?.units[0]?.price, 1300);
    } finally {
      mock.timers.reset();
    }
  });

  it('with no time to keep, every ask reads', async () => {
    const cache = createProductCache(0);
    let reads = 0;
    const load = async () => { reads += 1; return product('p1', 1000); };
    await cache.get('p1', load);
    await cache.get('p1', load);
    assert.equal(reads, 2);
  });
});
