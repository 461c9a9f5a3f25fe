// Helpers for tests that run against the real stack (npm test starts it).
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';

/** A value from the local secret store file that provisioning wrote. */
export function localSecret(key: string): string {
  const file = process.env.POS_SECRETS_FILE;
  if (!file) throw new Error('POS_SECRETS_FILE is not set: run the tests with npm test');
  const value = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)[key];
  if (value === undefined) throw new Error(`no secret ${key} in ${file}`);
  return value;
}

/** Retries a check until it passes or the time is up; the last failure is the one reported. */
export async function eventually<T>(check: () => Promise<T>, options: { timeoutMs?: number; everyMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 200));
    }
  }
}

/** Reads a Kafka topic from its start until a message matches, as a fresh consumer group.
 * The matcher also gets the message's key (the event's partition key). */
export async function findOnTopic(topic: string, matches: (value: Record<string, unknown>, key: string | undefined) => boolean, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const kafka = new Kafka({ brokers: localSecret('kafka-brokers').split(','), logLevel: logLevel.NOTHING });
  // The topic may not exist yet (Dapr creates a dead-letter topic on first use): make sure it does.
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic }], waitForLeaders: true }).finally(() => admin.disconnect());
  const consumer = kafka.consumer({ groupId: `test-reader-${process.pid}-${Date.now()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message on ${topic} within ${timeoutMs} ms`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const value = JSON.parse(message.value?.toString() ?? 'null') as Record<string, unknown>;
          if (value && matches(value, message.key?.toString())) { clearTimeout(timer); resolve(value); }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}

/** Every message on a Kafka topic, from its start to its end as it stands when called (each
 * partition's high offset then), in partition order, as a fresh consumer group reads them. */
export async function messagesOnTopic(topic: string, timeoutMs = 60_000): Promise<Record<string, unknown>[]> {
  const kafka = new Kafka({ brokers: localSecret('kafka-brokers').split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const left = new Map(ends.filter((end) => Number(end.high) > Number(end.low)).map((end) => [end.partition, Number(end.high)]));
  const messages: Record<string, unknown>[] = [];
  if (left.size === 0) return messages;
  const consumer = kafka.consumer({ groupId: `test-reader-${process.pid}-${Date.now()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${topic} not read to its end within ${timeoutMs} ms`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const end = left.get(partition);
          if (end === undefined) return;
          const value = JSON.parse(message.value?.toString() ?? 'null') as Record<string, unknown> | null;
          if (value) messages.push(value);
          if (Number(message.offset) + 1 >= end) left.delete(partition);
          if (left.size === 0) { clearTimeout(timer); resolve(); }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** One HTTP call as a client makes it: JSON in (or `rawBody` as it is), JSON out. */
export async function request<T = Record<string, unknown>>(
  method: string, url: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetch(url, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...options.headers,
    },
    ...(body !== undefined && { body }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}
