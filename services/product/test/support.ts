// Small factories for the product service's tests: each test makes its own data.
import type { CatalogDefinition } from '../src/grpc/contract.ts';
import { daprApiToken } from '../../../tests/support/sidecar-tokens.ts';
import { randomUUID } from 'node:crypto';
import { loadService, sidecarClient } from '@pos/platform';
import { localSecret, request } from '@pos/platform/testing';
import { service } from '../../../tests/support/stack.ts';
import { withCheckDigit } from '../src/domain/barcode.ts';
import { openCatalogue } from '../src/store/mongo.ts';

export const PRODUCT_API = service('product').url;
const USER_API = service('user').url;

export const call = <T = Record<string, unknown>>(method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) =>
  request<T>(method, `${PRODUCT_API}${path}`, options);

async function login(email: string, password: string): Promise<string> {
  const reply = await request<{ accessToken: string }>('POST', `${USER_API}/auth/login`, { body: { email, password } });
  if (reply.status !== 200) throw new Error(`login of ${email} failed: ${reply.status}`);
  return reply.body.accessToken;
}

const tokens = new Map<string, Promise<string>>();
/** An access token of a fresh account with this role (made once per test run). */
export function tokenOf(role: 'admin' | 'manager' | 'cashier'): Promise<string> {
  let token = tokens.get(role);
  if (!token) {
    token = (async () => {
      const admin = await login(localSecret('admin-email'), localSecret('admin-password'));
      if (role === 'admin') return admin;
      const email = `${role}-${randomUUID()}@shop.test`;
      const password = `pw-${randomUUID()}`;
      const made = await request('POST', `${USER_API}/users`, { token: admin, body: { name: `Test ${role}`, email, role, password } });
      if (made.status !== 201) throw new Error(`could not create a ${role}: ${made.status}`);
      return login(email, password);
    })();
    tokens.set(role, token);
  }
  return token;
}

/** A valid EAN-13 nobody else uses (prefix 899, Indonesia). */
export const uniqueBarcode = () => withCheckDigit(`899${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`);
/** A 5-digit PLU, unique enough for one test run. */
export const uniquePlu = () => String(Math.floor(Math.random() * 1e5)).padStart(5, '0');
export const uniqueSku = (tag = 'SKU') => `${tag}-${randomUUID().slice(0, 8)}`;

export interface ProductBody {
  id: string; sku: string; name: string; description: string; version: number; active: boolean; categoryId: string;
  units: { name: string; barcode?: string; conversion: number; price: number }[];
}

let category: Promise<string> | undefined;
/** A category for test products. */
export function testCategory(): Promise<string> {
  category ??= (async () => {
    const id = `drinks-${randomUUID().slice(0, 8)}`;
    const made = await call('POST', '/categories', { token: await tokenOf('manager'), body: { id, name: 'Drinks' } });
    if (made.status !== 201) throw new Error(`could not create a category: ${made.status}`);
    return id;
  })();
  return category;
}

/** The body of a boxed drink sold by the piece and by the carton of 24. */
export async function drinkBody(changes: Record<string, unknown> = {}) {
  return {
    sku: uniqueSku('TEH'), name: 'Teh botol 350 ml', categoryId: await testCategory(), baseUnit: 'pcs', taxClass: 'standard',
    units: [{ name: 'pcs', barcode: uniqueBarcode(), conversion: 1, price: 3500 }, { name: 'dus', barcode: uniqueBarcode(), conversion: 24, price: 80000 }],
    ...changes,
  };
}

export async function createProduct(changes: Record<string, unknown> = {}): Promise<ProductBody> {
  const reply = await call<ProductBody>('POST', '/products', { token: await tokenOf('manager'), body: await drinkBody(changes) });
  if (reply.status !== 201) throw new Error(`could not create a product: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** The catalogue's own MongoDB database, to look under the service or play a crashed writer. */
export const openTestCatalogue = () => openCatalogue(localSecret('mongo-url'), 'pos_product_test', { test: true, productCacheMs: 0 });

/** The Catalog gRPC service, called through the product app's own sidecar as a caller would. */
/** Calls the Catalog as `caller` does: through the caller's own sidecar, with its DAPR_API_TOKEN
 * (only order may call GetProducts/LookupBarcode, only product-query ListProducts). */
export const catalogClient = (caller: 'order' | 'product-query' = 'order') =>
  sidecarClient(loadService<CatalogDefinition>('pos/catalog/v1/catalog.proto', 'pos.catalog.v1.Catalog'), 'product',
    { grpcPort: service(caller).sidecarGrpc, apiToken: daprApiToken(caller) });

export const errorOf = (body: unknown) => (body as { error: { code: string; message: string; details?: Record<string, unknown> } }).error;
