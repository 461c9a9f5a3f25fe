import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const fixture = fileURLToPath(new URL('./fixtures/bare-service.ts', import.meta.url));
// Every 127.0.0.0/8 address reaches this machine, but a socket bound to 127.0.0.1 answers only there:
// 127.0.0.2 stands for the pod IP that the kubelet, Prometheus and the gateway come in on.
const OTHER_ADDRESS = '127.0.0.2';

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  return port;
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host);
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

const running: ChildProcess[] = [];

/** Runs the fixture with BIND_HOST as given, or unset. */
async function startService(bindHost?: string): Promise<{ http: number; grpc: number; child: ChildProcess }> {
  const ports = { http: await freePort(), grpc: await freePort() };
  const env: NodeJS.ProcessEnv = { ...process.env, HTTP_PORT: String(ports.http), GRPC_PORT: String(ports.grpc) };
  delete env.BIND_HOST;
  if (bindHost) env.BIND_HOST = bindHost;
  const child = spawn(process.execPath, [fixture], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  running.push(child);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('service started')) resolve();
    });
    child.once('exit', () => reject(new Error(`the service exited before it listened: ${output}`)));
  });
  return { ...ports, child };
}

describe('bind address of the HTTP and gRPC servers', () => {
  afterEach(() => { for (const child of running.splice(0)) child.kill('SIGKILL'); });

  it('without BIND_HOST, both servers answer on 127.0.0.1 and refuse every other address', async () => {
    const service = await startService();
    assert.deepEqual(
      [await accepts('127.0.0.1', service.http), await accepts('127.0.0.1', service.grpc)], [true, true]);
    assert.deepEqual(
      [await accepts(OTHER_ADDRESS, service.http), await accepts(OTHER_ADDRESS, service.grpc)], [false, false]);
  });

  it('with BIND_HOST=0.0.0.0 (the manifests), both servers answer on another address of the machine', async () => {
    const service = await startService('0.0.0.0');
    assert.deepEqual(
      [await accepts(OTHER_ADDRESS, service.http), await accepts(OTHER_ADDRESS, service.grpc)], [true, true]);
  });

  it('a BIND_HOST that is not an IP address stops the service at start with the variable named', async () => {
    const child = spawn(process.execPath, [fixture], {
      env: { ...process.env, BIND_HOST: 'everywhere', HTTP_PORT: String(await freePort()), GRPC_PORT: String(await freePort()) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    running.push(child);
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
    const [code] = await once(child, 'exit');
    assert.notEqual(code, 0);
    assert.match(errors, /BIND_HOST/);
  });
});
