// What the tests need to know about the running stack: its apps and their fixed ports.

export interface AppPorts {
  app: string;
  http: number;
  sidecarHttp: number;
  protocol: 'http' | 'grpc';
}

/** The five apps as dapr.yaml runs them. */
export const apps: readonly AppPorts[] = [
  { app: 'user', http: 3001, sidecarHttp: 3501, protocol: 'http' },
  { app: 'product', http: 3002, sidecarHttp: 3502, protocol: 'grpc' },
  { app: 'inventory', http: 3003, sidecarHttp: 3503, protocol: 'grpc' },
  { app: 'product-query', http: 3004, sidecarHttp: 3504, protocol: 'http' },
  { app: 'order', http: 3005, sidecarHttp: 3505, protocol: 'http' },
];
