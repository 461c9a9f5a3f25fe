// Faults an operator causes with one command, on the real stack: FerretDB (the catalogue's
// MongoDB) stopped while products are written. During it, clear 503s within a bound; after it,
// every product written succeeds, its events reach the topic once, inventory and the search
// index. FerretDB is started again in an `after`, whatever the assertions found.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { eventually, messagesOnTopic, request } from '@pos/platform/testing';
import { service } from '../../../tests/support/stack.ts';
import { startInfra, stopServer } from '../../../tests/support/servers.ts';
import { PRODUCTS_TOPIC } from '../src/events/product-events.ts';
import { call, catalogClient, createProduct, drinkBody, errorOf, openTestCatalogue, tokenOf, type ProductBody } from './support.ts';

/** Longer than this is a hang: a till must hear "try again" well before its own timeout. */
const ANSWER_BOUND_MS = 15_000;

/** The reply, or a failure when none came within ANSWER_BOUND_MS. */
async function answered<T>(reply: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_BOUND_MS} ms`)), ANSWER_BOUND_MS); });
  return Promise.race([reply, bound]).finally(() => clearTimeout(timer));
}

/** Every message about these products on pos.products, from the topic's start to its end as it
 * is now: `<product id> <type> v<version>` for each message, and the distinct event ids. */
async function messagesAbout(productIds: string[]): Promise<{ messages: string[]; eventIds: Set<string> }> {
  const wanted = new Set(productIds);
  const about = (await messagesOnTopic(PRODUCTS_TOPIC)).flatMap((value) => {
    const event = value as { id: string; type: string; data?: { product?: { id: string; version: number } } };
    const product = event.data?.product;
    return product && wanted.has(product.id) ? [{ message: `${product.id} ${event.type} v${product.version}`, id: event.id }] : [];
  });
  return { messages: about.map(({ message }) => message).sort(), eventIds: new Set(about.map(({ id }) => id)) };
}

/** Waits until the relay has published every event of these products (no note left). */
async function relayed(productIds: string[]): Promise<void> {
  const { client, catalogue } = await openTestCatalogue();
  try {
    await eventually(async () => assert.equal(await catalogue.unrelayedEvents.countDocuments({ productId: { $in: productIds } }), 0), { timeoutMs: 30_000 });
  } finally {
    await client.close();
  }
}

const rename = async (product: ProductBody, name: string, version: number) =>
  call<ProductBody>('PATCH', `/products/${product.id}`, { token: await tokenOf('manager'), headers: { 'If-Match': String(version) }, body: { name } });

describe('product under operator faults', function () {
  this.timeout(180_000);

  describe('FerretDB stopped while products are written', () => {
    after(function () {
      this.timeout(150_000);
      startInfra(); // a no-op when the test started it again itself
    });

    it('creates and changes answer 503 within a bound while it is down; once it is back they succeed, and each written change is published once and reaches inventory and the search index', async () => {
      const before = await createProduct();
      const manager = await tokenOf('manager');
      await relayed([before.id]);

      stopServer('ferretdb');
      const refusedBody = await drinkBody();
      const refusedCreate = await answered(call('POST', '/products', { token: manager, body: refusedBody }));
      assert.deepEqual([refusedCreate.status, errorOf(refusedCreate.body).code], [503, 'DEPENDENCY.UNAVAILABLE'], JSON.stringify(refusedCreate.body));
      const refusedChange = await answered(rename(before, 'renamed while down', 1));
      assert.deepEqual([refusedChange.status, errorOf(refusedChange.body).code], [503, 'DEPENDENCY.UNAVAILABLE'], JSON.stringify(refusedChange.body));
      // Order's price look-up (an id no cache holds) hears UNAVAILABLE, not INTERNAL.
      const catalog = catalogClient('order');
      const lookup = await answered(catalog.call('GetProducts', { ids: [randomUUID()] })
        .then(() => 'answered', (error: unknown) => (error as { cause?: { code?: number } }).cause?.code)).finally(() => catalog.close());
      assert.equal(lookup, grpc.status.UNAVAILABLE);
      // Not ready while its store is away, so Kubernetes sends its traffic elsewhere.
      const notReady = await answered(request<{ error: { details: Record<string, string> } }>('GET', `${service('product').url}/readyz`));
      assert.deepEqual([notReady.status, notReady.body.error.details.catalogue, notReady.body.error.details.sidecar], [503, 'unavailable', 'ok']);

      startInfra();
      await eventually(async () => assert.equal((await request('GET', `${service('product').url}/readyz`)).status, 200), { timeoutMs: 30_000 });
      const renamed = await rename(before, 'renamed after the outage', 1);
      assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
      const after = await createProduct();
      const written = [before.id, after.id];
      await relayed(written);

      // Each write once on the topic; the refused ones nowhere.
      const { messages, eventIds } = await messagesAbout(written);
      assert.deepEqual(messages, [
        `${before.id} pos.product.created.v1 v1`, `${before.id} pos.product.updated.v1 v2`, `${after.id} pos.product.created.v1 v1`,
      ].sort());
      assert.equal(eventIds.size, 3);
      const { client, catalogue } = await openTestCatalogue();
      try {
        assert.equal(await catalogue.products.countDocuments({ sku: refusedBody.sku }), 0, 'the refused product was not stored');
      } finally {
        await client.close();
      }

      // Inventory learnt both products (zero stock); the search index has both, the new name too.
      for (const id of written) {
        await eventually(async () => {
          const stock = await request<{ onHand: number; available: number }>('GET', `${service('inventory').url}/stock/${id}`, { token: manager });
          assert.deepEqual([stock.status, stock.body.onHand, stock.body.available], [200, 0, 0]);
        }, { timeoutMs: 30_000 });
      }
      const cashier = await tokenOf('cashier');
      const searched = async (id: string) => request<{ name: string; productVersion: number }>('GET', `${service('product-query').url}/products/${id}`, { token: cashier });
      await eventually(async () => {
        const [first, second] = [await searched(before.id), await searched(after.id)];
        assert.deepEqual([first.status, first.body.name, first.body.productVersion], [200, 'renamed after the outage', 2]);
        assert.deepEqual([second.status, second.body.productVersion], [200, 1]);
      }, { timeoutMs: 30_000 });
    });
  });
});
