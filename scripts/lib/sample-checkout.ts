// One cash sale through the running stack, the way a till makes it, inside a trace of the
// caller's own: a product made in product, stock received in inventory, then order's checkout
// (`POST /orders`) and cash payment (`POST /orders/{id}/payments`), both sent with a sampled
// traceparent of that trace. Used by the checkout-trace stack test and docs-screenshots.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { runFileApps } from './run-file.ts';

export interface SampleCheckout {
  traceId: string;
  /** The span ids the caller claimed as parents of the two requests: the trace's roots hang from them. */
  callerSpanIds: string[];
  orderId: string;
  productId: string;
}

const apps = runFileApps(new URL('../../dapr.yaml', import.meta.url).pathname);
const api = (app: string) => {
  const found = apps.find((candidate) => candidate.app === app);
  if (!found) throw new Error(`dapr.yaml has no ${app}`);
  return `http://127.0.0.1:${found.http}`;
};

function secret(key: string): string {
  const file = process.env.POS_SECRETS_FILE;
  if (!file) throw new Error('POS_SECRETS_FILE is not set (scripts/lib/env.sh sets it)');
  const value = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)[key];
  if (!value) throw new Error(`no secret ${key} in ${file}`);
  return value;
}

async function call(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(options.token && { authorization: `Bearer ${options.token}` }), ...options.headers },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  }).catch((error: unknown) => { throw new Error(`${method} ${url}: ${String(error)}`, { cause: error }); });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

async function expectStatus(status: number, reply: Promise<{ status: number; body: Record<string, unknown> }>, what: string) {
  const { status: got, body } = await reply;
  if (got !== status) throw new Error(`${what} answered ${got}, not ${status}: ${JSON.stringify(body)}`);
  return body;
}

export async function sampleCheckout(): Promise<SampleCheckout> {
  const login = await expectStatus(200, call('POST', `${api('user')}/auth/login`, { body: { email: secret('admin-email'), password: secret('admin-password') } }), 'login');
  const token = String(login.accessToken);
  const category = `traced-${randomUUID().slice(0, 8)}`;
  await expectStatus(201, call('POST', `${api('product')}/categories`, { token, body: { id: category, name: 'Traced checkout' } }), 'new category');
  const product = await expectStatus(201, call('POST', `${api('product')}/products`, {
    token, body: { sku: `TRACE-${randomUUID().slice(0, 8)}`, name: 'Kopi susu', categoryId: category, baseUnit: 'pcs', taxClass: 'standard', units: [{ name: 'pcs', conversion: 1, price: 18_000 }] },
  }), 'new product');
  const productId = String(product.id);
  // Inventory learns the product from its event: until then the adjustment is a 404.
  for (let attempt = 0; ; attempt++) {
    const received = await call('POST', `${api('inventory')}/stock/${productId}/adjustments`, { token, body: { kind: 'received', quantity: 24, reason: 'delivery' } });
    if (received.status === 201) break;
    if (attempt === 150) throw new Error(`inventory never took stock of ${productId}: ${received.status} ${JSON.stringify(received.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

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
