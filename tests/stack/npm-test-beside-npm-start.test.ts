// npm test must leave alone a stack that npm start runs for someone. scripts/test.sh runs here
// in a copy of the scripts whose every other step is a stub that only says it ran, so a
// missing refusal shows as a stub that ran, never as a real stack restarted or stopped.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const scripts = fileURLToPath(new URL('../../scripts/', import.meta.url));
const stubbed = ['provision.sh', 'check.sh', 'infra.sh', 'apps.sh', 'stop.sh'];

/** A repository root holding the real test.sh and lib/, and stubs for the steps it calls. */
function sandbox(): { root: string; stateDir: string; ran: string } {
  const root = mkdtempSync(join(tmpdir(), 'pos-npm-test-'));
  cpSync(scripts, join(root, 'scripts'), { recursive: true });
  const ran = join(root, 'ran.txt');
  for (const name of stubbed) writeFileSync(join(root, 'scripts', name), `echo ${name} >> '${ran}'; exit 1\n`);
  // Provisioning, the first step, also notes npm start's record as it finds it.
  writeFileSync(join(root, 'scripts/provision.sh'), `echo "provision.sh $(cat "$POS_STATE_DIR/pids/npm-start.pid" 2>/dev/null)" >> '${ran}'; exit 1\n`);
  return { root, stateDir: join(root, 'state'), ran };
}

function run(script: string, root: string, stateDir: string) {
  return spawnSync('bash', [join(root, 'scripts', script)], {
    encoding: 'utf8',
    env: { ...process.env, POS_STATE_DIR: stateDir, POS_CACHE_DIR: join(root, 'cache'), POS_LOG_DIR: join(root, 'logs') },
  });
}

/** npm start's record, as scripts/start.sh writes it: a pid and that process's start time. */
function markNpmStart(stateDir: string, pid: number, startTime: string): void {
  mkdirSync(join(stateDir, 'pids'), { recursive: true });
  writeFileSync(join(stateDir, 'pids/npm-start.pid'), `${pid} ${startTime}\n`);
}
const startTimeOf = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[19] ?? '';

describe('npm test beside npm start', () => {
  const roots: string[] = [];
  after(() => { for (const root of roots) rmSync(root, { recursive: true, force: true }); });

  it('while npm start runs the stack, npm test refuses, says how to stop it, and runs no step', () => {
    const { root, stateDir, ran } = sandbox();
    roots.push(root);
    markNpmStart(stateDir, process.pid, startTimeOf(process.pid));
    const result = run('test.sh', root, stateDir);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, new RegExp(`npm start \\(pid ${process.pid}\\) is running the stack`));
    assert.match(result.stderr, /npm stop/);
    assert.equal(existsSync(ran), false, `steps ran: ${existsSync(ran) ? readFileSync(ran, 'utf8') : ''}`);
  });

  it('a record left by an npm start that has ended (or a stack left up by POS_KEEP_RUNNING=1) does not stop npm test', () => {
    const { root, stateDir, ran } = sandbox();
    roots.push(root);
    markNpmStart(stateDir, process.pid, 'an-earlier-start');
    const result = run('test.sh', root, stateDir);
    assert.doesNotMatch(result.stderr, /npm start .* is running/);
    assert.match(readFileSync(ran, 'utf8'), /^provision\.sh /, 'npm test went on to provisioning');
  });

  it('npm start records itself before its first step and removes the record when it stops', () => {
    const { root, stateDir, ran } = sandbox();
    roots.push(root);
    const result = run('start.sh', root, stateDir);
    assert.notEqual(result.status, 0, 'the provisioning stub fails, so npm start stops');
    const [provisioned, stopped] = readFileSync(ran, 'utf8').split('\n');
    assert.match(provisioned ?? '', /^provision\.sh \d+ \d+$/, 'the record held a pid and its start time during provisioning');
    assert.equal(stopped, 'stop.sh');
    assert.equal(existsSync(join(stateDir, 'pids/npm-start.pid')), false);
  });
});
