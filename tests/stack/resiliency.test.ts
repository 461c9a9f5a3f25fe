// What the sidecars' Resiliency policy (components/resiliency.yaml) does to answers that are
// not faults: a 4xx is the caller's mistake, so it is neither retried nor counted against the app.
import assert from 'node:assert/strict';
import { localSecret, request } from '@pos/platform/testing';
import { service } from '../support/stack.ts';

const user = service('user');
const throughSidecar = `http://127.0.0.1:${user.sidecarHttp}/v1.0/invoke/user/method`;

/** How many `GET /users` the user app has answered with `status`, from its RED metrics. */
async function usersRequests(status: number): Promise<number> {
  const metrics = await (await fetch(`${user.url}/metrics`)).text();
  const line = metrics.split('\n').find((candidate) => candidate.startsWith('http_requests_total{')
    && candidate.includes('method="GET"') && candidate.includes('route="/users"') && candidate.includes(`status="${status}"`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('resiliency: 4xx answers through a sidecar', () => {
  it('ten calls without a token reach the app once each, and a good call right after still succeeds', async () => {
    const before = await usersRequests(401);
    for (let i = 0; i < 10; i++) {
      assert.equal((await request('GET', `${throughSidecar}/users`)).status, 401);
    }
    assert.equal(await usersRequests(401) - before, 10, 'each 401 reached the app exactly once (no retries)');

    const login = await request<{ accessToken: string }>('POST', `${user.url}/auth/login`, {
      body: { email: localSecret('admin-email'), password: localSecret('admin-password') },
    });
    const listed = await request('GET', `${throughSidecar}/users`, { token: login.body.accessToken });
    assert.equal(listed.status, 200, `no circuit breaker opened: ${JSON.stringify(listed.body)}`);
  });
});
