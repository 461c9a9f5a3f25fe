import { CommunicationProtocolEnum, DaprClient, LogLevel, type LoggerService } from '@dapr/dapr';
import { DependencyUnavailableError } from '../errors/app-errors.ts';
import { createLogger } from '../logging/logger.ts';

/** The sidecar's ports, as `dapr run` gives them to the app, and the token its API demands. */
export const sidecar = {
  httpPort: Number(process.env.DAPR_HTTP_PORT ?? 3500),
  grpcPort: Number(process.env.DAPR_GRPC_PORT ?? 50001),
  appId: process.env.APP_ID ?? 'unknown',
  /** DAPR_API_TOKEN: sent as `dapr-api-token` with every call to the sidecar. */
  apiToken: process.env.DAPR_API_TOKEN,
};

/** Headers for a plain HTTP call to the sidecar's API (the SDK adds the token itself). */
export const sidecarApiHeaders = (apiToken = sidecar.apiToken): Record<string, string> =>
  (apiToken ? { 'dapr-api-token': apiToken } : {});

/** The sidecar's URL for an HTTP call to another app (Dapr service invocation): the sidecar
 * carries it to the callee's sidecar over mTLS, and the callee's access control decides.
 * `method` is the callee's path with its query, e.g. `/products/search?q=kopi`. */
export const invokeUrl = (appId: string, method: string, httpPort = sidecar.httpPort): string =>
  `http://127.0.0.1:${httpPort}/v1.0/invoke/${appId}/method${method}`;

/** The SDK's own messages, as JSON lines of the app's log like everything else. */
function sdkLogger(): LoggerService {
  const log = createLogger(sidecar.appId).child({ component: 'dapr-sdk' });
  const text = (message: unknown, rest: unknown[]) => [message, ...rest].map(String).join(' ');
  return {
    error: (message, ...rest) => log.error(text(message, rest)),
    warn: (message, ...rest) => log.warn(text(message, rest)),
    info: (message, ...rest) => log.info(text(message, rest)),
    verbose: (message, ...rest) => log.debug(text(message, rest)),
    debug: (message, ...rest) => log.debug(text(message, rest)),
  };
}

/** One DaprClient per process, for publish, state, secrets and invocation. */
export function createDaprClient(httpPort = sidecar.httpPort, apiToken = sidecar.apiToken): DaprClient {
  return new DaprClient({
    daprHost: '127.0.0.1',
    daprPort: String(httpPort),
    ...(apiToken && { daprApiToken: apiToken }),
    communicationProtocol: CommunicationProtocolEnum.HTTP,
    logger: { level: LogLevel.Warn, service: sdkLogger() },
  });
}

/** A readiness check: the sidecar answers. */
export const sidecarAnswers = (client: DaprClient) => async (): Promise<void> => {
  if (!(await client.health.isHealthy())) throw new Error('the Dapr sidecar does not answer');
};

/** The SDK reports a failed call as an Error whose message is JSON with the sidecar's status. */
export function sidecarStatusOf(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  try {
    const status = (JSON.parse(error.message) as { status?: unknown }).status;
    return typeof status === 'number' ? status : undefined;
  } catch {
    return undefined;
  }
}

export function sidecarFailure(what: string, error: unknown): DependencyUnavailableError {
  return new DependencyUnavailableError(`Dapr ${what}`, error);
}
