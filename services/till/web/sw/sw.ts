// The service worker: keeps the app shell (index.html and the hashed assets of this build) so
// the till opens without a network from the moment it loaded once. The shell is served from
// the cache first: a till must open at once, also when the network is there but slow. A new
// build is a new sw.js (its version differs); the browser installs it beside the old one, and
// the next load runs the new shell. API calls (/api/…) are never touched: the page handles
// their failures itself (sales wait in IndexedDB, not here).
declare const __SHELL__: string[];
declare const __VERSION__: string;
const worker = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `till-shell-${__VERSION__}`;

worker.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(__SHELL__.map((url) => new Request(url, { cache: 'reload' })));
    await worker.skipWaiting();
  })());
});

worker.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await worker.clients.claim();
  })());
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin || url.pathname.startsWith('/api/')) return;
  // Every page of the app is the one shell.
  const key = request.mode === 'navigate' ? '/' : url.pathname;
  if (request.mode !== 'navigate' && !__SHELL__.includes(key)) return;
  event.respondWith((async () => {
    const cached = await caches.match(key, { cacheName: CACHE });
    return cached ?? fetch(request);
  })());
});
