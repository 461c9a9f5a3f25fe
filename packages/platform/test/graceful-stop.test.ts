// A service stops on SIGTERM by itself, spans flushed, rather than being cut off by its own
// grace timer (exit 1): that is how every app of the stack ended until the telemetry SDK was
// told to make no metrics and logs exporters of its own (their last flush to an absent OTLP
// receiver retried for 8 s).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const platform = fileURLToPath(new URL('..', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/bare-service.ts', import.meta.url));

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  return port;
}

describe('a service told to stop', function () {
  this.timeout(30_000);
  let receiver: Server;
  let receiverPort: number;
  const received: string[] = [];

  before(async () => {
    // Stands for Zipkin and for any OTLP receiver: it notes each path it is sent to.
    receiver = createServer((request, response) => {
      received.push(`${request.method} ${request.url}`);
      request.resume().once('end', () => response.writeHead(202).end());
    }).listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    receiverPort = (receiver.address() as net.AddressInfo).port;
  });
  after(() => { receiver.close(); });

  it('closes its servers, sends its spans to Zipkin, nothing else anywhere, and exits 0 with "service stopped"', async () => {
    const [httpPort, grpcPort] = [await freePort(), await freePort()];
    const base = `http://127.0.0.1:${receiverPort}`;
    const child = spawn(process.execPath, ['--import', './src/telemetry/register.ts', fixture], {
      cwd: platform,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env, HTTP_PORT: String(httpPort), GRPC_PORT: String(grpcPort), TRACE_SAMPLE_RATIO: '1',
        OTEL_EXPORTER_ZIPKIN_ENDPOINT: `${base}/zipkin`, OTEL_EXPORTER_OTLP_ENDPOINT: '',
        OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `${base}/otlp-metrics`, OTEL_EXPORTER_OTLP_LOGS_ENDPOINT: `${base}/otlp-logs`,
      },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = once(child, 'exit');
    while (!output.includes('service started')) {
      if (child.exitCode !== null) assert.fail(`the service exited before it listened: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(await (await fetch(`http://127.0.0.1:${httpPort}/`)).text(), 'ok');

    child.kill('SIGTERM');
    const [code] = await exited;
    assert.equal(code, 0, `exit code 0 (1 means the grace timer ended it); its log:\n${output}`);
    assert.match(output, /"msg":"service stopped"/);
    assert.ok(received.includes('POST /zipkin'), `the request's span reached Zipkin: ${received.join(', ')}`);
    assert.deepEqual(received.filter((line) => !line.startsWith('POST /zipkin')), [], 'no metrics or logs sent by the SDK');
  });
});
