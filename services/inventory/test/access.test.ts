// Inventory's access policy (components/inventory.configuration.yaml) on a real reservation:
// order may reserve; another app, calling through its own sidecar, is refused before the app.
// Stock figures: only the tests' own caller (probe-a) may ask; order, which has no use for them, may not.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import type { ReserveReply } from '../src/grpc/contract.ts';
import { failed, inventoryClient, newProduct, ok, stockOf } from './support.ts';

describe('who may reserve stock', () => {
  it('order reserves through its own sidecar; user, through its own, is refused with PERMISSION_DENIED and no stock moves', async () => {
    const product = await newProduct(10);
    const line = { productId: product, quantity: 3 };
    const fromUser = inventoryClient('user');
    try {
      const refused = await failed(fromUser.call('reserve', { orderId: `o-${randomUUID()}`, ttlSeconds: 60, lines: [line] }));
      assert.equal(grpc.status[refused.status], 'PERMISSION_DENIED');
      const stock = await stockOf(product);
      assert.deepEqual([stock?.onHand, stock?.reserved, stock?.available], [10, 0, 10], 'no unit reserved');
    } finally {
      fromUser.close();
    }
    const fromOrder = inventoryClient('order');
    try {
      const reply = await ok(fromOrder.call<ReserveReply>('reserve', { orderId: `o-${randomUUID()}`, ttlSeconds: 60, lines: [line] }));
      assert.equal(reply.reservation?.status, 'held');
      assert.equal((await stockOf(product))?.reserved, 3);
    } finally {
      fromOrder.close();
    }
  });

  it('GetStock: probe-a (the tests\' caller) reads stock; order, through its own sidecar, is refused with PERMISSION_DENIED', async () => {
    const product = await newProduct(4);
    assert.equal((await stockOf(product))?.onHand, 4);
    const fromOrder = inventoryClient('order');
    try {
      assert.equal(grpc.status[(await failed(fromOrder.call('getStock', { productIds: [product] }))).status], 'PERMISSION_DENIED');
    } finally {
      fromOrder.close();
    }
  });
});
