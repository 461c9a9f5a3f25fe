// Who may call whom: sidecars talk mTLS with identities from Sentry, each callee's
// Configuration allows named callers and operations only, and each sidecar's API wants its
// app's token (README, Security).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { service } from '../support/stack.ts';
import { daprApiToken, sidecarHeaders } from '../support/sidecar-tokens.ts';

// A gRPC call without the proto: the bytes go as they are (an empty message here).
const passThrough = { serialize: (value: Buffer) => value, deserialize: (bytes: Buffer) => bytes };

/** The outcome of one unary call: its status and, for a failure, the reason given. */
function callOutcome(
  address: string, method: string, metadata: Record<string, string>, credentials = grpc.credentials.createInsecure(),
): Promise<{ code: grpc.status; details: string }> {
  const client = new grpc.Client(address, credentials);
  const meta = new grpc.Metadata();
  for (const [key, value] of Object.entries(metadata)) meta.set(key, value);
  return new Promise((resolve) => {
    client.makeUnaryRequest(method, passThrough.serialize, passThrough.deserialize, Buffer.alloc(0), meta,
      { deadline: new Date(Date.now() + 5000) }, (error) => {
        client.close();
        resolve(error ? { code: error.code, details: error.details } : { code: grpc.status.OK, details: '' });
      });
  });
}

/** The status of a call to an app's gRPC method through `caller`'s own sidecar, with the caller's API token. */
const throughSidecarOf = async (caller: string, callee: string, method: string) =>
  (await callOutcome(`127.0.0.1:${service(caller).sidecarGrpc}`, method, { 'dapr-app-id': callee, 'dapr-api-token': daprApiToken(caller) })).code;

const reserve = '/pos.inventory.v1.Inventory/Reserve';

describe('access control between apps (mTLS identities, default deny)', () => {
  it('order calling inventory.Reserve through its own sidecar is let through to the app', async () => {
    const code = await throughSidecarOf('order', 'inventory', reserve);
    // Inventory has no Reserve yet: UNIMPLEMENTED comes from the app itself, past every policy.
    assert.notEqual(grpc.status[code], 'PERMISSION_DENIED');
    assert.notEqual(grpc.status[code], 'UNAVAILABLE');
  });

  it('user calling inventory.Reserve through its own sidecar is refused with PERMISSION_DENIED', async () => {
    // Refused by inventory's sidecar, so the app (and its stock) is never reached.
    assert.equal(grpc.status[await throughSidecarOf('user', 'inventory', reserve)], 'PERMISSION_DENIED');
  });

  it('order calling an inventory operation the policy does not name is refused with PERMISSION_DENIED', async () => {
    assert.equal(grpc.status[await throughSidecarOf('order', 'inventory', '/pos.inventory.v1.Inventory/AdjustStock')], 'PERMISSION_DENIED');
  });

  it('product-query calling inventory.Reserve is refused with PERMISSION_DENIED', async () => {
    assert.equal(grpc.status[await throughSidecarOf('product-query', 'inventory', reserve)], 'PERMISSION_DENIED');
  });
});

describe('sidecar-to-sidecar traffic is mTLS only', () => {
  const internalPort = 4603; // inventory's daprInternalGRPCPort (dapr.yaml)
  const callLocal = '/dapr.proto.internals.v1.ServiceInvocation/CallLocal';

  it('a plaintext client dialing a sidecar\'s internal gRPC port is refused at the connection', async () => {
    // Without mTLS the sidecar would take the call and answer it (INTERNAL, no app channel).
    assert.equal(grpc.status[(await callOutcome(`127.0.0.1:${internalPort}`, callLocal, {})).code], 'UNAVAILABLE');
  });

  it('a TLS client that trusts Sentry\'s root but has no certificate of its own is refused at the connection', async () => {
    const root = readFileSync(`${process.env.POS_STATE_DIR}/sentry/ca.crt`);
    // Sidecar certificates name a SPIFFE id, not a host: only the client certificate is at stake here.
    const credentials = grpc.credentials.createSsl(root, null, null, { checkServerIdentity: () => undefined });
    const outcome = await callOutcome(`127.0.0.1:${internalPort}`, callLocal, {}, credentials);
    assert.equal(grpc.status[outcome.code], 'UNAVAILABLE');
    assert.match(outcome.details, /certificate required/);
  });
});

describe('a sidecar\'s API wants its own app\'s token (DAPR_API_TOKEN)', () => {
  const sidecar = `http://127.0.0.1:${service('order').sidecarHttp}/v1.0`;
  const calls = [
    ['publish', 'POST', `${sidecar}/publish/pubsub/pos.zero-trust-test`],
    ['state', 'GET', `${sidecar}/state/statestore/zero-trust-test`],
    ['secrets', 'GET', `${sidecar}/secrets/secretstore/order-db-url`],
  ] as const;

  for (const [api, method, url] of calls) {
    it(`a caller without the token gets 401 from the ${api} API`, async () => {
      // The sidecar answers a plain-text body here, so the status is all there is to read.
      const body = method === 'POST' ? JSON.stringify({ note: 'forged' }) : undefined;
      assert.equal((await fetch(url, { method, headers: { 'content-type': 'application/json' }, body })).status, 401);
    });
  }

  it('a caller with another app\'s token gets 401; with this app\'s token the same call succeeds', async () => {
    // A secret on order's own list (its secret scope), so only the token decides.
    const url = `${sidecar}/secrets/secretstore/order-db-url`;
    assert.equal((await fetch(url, { headers: sidecarHeaders('user') })).status, 401);
    assert.equal((await fetch(url, { headers: sidecarHeaders('order') })).status, 200);
  });
});
