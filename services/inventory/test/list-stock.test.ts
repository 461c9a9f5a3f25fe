// ListStock: the read side's way to rebuild, called as product-query calls it (its own sidecar).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { eventually } from '@pos/platform/testing';
import type { ListStockReply } from '../src/grpc/contract.ts';
import { failed, inventoryClient, ok, publishProductEvent, receive, stockOf } from './support.ts';

describe('listing all stock page by page', function () {
  this.timeout(60_000);

  it('product-query pages through the stock in product id order, each page after the previous token', async () => {
    const prefix = `ls-${randomUUID()}-`;
    const ids = [`${prefix}a`, `${prefix}b`, `${prefix}c`];
    for (const id of ids) await publishProductEvent({ id });
    await eventually(async () => { for (const id of ids) assert.ok(await stockOf(id), `${id} not learnt yet`); }, { timeoutMs: 30_000 });
    await receive(`${prefix}b`, 4);
    const client = inventoryClient('product-query');
    try {
      const first = await ok(client.call<ListStockReply>('listStock', { pageSize: 2, pageToken: prefix }));
      assert.deepEqual(first.items.map((item) => [item.productId, item.onHand, item.available]), [[`${prefix}a`, 0, 0], [`${prefix}b`, 4, 4]]);
      assert.equal(first.nextPageToken, `${prefix}b`);
      const second = await ok(client.call<ListStockReply>('listStock', { pageSize: 2, pageToken: first.nextPageToken }));
      assert.equal(second.items[0]?.productId, `${prefix}c`);
    } finally {
      client.close();
    }
  });

  it('the last page has an empty next token', async () => {
    const client = inventoryClient('product-query');
    try {
      const last = await ok(client.call<ListStockReply>('listStock', { pageSize: 10, pageToken: '\u{10FFFF}' }));
      assert.deepEqual([last.items, last.nextPageToken], [[], '']);
    } finally {
      client.close();
    }
  });

  it('order, which has no use for it, is refused with PERMISSION_DENIED by inventory\'s sidecar', async () => {
    const client = inventoryClient('order');
    try {
      assert.equal(grpc.status[(await failed(client.call('listStock', { pageSize: 1, pageToken: '' }))).status], 'PERMISSION_DENIED');
    } finally {
      client.close();
    }
  });
});
