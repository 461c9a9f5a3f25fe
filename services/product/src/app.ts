import { createHttpApp } from '@pos/platform';

export function createApp() {
  return createHttpApp({ service: 'product' });
}
