// A local stand-in for Midtrans: the Core API (charge, status, cancel, expire, refund), Snap and
// signed notifications on Midtrans' wire format, with every transaction in memory. Core API and
// Snap calls need HTTP Basic auth with the server key as user name, as at Midtrans; the
// /_simulator control API needs nothing (local only).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '@pos/platform';
import { charge, createSnap, endPending, status } from './core-api.ts';
import { changeStatus, listNotifications, resendNotification, showTransaction } from './control-api.ts';
import { createNotifier } from './notifier.ts';
import { refund } from './refund-api.ts';
import { coreError, type Reply, type Request, type Simulator } from './simulator.ts';
import { notificationFor, TransactionStore } from './transactions.ts';

export interface SimulatorOptions {
  serverKey: string;
  /** Where notifications go unless a charge's X-Override-Notification says otherwise. */
  notificationUrl?: string;
  merchantId?: string;
  /** The simulator's own address, for the URLs in its answers (QR code, Snap redirect). */
  publicUrl: string;
  log: Logger;
}

type Route = [method: string, path: RegExp, handle: (request: Request, sim: Simulator, params: string[]) => Reply | Promise<Reply>];

const ROUTES: Route[] = [
  ['POST', /^\/v2\/charge$/, (request, sim) => charge(request, sim)],
  ['GET', /^\/v2\/([^/]+)\/status$/, (_request, sim, [id = '']) => status(id, sim)],
  ['POST', /^\/v2\/([^/]+)\/cancel$/, (_request, sim, [id = '']) => endPending(id, 'cancel', sim)],
  ['POST', /^\/v2\/([^/]+)\/expire$/, (_request, sim, [id = '']) => endPending(id, 'expire', sim)],
  ['POST', /^\/v2\/([^/]+)\/refund$/, (request, sim, [id = '']) => refund(id, request, sim)],
  ['POST', /^\/snap\/v1\/transactions$/, (request, sim) => createSnap(request, sim)],
  ['GET', /^\/_simulator\/health$/, () => ({ status: 200, body: { status: 'ok' } })],
  ['GET', /^\/_simulator\/transactions\/([^/]+)$/, (_request, sim, [id = '']) => showTransaction(id, sim)],
  ['GET', /^\/_simulator\/transactions\/([^/]+)\/notifications$/, (_request, sim, [id = '']) => listNotifications(id, sim)],
  ['POST', /^\/_simulator\/transactions\/([^/]+)\/notifications\/(\d+)\/send$/, (_request, sim, [id = '', n = '']) => resendNotification(id, n, sim)],
  ['POST', /^\/_simulator\/transactions\/([^/]+)\/([a-z]+)$/, (request, sim, [id = '', action = '']) => changeStatus(id, action, request, sim)],
];

export function createSimulator(options: SimulatorOptions): Server {
  const send = createNotifier(options.log);
  const sim: Simulator = {
    store: new TransactionStore(),
    serverKey: options.serverKey,
    merchantId: options.merchantId ?? 'G000000000',
    publicUrl: options.publicUrl,
    notificationUrl: options.notificationUrl,
    send,
    notify(tx) {
      const notification = notificationFor(tx, this.merchantId, this.serverKey);
      tx.notifications.push(notification);
      return send(tx, notification);
    },
    async changeStatus(tx, to, notify = true) {
      tx.status = to;
      if (to === 'settlement') tx.settledAt = new Date();
      if (!notify) { tx.notifications.push(notificationFor(tx, this.merchantId, this.serverKey)); return []; }
      return this.notify(tx);
    },
    expireWhenDue(tx) {
      // Midtrans expires an unpaid charge at its expiry_time; a timer cannot wait past ~24 days.
      const wait = Math.min(tx.expiresAt.getTime() - Date.now(), 2 ** 31 - 1);
      setTimeout(() => { if (tx.status === 'pending') void this.changeStatus(tx, 'expire'); }, wait).unref();
    },
  };
  return createServer((req, res) => void handle(req, res, sim, options.log));
}

async function handle(req: IncomingMessage, res: ServerResponse, sim: Simulator, log: Logger): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const reply = await answer(req, url, sim).catch((error: unknown) => {
    log.error({ err: error, path: url.pathname }, 'simulator failed');
    return coreError(500, 'internal error of the simulator');
  });
  res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
}

async function answer(req: IncomingMessage, url: URL, sim: Simulator): Promise<Reply> {
  const snap = url.pathname.startsWith('/snap/');
  if (!url.pathname.startsWith('/_simulator/') && !authorized(req.headers.authorization, sim.serverKey)) {
    return snap ? { status: 401, body: { error_messages: ['access denied: unknown server key'] } }
      : coreError(401, 'access denied: unknown server key');
  }
  for (const [method, path, handleRoute] of ROUTES) {
    const match = path.exec(url.pathname);
    if (!match || req.method !== method) continue;
    const body = await readJson(req);
    if (body === INVALID) return snap ? { status: 400, body: { error_messages: ['the body is not JSON'] } } : coreError(413, 'the body is not JSON');
    const params = match.slice(1).map((param) => decodeURIComponent(param));
    return handleRoute({ headers: req.headers, query: url.searchParams, body }, sim, params);
  }
  return coreError(404, 'no such resource');
}

/** Basic auth: the server key as user name, an empty password. */
function authorized(header: string | undefined, serverKey: string): boolean {
  const [scheme, encoded] = header?.split(' ') ?? [];
  return scheme === 'Basic' && Buffer.from(encoded ?? '', 'base64').toString() === `${serverKey}:`;
}

const INVALID = Symbol('invalid JSON');

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  if (!text) return undefined;
  try { return JSON.parse(text); } catch { return INVALID; }
}
