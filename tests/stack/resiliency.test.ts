// What the sidecars' Resiliency policy (components/resiliency.yaml) does to answers that are
// not faults: a 4xx is the caller's mistake, so it is neither retried nor counted against the app.
// The calls go from probe-b's sidecar to probe-a (a target with the same HTTP policy as the
// user app): the services' access policies let no app invoke a route that answers 4xx.
import assert from 'node:assert/strict';
import { request } from '@pos/platform/testing';
import { sidecarHeaders } from '../support/sidecar-tokens.ts';
import { probe } from '../support/stack.ts';

const target = probe('probe-a');
const throughSidecar = `http://127.0.0.1:${probe('probe-b').sidecarHttp}/v1.0/invoke/probe-a/method`;

/** How many `GET /slow` the target app has answered with `status`, from its RED metrics. */
async function slowRequests(status: number): Promise<number> {
  const metrics = await (await fetch(`${target.url}/metrics`)).text();
  const line = metrics.split('\n').find((candidate) => candidate.startsWith('http_requests_total{')
    && candidate.includes('method="GET"') && candidate.includes('route="/slow"') && candidate.includes(`status="${status}"`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('resiliency: 4xx answers through a sidecar', () => {
  it('ten bad requests reach the app once each, and a good call right after still succeeds', async () => {
    const before = await slowRequests(400);
    for (let i = 0; i < 10; i++) {
      const reply = await request('GET', `${throughSidecar}/slow?ms=-1`, { headers: sidecarHeaders('probe-b') });
      assert.equal(reply.status, 400);
    }
    assert.equal(await slowRequests(400) - before, 10, 'each 400 reached the app exactly once (no retries)');
    const good = await request('GET', `${throughSidecar}/slow?ms=0`, { headers: sidecarHeaders('probe-b') });
    assert.equal(good.status, 200, `no circuit breaker opened: ${JSON.stringify(good.body)}`);
  });
});
