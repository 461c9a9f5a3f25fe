// One cash sale through the running stack, the way a till makes it, inside a trace of the
// caller's own: a product made in product, stock received in inventory, then order's checkout
// (`POST /orders`) and cash payment (`POST /orders/{id}/payments`), both sent with a sampled
// traceparent of that trace. Used by the checkout-trace stack test and docs-screenshots.
import { randomBytes, randomUUID } from 'node:crypto';
import { adminToken, api, call, expectStatus, receiveStock } from './stack-calls.ts';

export interface SampleCheckout {
  traceId: string;
  /** The span ids the caller claimed as parents of the two requests: the trace's roots hang from them. */
  callerSpanIds: string[];
  orderId: string;
  productId: string;
}

export async function sampleCheckout(): Promise<SampleCheckout> {
  const token = await adminToken();
  const category = `traced-${randomUUID().slice(0, 8)}`;
  await expectStatus(201, call('POST', `${api('product')}/categories`, { token, body: { id: category, name: 'Traced checkout' } }), 'new category');
  const product = await expectStatus(201, call('POST', `${api('product')}/products`, {
    token, body: { sku: `TRACE-${randomUUID().slice(0, 8)}`, name: 'Kopi susu', categoryId: category, baseUnit: 'pcs', taxClass: 'standard', units: [{ name: 'pcs', conversion: 1, price: 18_000 }] },
  }), 'new product');
  const productId = String(product.id);
  await receiveStock(token, productId, 24);

  const traceId = randomBytes(16).toString('hex');
  const [checkoutParent, paymentParent] = [randomBytes(8).toString('hex'), randomBytes(8).toString('hex')];
  const traced = (spanId: string) => ({ traceparent: `00-${traceId}-${spanId}-01`, 'idempotency-key': randomUUID() });
  const order = await expectStatus(201, call('POST', `${api('order')}/orders`, {
    token, headers: traced(checkoutParent), body: { outletId: 'JKT1', tillId: 'T-TRACE', lines: [{ productId, quantity: 2 }] },
  }), 'checkout');
  const orderId = String(order.id);
  await expectStatus(201, call('POST', `${api('order')}/orders/${orderId}/payments`, {
    token, headers: traced(paymentParent), body: { method: 'cash', tendered: 50_000 },
  }), 'cash payment');
  return { traceId, callerSpanIds: [checkoutParent, paymentParent], orderId, productId };
}
