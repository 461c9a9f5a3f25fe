// A test-only app built on the platform the way a service is; two of them (probe-a, probe-b)
// run with their own sidecars (tests/probe/dapr.yaml) so the proof tests have two ends.
import {
  addSubscriptionsOverGrpc, addUnaryService, createBulkPublisher, createDaprClient, createGrpcServer, createHttpApp, createLogger, createPool, createPublisher,
  databaseAnswers, loadConfig, migrate, port, postgresInbox, readSecret, requireDeadLetterTopics, runService, sidecar, sidecarAnswers,
  startOutboxRelay, stateStore, z,
} from '@pos/platform';
import { ProbeService, probeClient } from './probe-client.ts';
import { testJwksRoutes } from './jwks.routes.ts';
import { grpcSubscription, probeMethods, probeRoutes, probeSubscriptions } from './probe.routes.ts';

const config = loadConfig({ HTTP_PORT: port, GRPC_PORT: port.optional(), PROBE_PEER: z.string().min(1) });
const log = createLogger(sidecar.appId);
const dapr = createDaprClient();
const pool = createPool(await readSecret(dapr, 'probe-db-url'), { test: true });
await migrate(pool, new URL('../migrations/', import.meta.url).pathname);
const publish = createPublisher(dapr);
// A small batch, so the tests can fill one; one attempt, so a poison event is parked at once
// and the tests need not wait out the relay's growing retry waits.
const relay = startOutboxRelay({ pool, publish: createBulkPublisher(), log, batch: 50, maxAttempts: 1 });
const peer = probeClient(config.PROBE_PEER);

const inbox = postgresInbox(pool);
const deps = { pool, publish, inbox, peer, state: stateStore<string>(dapr), log };
const grpcSubscriptions = [grpcSubscription({ inbox })];
// probe-b, the gRPC app, is delivered only its gRPC subscription; probe-a the others.
await requireDeadLetterTopics(config.GRPC_PORT ? grpcSubscriptions : probeSubscriptions(deps));
const app = createHttpApp({
  service: sidecar.appId,
  log,
  routes: [...probeRoutes(deps), ...testJwksRoutes()],
  readiness: { database: databaseAnswers(pool), sidecar: sidecarAnswers(dapr) },
});
const grpcServer = createGrpcServer();
addUnaryService(grpcServer, ProbeService, probeMethods(sidecar.appId), log);
addSubscriptionsOverGrpc(grpcServer, grpcSubscriptions, log);

await runService({
  name: sidecar.appId,
  http: { app, port: config.HTTP_PORT },
  ...(config.GRPC_PORT && { grpc: { server: grpcServer, port: config.GRPC_PORT } }),
  onStop: async () => {
    await relay.stop();
    peer.close();
    await pool.end();
  },
});
