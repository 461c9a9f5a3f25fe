// The plumbing every service shares. A service imports from here only.
export { z } from 'zod';
export { loadConfig, port } from './config/load-config.ts';
export {
  AppError, ConflictError, DependencyUnavailableError, ForbiddenError, NotFoundError, RemoteCallError, UnauthorizedError, ValidationError,
  type ErrorKind,
  TooManyRequestsError, UnprocessableError,
} from './errors/app-errors.ts';
export { storeFailureAsAppError, unreachableStore } from './errors/store-errors.ts';
export { createLogger, type Logger } from './logging/logger.ts';
export { createHttpApp, routesOf, type HttpAppOptions } from './http/create-http-app.ts';
export { calendarDate } from './http/validate.ts';
export { defineRoute, securedRoute, type AnyRoute, type AuthRule, type Reply, type Route } from './http/route.ts';
export {
  jwksFromUserService, jwksTokenVerifier, localKeySet, ROLES, type RemoteKeySetOptions, TILL_CLAIM, type TillClaim, TOKEN_AUDIENCE, TOKEN_ISSUER, type Principal, type Role, type TokenVerifier,
  type TokenVerifierOptions, userServiceTokens,
} from './auth/token-verifier.ts';
export {
  SESSION_GENERATION_CLAIM, SESSION_REVOCATION_EVENT, SESSION_REVOCATION_TOPIC, sessionRevocations, SessionRevocations, type SessionRevocation,
} from './auth/session-revocations.ts';
export {
  APPROVAL_ACTIONS, APPROVAL_AUDIENCE, APPROVAL_TTL_SECONDS, verifyApproval, type ApprovalAction, type ApprovalClaims,
} from './auth/approval.ts';
export { sessionRevocationSubscription } from './events/session-revocation-subscription.ts';
export { openApiPath } from './http/openapi.ts';
export { runService, type ServiceDefinition } from './service/run-service.ts';
export { limitConcurrency } from './service/limit-concurrency.ts';
export {
  addUnaryService, createGrpcServer, ERROR_CODE_KEY, ERROR_DETAILS_KEY, type UnaryMethod, type UnaryMethods,
} from './grpc/create-grpc-server.ts';
export { sidecarClient, type SidecarCallOptions, type SidecarClient } from './grpc/sidecar-client.ts';
export { loadService, type GrpcService } from './grpc/proto.ts';
export { createDaprClient, invokeUrl, sidecar, sidecarAnswers, sidecarApiHeaders } from './dapr/sidecar.ts';
export type { DaprClient } from '@dapr/dapr';
export { createBulkPublisher, createPublisher, type OutgoingEvent, type Publish, type PublishBulk } from './dapr/publisher.ts';
export { readSecret } from './dapr/secrets.ts';
export { stateStore, type StateEntry, type StateStore } from './dapr/state.ts';
export { RejectedEventError, subscription, type EventSubscription, type ReceivedEvent } from './events/subscription.ts';
export { bulkSubscription, type BulkEventSubscription } from './events/bulk-subscription.ts';
export { requireDeadLetterTopics, topicsWithoutDeadLetter } from './events/dead-letter-check.ts';
export { addSubscriptionsOverGrpc } from './grpc/app-callback.ts';
export { postgresInbox, type Inbox } from './events/inbox.ts';
export { addToOutbox, startOutboxRelay, type OutboxEvent, type OutboxRelay, type OutboxRelayOptions } from './events/outbox.ts';
export { createPool, databaseAnswers, refuseUnlessTestDatabase, withTransaction, type Pool, type Transaction } from './postgres/database.ts';
export { migrate } from './postgres/migrate.ts';
export { createCounter, createHistogram } from './metrics/metrics.ts';
