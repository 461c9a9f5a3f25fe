// The API tokens of the running stack, from the secrets file that provisioning wrote.
import { localSecret } from '@pos/platform/testing';

/** What an app must send its own sidecar (DAPR_API_TOKEN), as the `dapr-api-token` header. */
export const daprApiToken = (app: string): string => localSecret(`${app}-dapr-api-token`);

/** What a sidecar sends its app (APP_API_TOKEN); only that sidecar should know it. */
export const appApiToken = (app: string): string => localSecret(`${app}-app-api-token`);

/** Headers for a call to an app's own sidecar. */
export const sidecarHeaders = (app: string): Record<string, string> => ({ 'dapr-api-token': daprApiToken(app) });
