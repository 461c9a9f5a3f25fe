// One service per process: once it is stopping, /readyz says so, so Dapr and load balancers
// stop sending new work while the requests in flight finish.
let draining = false;

export function startDraining(): void {
  draining = true;
}

export function isDraining(): boolean {
  return draining;
}
