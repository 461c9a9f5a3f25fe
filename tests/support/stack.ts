// What the tests need to know about the running stack: its secrets and its fixed ports.
import { readFileSync } from 'node:fs';

export interface AppPorts {
  app: string;
  http: number;
  sidecarHttp: number;
  protocol: 'http' | 'grpc';
}

/** The five apps as dapr.yaml runs them. */
export const apps: readonly AppPorts[] = [
  { app: 'user', http: 3001, sidecarHttp: 3501, protocol: 'http' },
  { app: 'product', http: 3002, sidecarHttp: 3502, protocol: 'grpc' },
  { app: 'inventory', http: 3003, sidecarHttp: 3503, protocol: 'grpc' },
  { app: 'product-query', http: 3004, sidecarHttp: 3504, protocol: 'http' },
  { app: 'order', http: 3005, sidecarHttp: 3505, protocol: 'http' },
];

export function secret(key: string): string {
  const file = process.env.POS_SECRETS_FILE;
  if (!file) throw new Error('POS_SECRETS_FILE is not set: run the tests with npm test');
  const value = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)[key];
  if (value === undefined) throw new Error(`no secret ${key} in ${file}`);
  return value;
}
