import type { DaprClient } from '@dapr/dapr';
import { sidecarFailure } from './sidecar.ts';

const SECRET_STORE = 'secretstore';

/** One secret from the Dapr secret store; a missing key or store is an error, never undefined. */
export async function readSecret(client: DaprClient, key: string, store = SECRET_STORE): Promise<string> {
  let secret: Record<string, string>;
  try {
    secret = (await client.secret.get(store, key)) as Record<string, string>;
  } catch (error) {
    throw sidecarFailure(`secret store ${store} (key ${key})`, error);
  }
  const value = secret[key];
  if (value === undefined) throw sidecarFailure(`secret store ${store}: no key ${key}`, undefined);
  return value;
}
