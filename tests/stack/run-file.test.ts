// The one reader of the dapr run files, which the shell scripts and the tests both use.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFileApps } from '../../scripts/lib/run-file.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the run-file reader', () => {
  it('returns every app of dapr.yaml with each port of the README ports table', () => {
    const found = runFileApps(join(root, 'dapr.yaml')).map(({ app, protocol, http, appPort, sidecarHttp, sidecarGrpc, ports }) =>
      ({ app, protocol, http, appPort, sidecarHttp, sidecarGrpc, ports: [...ports].sort() }));
    const row = (app: string, protocol: string, http: number, appPort: number, n: number) => ({
      app, protocol, http, appPort, sidecarHttp: 3500 + n, sidecarGrpc: 4500 + n,
      ports: [...new Set([http, appPort, 3500 + n, 4500 + n, 4600 + n, 9090 + n])].sort(),
    });
    assert.deepEqual(found, [
      row('user', 'http', 3001, 3001, 1),
      row('product', 'grpc', 3002, 4102, 2),
      row('inventory', 'grpc', 3003, 4103, 3),
      row('product-query', 'http', 3004, 3004, 4),
      row('order', 'http', 3005, 3005, 5),
      row('till', 'http', 3006, 3006, 6),
    ]);
  });

  it('prints the same apps, ports and folders for the shell scripts', () => {
    const printed = execFileSync(process.execPath, [join(root, 'scripts/lib/run-file.ts'), join(root, 'tests/probe/dapr.yaml')], { encoding: 'utf8' });
    assert.equal(printed, runFileApps(join(root, 'tests/probe/dapr.yaml'))
      .map(({ app, sidecarHttp, http, dir, sidecarInternalGrpc }) => `${app} ${sidecarHttp} ${http} ${dir} ${sidecarInternalGrpc}\n`).join(''));
    assert.match(printed, /^probe-a 3601 3101 \S+\/tests\/probe 4711\nprobe-b 3602 3102 \S+\/tests\/probe 4712\n$/);
  });

  it('an app without a port it needs is refused, naming the app and the port', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pos-run-file-'));
    try {
      writeFileSync(join(dir, 'dapr.yaml'), 'version: 1\napps:\n  - appID: lonely\n    appPort: 1\n    env: { HTTP_PORT: "1" }\n');
      assert.throws(() => runFileApps(join(dir, 'dapr.yaml')), /app lonely has no daprHTTPPort/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
