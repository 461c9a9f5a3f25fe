// Deploy time: fills the token consumer of kong/kong.yml with the user service's public keys,
// read from its live JWKS, one jwt credential per key id (so retired keys still verify until
// they leave the JWKS). The committed files hold placeholders only; the output is not committed.
//   npm run kong:jwt-keys -- --jwks https://user.api.pos.example/.well-known/jwks.json --out kong.deploy.yml
//   npm run kong:jwt-keys -- --jwks URL --k8s > kong-jwt-credentials.yaml   (Secrets for Kong Ingress Controller)
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { jwtCredential } from './lib/kong-config.ts';
import { NAMESPACE, TOKEN_CONSUMER } from './lib/kong-gateway.ts';

const { values } = parseArgs({ options: { jwks: { type: 'string' }, out: { type: 'string' }, k8s: { type: 'boolean' } } });
if (!values.jwks || (!values.out && !values.k8s)) throw new Error('usage: kong-jwt-keys.ts --jwks URL (--out FILE | --k8s)');

const response = await fetch(values.jwks);
if (!response.ok) throw new Error(`${values.jwks} answered ${response.status}`);
const { keys } = (await response.json()) as { keys: (JsonWebKey & { kid?: string; alg?: string })[] };
const rsaKeys = keys.filter((key) => key.kty === 'RSA' && key.kid && (key.alg ?? 'RS256') === 'RS256');
if (rsaKeys.length === 0) throw new Error(`${values.jwks} holds no RS256 key with a kid`);

const credentials = rsaKeys.map((key) =>
  jwtCredential(String(key.kid), createPublicKey({ key, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString()));

if (values.out) {
  const kongFile = fileURLToPath(new URL('../kong/kong.yml', import.meta.url));
  const config = parse(readFileSync(kongFile, 'utf8')) as { consumers: { username: string; jwt_secrets?: unknown[] }[] };
  const consumer = config.consumers.find((candidate) => candidate.username === TOKEN_CONSUMER);
  if (!consumer) throw new Error(`kong/kong.yml has no consumer ${TOKEN_CONSUMER}`);
  consumer.jwt_secrets = credentials;
  writeFileSync(values.out, stringify(config, { lineWidth: 0, aliasDuplicateObjects: false }));
}

if (values.k8s) {
  // The token consumer for Kong Ingress Controller, with one credential Secret per key id
  // (kong/k8s/gateway.yaml leaves it out: it only exists with real keys).
  const secretName = (index: number) => `${TOKEN_CONSUMER}-jwt-${index}`;
  const resources = [
    {
      apiVersion: 'configuration.konghq.com/v1',
      kind: 'KongConsumer',
      metadata: { name: TOKEN_CONSUMER, namespace: NAMESPACE, annotations: { 'kubernetes.io/ingress.class': 'kong' } },
      username: TOKEN_CONSUMER,
      credentials: credentials.map((_, index) => secretName(index)),
    },
    ...credentials.map((credential, index) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: secretName(index), namespace: NAMESPACE, labels: { 'konghq.com/credential': 'jwt' } },
      stringData: credential,
    })),
  ];
  process.stdout.write(resources.map((resource) => stringify(resource, { lineWidth: 0 })).join('---\n'));
}
