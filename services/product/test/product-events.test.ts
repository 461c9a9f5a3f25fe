import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually, findOnTopic } from '@pos/platform/testing';
import { pendingEvent } from '../src/events/product-events.ts';
import { call, createProduct, openTestCatalogue, testCategory, tokenOf, uniqueSku } from './support.ts';

type ProductEvent = { id: string; type: string; data: { product: { id: string; version: number; active: boolean; sku: string } } };
const about = (id: string, type: string) => (value: Record<string, unknown>) =>
  (value as ProductEvent).type === type && (value as ProductEvent).data?.product?.id === id;

describe('product events', function () {
  this.timeout(60_000);

  it('create, update and deactivate each publish the whole product at its version on pos.products, and leave nothing pending', async () => {
    const product = await createProduct();
    const manager = await tokenOf('manager');
    await call('PATCH', `/products/${product.id}`, { token: manager, headers: { 'If-Match': '1' }, body: { name: 'renamed' } });
    await call('POST', `/products/${product.id}/deactivate`, { token: manager });
    const created = (await findOnTopic('pos.products', about(product.id, 'pos.product.created.v1'))) as ProductEvent;
    const updated = (await findOnTopic('pos.products', about(product.id, 'pos.product.updated.v1'))) as ProductEvent;
    const deactivated = (await findOnTopic('pos.products', about(product.id, 'pos.product.deactivated.v1'))) as ProductEvent;
    assert.deepEqual([created.data.product.version, created.data.product.sku], [1, product.sku]);
    assert.equal(updated.data.product.version, 2);
    assert.deepEqual([deactivated.data.product.version, deactivated.data.product.active], [3, false]);
    // The relay removed each event with an exact $pull, which the local server honours.
    const { client, catalogue } = await openTestCatalogue();
    try {
      await eventually(async () => assert.deepEqual((await catalogue.products.findOne({ _id: product.id }))?.pendingEvents, []));
    } finally {
      await client.close();
    }
  });

  it('an event left in its product document by a process that died right after the write is published by the sweep', async () => {
    const { client, catalogue } = await openTestCatalogue();
    try {
      const now = new Date().toISOString();
      const product = {
        id: randomUUID(), sku: uniqueSku('CRASH'), name: 'Written before a crash', description: '', categoryId: await testCategory(),
        baseUnit: 'pcs', taxClass: 'standard' as const, weighed: false, units: [{ name: 'pcs', conversion: 1, price: 1000 }],
        active: true, version: 1, createdAt: now, updatedAt: now,
      };
      const event = pendingEvent('created', product);
      const { id, ...fields } = product;
      // What a write leaves when nothing runs after it: the product with its event inside.
      await catalogue.products.insertOne({ _id: id, ...fields, pendingEvents: [event] });
      const published = (await findOnTopic('pos.products', about(id, 'pos.product.created.v1'))) as ProductEvent;
      assert.equal(published.id, event.id);
      await eventually(async () => assert.deepEqual((await catalogue.products.findOne({ _id: id }))?.pendingEvents, []));
    } finally {
      await client.close();
    }
  });
});
