// The Testcontainers path, for machines with Docker (POS_INFRA=testcontainers):
// starts PostgreSQL, MongoDB, Kafka and Elasticsearch from their official images, at the
// versions pinned in scripts/versions.env, on the same 127.0.0.1 ports as the native stack.
// It writes their addresses to $POS_STATE_DIR/containers.env (scripts/lib/env.sh reads it)
// and stays up until SIGTERM, because Testcontainers removes the containers when it exits.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';

const env = process.env;
const versions = Object.fromEntries(
  readFileSync(new URL('versions.env', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => /^\w+=/.test(line))
    .map((line) => line.split('=', 2) as [string, string]),
);
const port = (name: string) => Number(env[name]);
const image = (name: string) => {
  const value = versions[name];
  if (!value) throw new Error(`${name} is missing from scripts/versions.env`);
  return value;
};
const envFile = `${env.POS_STATE_DIR}/containers.env`;
const pgPassword = randomBytes(18).toString('base64url');
const kafkaPort = port('POS_KAFKA_PORT');

const containers: StartedTestContainer[] = await Promise.all([
  new GenericContainer(image('IMAGE_POSTGRES'))
    .withEnvironment({ POSTGRES_USER: 'pos', POSTGRES_PASSWORD: pgPassword })
    .withExposedPorts({ container: 5432, host: port('POS_PG_PORT') })
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start(),
  new GenericContainer(image('IMAGE_MONGO'))
    .withExposedPorts({ container: 27017, host: port('POS_MONGO_PORT') })
    .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
    .start(),
  new GenericContainer(image('IMAGE_KAFKA'))
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      // Clients reach the broker through the host port, so that is the address it announces.
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${kafkaPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_NUM_PARTITIONS: '3',
    })
    .withExposedPorts({ container: 9092, host: kafkaPort })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start(),
  new GenericContainer(image('IMAGE_ELASTICSEARCH'))
    .withEnvironment({
      'discovery.type': 'single-node',
      'xpack.security.enabled': 'false',
      ES_JAVA_OPTS: `-Xms${env.POS_ES_HEAP ?? '512m'} -Xmx${env.POS_ES_HEAP ?? '512m'}`,
    })
    .withExposedPorts({ container: 9200, host: port('POS_ES_PORT') })
    .withWaitStrategy(Wait.forHttp('/_cluster/health', 9200).forStatusCode(200))
    .withStartupTimeout(180_000)
    .start(),
]);

writeFileSync(envFile, [
  `POS_POSTGRES_URL=postgres://pos:${pgPassword}@127.0.0.1:${port('POS_PG_PORT')}`,
  `POS_MONGO_URL=mongodb://127.0.0.1:${port('POS_MONGO_PORT')}/?directConnection=true`,
  `POS_KAFKA_BROKERS=127.0.0.1:${kafkaPort}`,
  `POS_ELASTICSEARCH_URL=http://127.0.0.1:${port('POS_ES_PORT')}`,
  '',
].join('\n'), { mode: 0o600 });
console.log(`containers up; addresses in ${envFile}`);

const stop = async () => {
  rmSync(envFile, { force: true });
  await Promise.all(containers.map((container) => container.stop()));
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
setInterval(() => undefined, 1 << 30); // keep running until told to stop
