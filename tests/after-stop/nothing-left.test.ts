// Runs after `npm stop` (scripts/test.sh does it): nothing of the stack may be left behind.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { apps, probeApps } from '../support/stack.ts';

const stackPorts = [
  ...['POS_PG_PORT', 'POS_MONGO_PORT', 'POS_KAFKA_PORT', 'POS_ES_PORT', 'POS_SCHEDULER_PORT', 'POS_SENTRY_PORT', 'ZIPKIN_PORT', 'POS_PROMETHEUS_PORT'].map(envPort),
  ...[...apps, ...probeApps].flatMap((app) => app.ports),
  3900, // the Midtrans simulator (scripts/apps.sh)
];

function envPort(name: string): number {
  const value = Number(process.env[name]);
  if (!value) throw new Error(`${name} is not set: run this through npm test`);
  return value;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

function parentOf(pid: string): string | undefined {
  try {
    return /^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/** This test runs on the stack's Node.js too: it and its parents are not leftovers. */
function selfAndAncestors(): Set<string> {
  const chain = new Set<string>();
  for (let pid: string | undefined = String(process.pid); pid && pid !== '0'; pid = parentOf(pid)) chain.add(pid);
  return chain;
}

function processesMentioning(paths: string[]): string[] {
  const mine = selfAndAncestors();
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    if (mine.has(pid)) continue;
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue; // ended while we looked
    }
    if (paths.some((path) => commandLine.includes(path))) found.push(`${pid}: ${commandLine.slice(0, 160)}`);
  }
  return found;
}

describe('after npm stop', () => {
  it('no port of the stack is listening', async () => {
    const open = [];
    for (const port of stackPorts) if (await listening(port)) open.push(port);
    assert.deepEqual(open, []);
  });

  it('no process of the stack is left', () => {
    const paths = [process.env.POS_STATE_DIR, process.env.POS_CACHE_DIR].filter((path): path is string => !!path);
    assert.equal(paths.length, 2, 'POS_STATE_DIR and POS_CACHE_DIR must be set: run this through npm test');
    assert.deepEqual(processesMentioning(paths), []);
  });
});
