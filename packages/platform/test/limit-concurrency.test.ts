// A limit on jobs running at once. No stack needed.
import assert from 'node:assert/strict';
import { limitConcurrency } from '../src/service/limit-concurrency.ts';

/** A job that runs until its `finish` is called, recording when it starts. */
function jobs() {
  const started: number[] = [];
  const finishers = new Map<number, () => void>();
  const job = (n: number) => () => new Promise<number>((resolve) => {
    started.push(n);
    finishers.set(n, () => resolve(n));
  });
  const finish = (n: number) => finishers.get(n)?.();
  return { started, job, finish };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('limitConcurrency', () => {
  it('runs at most the limit at once; each finished job lets the first waiting one start', async () => {
    const limit = limitConcurrency(2);
    const { started, job, finish } = jobs();
    const results = [1, 2, 3, 4].map((n) => limit(job(n)));
    await settle();
    assert.deepEqual(started, [1, 2]);
    finish(2);
    await settle();
    assert.deepEqual(started, [1, 2, 3]);
    finish(1);
    finish(3);
    await settle();
    assert.deepEqual(started, [1, 2, 3, 4]);
    finish(4);
    assert.deepEqual(await Promise.all(results), [1, 2, 3, 4]);
  });

  it('a job that fails gives its slot back', async () => {
    const limit = limitConcurrency(1);
    await assert.rejects(limit(async () => { throw new Error('boom'); }), /boom/);
    assert.equal(await limit(async () => 'next'), 'next');
    const { started, job, finish } = jobs();
    const first = limit(job(1));
    const second = limit(job(2));
    await settle();
    assert.deepEqual(started, [1]);
    finish(1);
    await first;
    await settle();
    assert.deepEqual(started, [1, 2]);
    finish(2);
    await second;
  });
});
