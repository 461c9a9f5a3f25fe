import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const writeSecrets = new URL('../../scripts/lib/write-secrets.ts', import.meta.url).pathname;
const readSecret = new URL('../../scripts/lib/secret.ts', import.meta.url).pathname;

/** Runs provisioning's secrets step on a file of our own, away from the stack's. */
function writeSecretsTo(file: string): void {
  execFileSync(process.execPath, [writeSecrets], {
    env: {
      PATH: process.env.PATH, POS_SECRETS_FILE: file, POS_ENV: 'test',
      POS_PG_PORT: '1', POS_MONGO_PORT: '2', POS_KAFKA_PORT: '3', POS_ES_PORT: '4',
    },
  });
}

describe('the secrets file that provisioning writes', () => {
  let folder: string;
  beforeEach(() => { folder = mkdtempSync(join(tmpdir(), 'pos-secrets-')); });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('an existing file readable by others is replaced by a new file of mode 0600 that keeps its values', () => {
    const file = join(folder, 'secrets.json');
    writeFileSync(file, JSON.stringify({ 'admin-password': 'kept-across-runs' }), { mode: 0o644 });
    const before = statSync(file);

    writeSecretsTo(file);

    const after = statSync(file);
    assert.equal(after.mode & 0o777, 0o600);
    // A new inode: the file was renamed over the old one, never truncated and rewritten in
    // place, so a sidecar reading it meanwhile never sees half a file.
    assert.notEqual(after.ino, before.ino);
    assert.equal(JSON.parse(readFileSync(file, 'utf8'))['admin-password'], 'kept-across-runs');
    assert.deepEqual(readdirSync(folder), ['secrets.json'], 'no temporary file is left beside it');
  });

  it('a second run keeps every generated password, so the database roles keep theirs', () => {
    const file = join(folder, 'secrets.json');
    writeSecretsTo(file);
    const first = readFileSync(file, 'utf8');
    writeSecretsTo(file);
    assert.equal(readFileSync(file, 'utf8'), first);
    assert.match(JSON.parse(first)['user-db-url'], /^postgres:\/\/pos_user_svc:[\w-]+@/);
  });

  it('the scripts\' reader prints the one value asked for, and a key the file lacks fails naming it', () => {
    const file = join(folder, 'secrets.json');
    writeSecretsTo(file);
    const env = { PATH: process.env.PATH, POS_SECRETS_FILE: file };
    const read = (key: string) => execFileSync(process.execPath, [readSecret, key], { env, encoding: 'utf8', stdio: 'pipe' });
    assert.equal(read('user-dapr-api-token'), JSON.parse(readFileSync(file, 'utf8'))['user-dapr-api-token']);
    assert.throws(() => read('no-such-key'), /no secret no-such-key/);
  });
});
