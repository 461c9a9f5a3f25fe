// A subscription that names its topic's owners hands its handler only their events. No stack needed.
import assert from 'node:assert/strict';
import { z } from 'zod';
import { deliverEvent, type EventSubscription } from '../src/events/subscription.ts';
import type { Logger } from '../src/logging/logger.ts';

/** A logger that keeps what was warned. */
function recordingLog(): { log: Logger; warnings: Record<string, unknown>[] } {
  const warnings: Record<string, unknown>[] = [];
  const keep = (fields: Record<string, unknown>, message: string) => { warnings.push({ ...fields, message }); };
  return { log: { warn: keep, error: keep, info: () => undefined, debug: () => undefined } as unknown as Logger, warnings };
}

const cloudEvent = (source: string) => ({ specversion: '1.0', id: `e-${source}`, source, type: 'pos.product.updated.v1', data: { name: 'Kopi' } });

describe('events only from the topic\'s owners', () => {
  const handled: string[] = [];
  const sub = (owners?: string[]): EventSubscription<{ name: string }, undefined> => ({
    topic: 'pos.products', path: '/events/products', schema: z.object({ name: z.string() }),
    ...(owners && { owners }),
    handle: async (event) => { handled.push(event.source); },
  });
  beforeEach(() => { handled.length = 0; });

  it('an event from another source is acknowledged (never retried, never a dead letter), logged, and not handled', async () => {
    const { log, warnings } = recordingLog();
    assert.equal(await deliverEvent(sub(['product']), cloudEvent('order'), log), 'SUCCESS');
    assert.deepEqual(handled, []);
    assert.equal(warnings.length, 1);
    assert.deepEqual([warnings[0]?.source, warnings[0]?.eventId, warnings[0]?.topic], ['order', 'e-order', 'pos.products']);
  });

  it('the owner\'s event is handled; without owners any source is', async () => {
    const { log, warnings } = recordingLog();
    assert.equal(await deliverEvent(sub(['product']), cloudEvent('product'), log), 'SUCCESS');
    assert.equal(await deliverEvent(sub(), cloudEvent('anyone'), log), 'SUCCESS');
    assert.deepEqual(handled, ['product', 'anyone']);
    assert.deepEqual(warnings, []);
  });
});
