export { z } from 'zod';
export { loadConfig, port } from './config/load-config.ts';
export { createLogger, type Logger } from './logging/logger.ts';
export { createHttpApp } from './http/create-http-app.ts';
export { runService, type ServiceDefinition } from './service/run-service.ts';
export { createGrpcServer } from './grpc/create-grpc-server.ts';
