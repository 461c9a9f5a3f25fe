// Events only from their owners: the pub/sub components scope each topic to the app that
// publishes it and the apps that hear it (each subscriber also publishes its own dead letters),
// and each subscription names the owner whose events it takes. The first part reads the files;
// the last asks a running sidecar.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { sessionRevocationSubscription } from '../../packages/platform/src/events/session-revocation-subscription.ts';
import type { EventSubscription } from '../../packages/platform/src/events/subscription.ts';
import { productSubscription as inventoryProducts } from '../../services/inventory/src/events/product-subscription.ts';
import { tillSubscription } from '../../services/order/src/events/till-subscription.ts';
import { productSubscription as queryProducts, stockSubscription } from '../../services/product-query/src/events/subscriptions.ts';
import { findOnTopic } from '@pos/platform/testing';
import { publishAsOwner, publishThrough, TOPIC_OWNERS } from '../support/events.ts';
import { apps } from '../support/stack.ts';

const root = new URL('../../', import.meta.url);
interface Resource {
  kind: string;
  metadata: { name: string };
  spec: { metadata?: { name: string; value?: string }[]; pubsubname?: string; topic?: string; deadLetterTopic?: string };
  scopes?: string[];
}
const resources: Resource[] = readdirSync(new URL('components/', root)).filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => parseAllDocuments(readFileSync(new URL(`components/${file}`, root), 'utf8')).map((document) => document.toJS() as Resource));
const subscriptions = resources.filter((resource) => resource.kind === 'Subscription');
const pubsubs = resources.filter((resource) => resource.kind === 'Component' && resource.metadata.name.startsWith('pubsub'));
const appIds = apps.map((app) => app.app);
/** The apps of dapr.yaml that load the component (the till loads neither pub/sub component). */
const appsOf = (component: Resource) => appIds.filter((app) => component.scopes?.includes(app));

/** `app1=t1,t2;app2=` as app → topics. */
function scopes(component: Resource, field: 'publishingScopes' | 'subscriptionScopes'): Map<string, string[]> {
  const value = component.spec.metadata?.find((entry) => entry.name === field)?.value ?? '';
  return new Map(value.split(';').filter(Boolean).map((entry) => {
    const [app = '', topics = ''] = entry.split('=');
    return [app, topics.split(',').filter(Boolean).sort()];
  }));
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe('events only from their owners', () => {
  it('both pub/sub components scope every app, so none of the five may publish or hear a topic unlisted', () => {
    assert.deepEqual(pubsubs.map((component) => component.metadata.name).sort(), ['pubsub', 'pubsub-broadcast']);
    for (const component of pubsubs) {
      for (const field of ['publishingScopes', 'subscriptionScopes'] as const) {
        assert.deepEqual(sorted(scopes(component, field).keys()), sorted(appsOf(component)), `${component.metadata.name} ${field}`);
      }
    }
  });

  it('an app hears on each component exactly the topics of its Subscriptions there', () => {
    for (const component of pubsubs) {
      for (const app of appsOf(component)) {
        const declared = subscriptions.filter((s) => s.spec.pubsubname === component.metadata.name && s.scopes?.includes(app)).map((s) => s.spec.topic ?? '');
        assert.deepEqual(scopes(component, 'subscriptionScopes').get(app), sorted(declared), `${app} on ${component.metadata.name}`);
      }
    }
  });

  it('an app publishes exactly its own topics (through pubsub) and the dead letters of its own Subscriptions', () => {
    for (const component of pubsubs) {
      for (const app of appsOf(component)) {
        const owned = component.metadata.name === 'pubsub' ? Object.keys(TOPIC_OWNERS).filter((topic) => TOPIC_OWNERS[topic] === app) : [];
        const deadLetters = subscriptions.filter((s) => s.spec.pubsubname === component.metadata.name && s.scopes?.includes(app)).map((s) => s.spec.deadLetterTopic ?? '');
        assert.deepEqual(scopes(component, 'publishingScopes').get(app), sorted([...owned, ...deadLetters]), `${app} on ${component.metadata.name}`);
      }
    }
  });

  it('each subscription takes events from its topic\'s owner only', () => {
    // Building a subscription touches none of its dependencies.
    const none = undefined as never;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- subscriptions of many data types
    const all: Pick<EventSubscription<any, any>, 'topic' | 'owners'>[] = [
      inventoryProducts(none), tillSubscription(none), queryProducts(none, none), stockSubscription(none, none), sessionRevocationSubscription(),
    ];
    for (const sub of all) assert.deepEqual(sub.owners, [TOPIC_OWNERS[sub.topic]], sub.topic);
    // Every topic with a Subscription is among them.
    assert.deepEqual(sorted(subscriptions.map((s) => s.spec.topic ?? '')), sorted(all.map((sub) => sub.topic)));
  });

  it('order\'s sidecar refuses to publish pos.products or pos.stock, on either component (403)', async () => {
    for (const topic of ['pos.products', 'pos.stock']) {
      for (const pubsub of ['pubsub', 'pubsub-broadcast']) {
        const response = await publishThrough('order', topic, { type: 'pos.product.updated.v1', data: { product: { id: 'forged', version: 1_000_000 } } }, pubsub);
        const body = await response.text();
        assert.equal(response.status, 403, `${topic} on ${pubsub}: ${body}`);
        assert.equal((JSON.parse(body) as { errorCode: string }).errorCode, 'ERR_PUBSUB_FORBIDDEN');
      }
    }
  });

  it('a subscriber\'s sidecar may still publish its own dead letters: an invalid product event lands in each subscriber\'s', async function () {
    this.timeout(60_000);
    const id = await publishAsOwner('pos.products', { type: 'pos.product.updated.v1', data: { notAProduct: true } });
    await findOnTopic('pos.products.dead-letter', (event) => event.id === id); // inventory's
    await findOnTopic('pos.products.product-query.dead-letter', (event) => event.id === id);
  });
});
