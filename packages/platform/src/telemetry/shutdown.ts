// register.ts (loaded with --import) hands over its SDK's shutdown here, so runService can
// flush the spans still batched before it exits: process.exit() skips 'beforeExit'.
let shutdown: () => Promise<void> = async () => undefined;

export function onTelemetryShutdown(flushAndStop: () => Promise<void>): void {
  shutdown = flushAndStop;
}

export function shutdownTelemetry(): Promise<void> {
  return shutdown();
}
