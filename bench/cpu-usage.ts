// CPU time the stack's processes spend while a bench runs, from /proc (Linux): which process
// each reserve costs most in, on a machine whose cores they all share.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function labelOf(pid: string, command: string): string | undefined {
  if (Number(pid) === process.pid) return 'bench client';
  const appId = /daprd .*--app-id (\S+)/.exec(command)?.[1];
  if (appId) return `${appId} sidecar`;
  if (command.startsWith('node ') && command.includes('src/main.ts')) {
    return `${readlinkSync(`/proc/${pid}/cwd`).split('/').at(-1)} app`;
  }
  if (command.startsWith('postgres')) return 'postgres';
  if (command.includes('kafka.Kafka')) return 'kafka';
  if (command.includes('ferretdb')) return 'ferretdb';
  if (command.includes('org.elasticsearch')) return 'elasticsearch';
  if (command.includes('zipkin-server')) return 'zipkin';
  if (command.includes('supervisord')) return 'supervisord'; // copies every app's and sidecar's output into its log file
  return undefined;
}

function ticksByProcess(): Map<string, number> {
  const ticks = new Map<string, number>();
  const all = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.split(/\s+/).slice(1, 8).map(Number) ?? [];
  ticks.set('whole machine', all.reduce((a, b) => a + b, 0) - (all[3] ?? 0) - (all[4] ?? 0)); // less idle and iowait
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const label = labelOf(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
      if (!label) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3 (state) on
      ticks.set(label, (ticks.get(label) ?? 0) + Number(fields[11]) + Number(fields[12])); // utime + stime
    } catch { /* the process ended meanwhile */ }
  }
  return ticks;
}

/** Starts counting; `stop(units)` answers the CPU milliseconds per unit of each process seen. */
export function cpuUsage(): { stop: (units: number) => string } {
  const before = ticksByProcess();
  return {
    stop: (units) => [...ticksByProcess()].map(([label, ticks]) => [label, ticks - (before.get(label) ?? 0)] as const)
      .filter(([, ticks]) => ticks > 0).sort((a, b) => b[1] - a[1])
      .map(([label, ticks]) => `${label} ${((1000 * ticks) / TICKS_PER_SECOND / units).toFixed(2)}`).join(', '),
  };
}
