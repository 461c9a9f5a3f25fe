// The catalogue and inventory together, the way a shop sets up a new product: created over the
// product app's HTTP API, it reaches inventory only through its event (Kafka, inventory's
// subscription) and shows up there as a stock item at zero.
import assert from 'node:assert/strict';
import { eventually } from '@pos/platform/testing';
import { createProduct } from '../../services/product/test/support.ts';
import { stockOf } from '../../services/inventory/test/support.ts';

describe('a product created in the catalogue', () => {
  it('appears in inventory as a zero-stock item', async () => {
    const product = await createProduct();
    const stock = await eventually(async () => {
      const found = await stockOf(product.id);
      assert.ok(found, 'inventory has not learnt the product yet');
      return found;
    }, { timeoutMs: 30_000 });
    assert.deepEqual([stock.onHand, stock.reserved, stock.available], [0, 0, 0]);
  });
});
