import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const checkAgainst = (k8sDir: string) =>
  spawnSync(process.execPath, ['scripts/gen-k8s.ts', '--check', k8sDir], { cwd: root, encoding: 'utf8' });

describe('k8s/dapr and k8s/base/apps are generated from components/ and dapr.yaml (npm run check)', () => {
  let copy: string;
  beforeEach(() => {
    copy = mkdtempSync(join(tmpdir(), 'k8s-'));
    cpSync(join(root, 'k8s'), copy, { recursive: true });
  });
  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  it('the committed manifests are what the sources give', () => {
    const run = checkAgainst(copy);
    assert.equal(run.status, 0, run.stderr);
  });

  it('a hand edit of a generated file fails the check, naming the file', () => {
    appendFileSync(join(copy, 'dapr/pubsub.yaml'), '# tuned by hand\n');
    const run = checkAgainst(copy);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /dapr\/pubsub\.yaml/);
  });

  it('a hand-added file in a generated folder fails the check, naming the file', () => {
    cpSync(join(copy, 'dapr/pubsub.yaml'), join(copy, 'dapr/pubsub-copy.yaml'));
    const run = checkAgainst(copy);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /dapr\/pubsub-copy\.yaml/);
  });
});
