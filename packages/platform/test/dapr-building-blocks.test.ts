import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { AppError, ConflictError, createDaprClient, readSecret, stateStore } from '../src/index.ts';
import { eventually, localSecret } from '../src/testing/index.ts';
import { probe } from '../../../tests/support/stack.ts';
import { daprApiToken } from '../../../tests/support/sidecar-tokens.ts';

// probe-a's sidecar: the secret store and the state store are scoped to it.
const dapr = createDaprClient(probe('probe-a').sidecarHttp, daprApiToken('probe-a'));

describe('secrets through the sidecar', () => {
  it('reads a secret that provisioning wrote', async () => {
    assert.equal(await readSecret(dapr, 'kafka-brokers'), localSecret('kafka-brokers'));
  });

  it('a missing secret is an error, never an undefined value', async () => {
    await assert.rejects(readSecret(dapr, 'no-such-secret'), (error: unknown) =>
      error instanceof AppError && error.kind === 'unavailable');
  });
});

describe('state through the sidecar', () => {
  const store = stateStore<{ count: number }>(dapr);
  const key = () => `test-${randomUUID()}`;

  it('saves, reads with an etag, and deletes', async () => {
    const k = key();
    await store.save(k, { count: 1 });
    const entry = await store.get(k);
    assert.deepEqual(entry?.value, { count: 1 });
    assert.ok(entry?.etag);
    await store.delete(k, { etag: entry.etag });
    assert.equal(await store.get(k), undefined);
  });

  it('a save with a stale etag is a conflict and changes nothing', async () => {
    const k = key();
    await store.save(k, { count: 1 });
    const first = await store.get(k);
    assert.ok(first);
    await store.save(k, { count: 2 }, { etag: first.etag });
    await assert.rejects(store.save(k, { count: 3 }, { etag: first.etag }), ConflictError);
    assert.deepEqual((await store.get(k))?.value, { count: 2 });
  });

  it('a delete with a stale etag is a conflict and keeps the entry', async () => {
    const k = key();
    await store.save(k, { count: 1 });
    const stale = await store.get(k);
    assert.ok(stale);
    await store.save(k, { count: 2 }, { etag: stale.etag });
    await assert.rejects(store.delete(k, { etag: stale.etag }), ConflictError);
    assert.deepEqual((await store.get(k))?.value, { count: 2 });
  });

  it('with first-write-wins, a second write of a new key is a conflict', async () => {
    const k = key();
    await store.save(k, { count: 1 }, { firstWrite: true });
    await assert.rejects(store.save(k, { count: 2 }, { firstWrite: true }), ConflictError);
    assert.deepEqual((await store.get(k))?.value, { count: 1 });
  });

  it('an entry saved with a TTL is gone once the TTL has passed', async function () {
    this.timeout(20_000);
    const k = key();
    await store.save(k, { count: 1 }, { ttlSeconds: 1 });
    assert.deepEqual((await store.get(k))?.value, { count: 1 });
    await eventually(async () => assert.equal(await store.get(k), undefined), { timeoutMs: 15_000, everyMs: 500 });
  });
});
