// Midtrans' payment notifications: public (Midtrans has no token of ours), trusted only through
// the signature and the status API.
import { defineRoute, type AnyRoute } from '@pos/platform';
import { midtransNotification } from '../domain/midtrans-notification.ts';
import type { OrderDeps } from '../use-cases/deps.ts';
import { handleMidtransNotification } from '../use-cases/midtrans-notifications.ts';

export function midtransRoutes(deps: OrderDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/payments/midtrans/notifications',
      summary: 'Midtrans\' HTTP notification: verified, confirmed with Midtrans\' status API, then applied once (replays are harmless)',
      body: midtransNotification,
      responses: {
        200: { description: 'taken (applied now or before, or nothing final yet): Midtrans stops retrying' },
        400: { description: 'not a Midtrans notification' }, 403: { description: 'signature_key does not match' },
        404: { description: 'no such charge' }, 422: { description: 'gross_amount is not the charge\'s' },
        502: { description: 'Midtrans\' status API failed' }, 503: { description: 'Midtrans is unreachable: retry later' },
      },
      handle: async ({ body }) => ({ body: { status: await handleMidtransNotification(deps, body) } }),
    }),
  ];
}
