// A bulk delivery (Dapr's bulk subscribe) answers a status per entry. No stack needed.
import assert from 'node:assert/strict';
import { z } from 'zod';
import { deliverBulk, type BulkEventSubscription } from '../src/events/bulk-subscription.ts';
import { RejectedEventError, type ReceivedEvent } from '../src/events/subscription.ts';
import type { Logger } from '../src/logging/logger.ts';

const quiet = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined } as unknown as Logger;

const entry = (entryId: string, source: string, data: unknown) => ({
  entryId, contentType: 'application/cloudevents+json', metadata: {},
  event: { specversion: '1.0', id: `e-${entryId}`, source, type: 'pos.stock.changed.v1', data },
});

describe('bulk deliveries', () => {
  const batches: ReceivedEvent<{ n: number }>[][] = [];
  const sub = (handleAll: BulkEventSubscription<{ n: number }>['handleAll']): BulkEventSubscription<{ n: number }> => ({
    topic: 'pos.stock', path: '/events/stock', owners: ['inventory'], schema: z.object({ n: z.number() }), handleAll,
  });
  const keep = sub(async (events) => { batches.push(events); });
  beforeEach(() => { batches.length = 0; });

  it('the valid events go to the handler together, in order; an invalid one is dropped and a foreign one acknowledged unhandled', async () => {
    const body = { entries: [entry('1', 'inventory', { n: 1 }), entry('2', 'inventory', { n: 'x' }), entry('3', 'order', { n: 3 }), entry('4', 'inventory', { n: 4 })] };
    const statuses = await deliverBulk(keep, body, quiet);
    assert.deepEqual(batches.map((events) => events.map((event) => event.data.n)), [[1, 4]]);
    assert.deepEqual(Object.fromEntries(statuses.map((s) => [s.entryId, s.status])), { 1: 'SUCCESS', 2: 'DROP', 3: 'SUCCESS', 4: 'SUCCESS' });
  });

  it('a handler that fails makes each valid entry a RETRY, never an acknowledgement; a rejection, a DROP', async () => {
    const body = { entries: [entry('1', 'inventory', { n: 1 }), entry('2', 'inventory', { n: 'x' })] };
    const failed = await deliverBulk(sub(async () => { throw new Error('Elasticsearch said no'); }), body, quiet);
    assert.deepEqual(failed, [{ entryId: '2', status: 'DROP' }, { entryId: '1', status: 'RETRY' }]);
    const rejected = await deliverBulk(sub(async () => { throw new RejectedEventError('never valid'); }), body, quiet);
    assert.deepEqual(rejected, [{ entryId: '2', status: 'DROP' }, { entryId: '1', status: 'DROP' }]);
  });

  it('a body that is not a bulk delivery answers no status, so Dapr retries each entry', async () => {
    assert.deepEqual(await deliverBulk(keep, { id: 'x', data: {} }, quiet), []);
    assert.deepEqual(batches, []);
  });
});
