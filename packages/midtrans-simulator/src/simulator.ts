// What the simulator's handlers share: a request, a reply, and the simulator's state and acts.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Delivery } from './notifier.ts';
import type { Transaction, TransactionStatus, TransactionStore } from './transactions.ts';

export interface Request {
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  body: unknown;
}

export interface Reply {
  status: number;
  body: unknown;
}

export interface Simulator {
  store: TransactionStore;
  serverKey: string;
  merchantId: string;
  publicUrl: string;
  notificationUrl: string | undefined;
  /** Records the transaction's current status as a notification and sends it. */
  notify(tx: Transaction): Promise<Delivery[]>;
  changeStatus(tx: Transaction, to: TransactionStatus, notify?: boolean): Promise<Delivery[]>;
  send(tx: Transaction, notification: Record<string, string>): Promise<Delivery[]>;
  expireWhenDue(tx: Transaction): void;
}

/** A Core API error as Midtrans answers it: the HTTP status repeated as a string in the body. */
export const coreError = (code: number, message: string, extra: object = {}): Reply =>
  ({ status: code, body: { status_code: String(code), status_message: message, id: randomUUID(), ...extra } });
