// Runs the Midtrans simulator: `node src/main.ts` (scripts/apps.sh starts it beside the apps).
import { createLogger, loadConfig, port, z } from '@pos/platform';
import { createSimulator } from './server.ts';

const config = loadConfig({
  MIDTRANS_SIMULATOR_PORT: port.default(3900),
  MIDTRANS_SERVER_KEY: z.string().min(1),
  MIDTRANS_NOTIFICATION_URL: z.url().optional(),
  MIDTRANS_MERCHANT_ID: z.string().min(1).optional(),
});
const log = createLogger('midtrans-simulator');
const publicUrl = `http://127.0.0.1:${config.MIDTRANS_SIMULATOR_PORT}`;
const server = createSimulator({
  serverKey: config.MIDTRANS_SERVER_KEY,
  notificationUrl: config.MIDTRANS_NOTIFICATION_URL,
  merchantId: config.MIDTRANS_MERCHANT_ID,
  publicUrl,
  log,
});
server.listen(config.MIDTRANS_SIMULATOR_PORT, '127.0.0.1', () => log.info({ publicUrl, notificationUrl: config.MIDTRANS_NOTIFICATION_URL }, 'Midtrans simulator listening'));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => server.close(() => process.exit(0)).closeAllConnections());
