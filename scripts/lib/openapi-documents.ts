// Each service's OpenAPI document, built offline from the same route list its router serves:
// its createApp with inert dependencies (route tables only read them inside handlers), then
// GET /openapi.json in process. No stack, no network.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';
import { createApp as inventoryApp } from '../../services/inventory/src/app.ts';
import { createApp as orderApp } from '../../services/order/src/app.ts';
import { createApp as productQueryApp } from '../../services/product-query/src/app.ts';
import { createApp as productApp } from '../../services/product/src/app.ts';
import { createApp as userApp } from '../../services/user/src/app.ts';

export type OpenApiDocument = { paths: Record<string, Record<string, { security?: unknown[] }>> } & Record<string, unknown>;

// Stands in for every store and client: building a route table only keeps references to them,
// and any call would throw (it is not a function), so a route list that did I/O would show here.
const inert = new Proxy({}, { get: (_, key) => (key === 'then' ? undefined : inert) }) as never;

const builders: Record<string, () => Koa> = {
  user: () => userApp({ ...(inert as object), keys: { jwks: { keys: [] } }, settings: { trustProxyHops: 0 } } as never),
  product: () => productApp(inert),
  inventory: () => inventoryApp(inert),
  'product-query': () => productQueryApp(inert),
  order: () => orderApp(inert),
};

async function servedDocument(app: Koa): Promise<OpenApiDocument> {
  const server = createServer(app.callback()).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return (await (await fetch(`http://127.0.0.1:${port}/openapi.json`)).json()) as OpenApiDocument;
  } finally {
    server.close();
  }
}

export async function openApiDocuments(): Promise<Record<string, OpenApiDocument>> {
  const documents: Record<string, OpenApiDocument> = {};
  for (const [app, build] of Object.entries(builders)) documents[app] = await servedDocument(build());
  return documents;
}
