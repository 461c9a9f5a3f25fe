// The web app's files from dist/ (its esbuild build puts them there). Reached after the routes:
// a GET that no route took. An app route the browser navigates to (/sale, /settings) gets
// index.html, so the web app's own router takes it; anything else not found is the usual 404.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type Koa from 'koa';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** esbuild's `[name]-[hash]` names: the content never changes under one name. */
const isHashed = (path: string) => /-[A-Z0-9]{8,}\.[a-z0-9]+$/.test(path);
/** The entry points a browser must ask about every time: a new release changes them in place. */
const ALWAYS_REVALIDATED = new Set(['/index.html', '/sw.js']);

const cacheControlOf = (path: string) => (!ALWAYS_REVALIDATED.has(path) && isHashed(path) ? 'public, max-age=31536000, immutable' : 'no-cache');

/** A navigation to one of the web app's own routes: a browser asking for a page, at a path with no file extension. */
const isAppRoute = (ctx: Koa.Context, path: string) => extname(path) === '' && ctx.get('accept').includes('text/html');

async function fileAt(root: string, path: string): Promise<{ file: string; size: number; mtime: Date } | undefined> {
  const file = resolve(root, `.${path}`);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  const found = await stat(file).catch(() => undefined);
  return found?.isFile() ? { file, size: found.size, mtime: found.mtime } : undefined;
}

export function staticFiles(distDir: string): Koa.Middleware {
  const root = resolve(distDir);
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api/')) return next();
    let path: string;
    try {
      path = decodeURIComponent(ctx.path);
    } catch {
      return next();
    }
    if (path.includes('\0')) return next();
    if (path.endsWith('/')) path = join(path, 'index.html');
    let found = await fileAt(root, path);
    if (!found && isAppRoute(ctx, path)) {
      path = '/index.html';
      found = await fileAt(root, path);
    }
    if (!found) return next();
    ctx.type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    ctx.set('Cache-Control', cacheControlOf(path));
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.lastModified = found.mtime;
    ctx.etag = `W/"${found.size.toString(16)}-${found.mtime.getTime().toString(16)}"`;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.length = found.size;
    ctx.body = createReadStream(found.file);
  };
}
