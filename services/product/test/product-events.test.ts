import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eventually, findOnTopic } from '@pos/platform/testing';
import { pendingEvent } from '../src/events/product-events.ts';
import type { Catalogue } from '../src/store/mongo.ts';
import { UNRELAYED_LEASE_MS } from '../src/store/product.store.ts';
import { call, createProduct, openTestCatalogue, testCategory, tokenOf, uniqueSku } from './support.ts';

type ProductEvent = { id: string; type: string; data: { product: { id: string; version: number; active: boolean; sku: string } } };
const about = (id: string, type: string) => (value: Record<string, unknown>) =>
  (value as ProductEvent).type === type && (value as ProductEvent).data?.product?.id === id;

describe('product events', function () {
  this.timeout(60_000);

  // Run right after each other, the PATCH and the deactivation race the relay's work on the
  // first events: a relay that wrote the product document lost writes here on FerretDB.
  it('create, update and deactivate each publish the whole product at its version on pos.products, keep every change, and record every event as published', async () => {
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
    const { client, catalogue } = await openTestCatalogue();
    try {
      const stored = await catalogue.products.findOne({ _id: product.id });
      assert.deepEqual([stored?.version, stored?.name, stored?.active], [3, 'renamed', false]);
      await eventually(async () => assert.deepEqual(await unpublished(catalogue, product.id), []));
    } finally {
      await client.close();
    }
  });

  it('an event left in its product document by a process that died right after the write is published from its note', async () => {
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
      // What a write leaves when nothing runs after it: the note, then the product with its event inside.
      await catalogue.unrelayedEvents.insertOne({ _id: event.id, productId: id, notedAt: new Date() });
      await catalogue.products.insertOne({ _id: id, ...fields, pendingEvents: [event] });
      const published = (await findOnTopic('pos.products', about(id, 'pos.product.created.v1'))) as ProductEvent;
      assert.equal(published.id, event.id);
      await eventually(async () => assert.deepEqual(await unpublished(catalogue, id), []));
      await eventually(async () => assert.equal(await catalogue.unrelayedEvents.countDocuments({ productId: id }), 0));
    } finally {
      await client.close();
    }
  });

  it('a note whose write never happened is dropped once its lease has run out, and a younger one is kept', async () => {
    const { client, catalogue } = await openTestCatalogue();
    const young = { _id: randomUUID(), productId: randomUUID(), notedAt: new Date() };
    try {
      const stale = { _id: randomUUID(), productId: young.productId, notedAt: new Date(Date.now() - UNRELAYED_LEASE_MS - 1000) };
      // One product's notes are read and judged together, so the young one has been judged when the stale one is gone.
      await catalogue.unrelayedEvents.insertMany([young, stale]);
      await eventually(async () => assert.equal(await catalogue.unrelayedEvents.countDocuments({ _id: stale._id }), 0));
      assert.equal(await catalogue.unrelayedEvents.countDocuments({ _id: young._id }), 1);
    } finally {
      await catalogue.unrelayedEvents.deleteOne({ _id: young._id });
      await client.close();
    }
  });

  it('the next versioned write drops the events already published from the product document and keeps its own', async () => {
    const product = await createProduct();
    const { client, catalogue } = await openTestCatalogue();
    try {
      await eventually(async () => assert.deepEqual(await unpublished(catalogue, product.id), []));
      const manager = await tokenOf('manager');
      const renamed = await call('PATCH', `/products/${product.id}`, { token: manager, headers: { 'If-Match': '1' }, body: { name: 'renamed once' } });
      assert.equal(renamed.status, 200);
      const stored = await catalogue.products.findOne({ _id: product.id });
      assert.deepEqual(stored?.pendingEvents.map((event) => [event.type, event.version]), [['pos.product.updated.v1', 2]]);
    } finally {
      await client.close();
    }
  });
});

/** The events in a product's document that the relay has not recorded as published. */
async function unpublished(catalogue: Catalogue, productId: string): Promise<string[]> {
  const ids = (await catalogue.products.findOne({ _id: productId }))?.pendingEvents.map((event) => event.id) ?? [];
  const published = new Set((await catalogue.publishedEvents.find({ _id: { $in: ids } }).toArray()).map((record) => record._id));
  return ids.filter((id) => !published.has(id));
}
