// The Inventory gRPC service: parse, one use case, shape the reply.
import type * as grpc from '@grpc/grpc-js';
import { loadService, ValidationError, z, type Pool, type UnaryHandler } from '@pos/platform';
import type { Reservation as DomainReservation } from '../domain/reservation.ts';
import { available } from '../domain/stock.ts';
import { findStock } from '../store/stock.store.ts';
import { reserve } from '../use-cases/reserve.ts';
import { commit, release } from '../use-cases/settle.ts';
import type {
  CommitReply, CommitRequest, GetStockReply, GetStockRequest, ReleaseReply, ReleaseRequest, Reservation, ReserveReply, ReserveRequest,
} from './contract.ts';

export const InventoryService = loadService('pos/inventory/v1/inventory.proto', 'pos.inventory.v1.Inventory');

const orderId = z.string().trim().min(1).max(100);
const reserveRequest = z.object({
  orderId,
  lines: z.array(z.object({ productId: z.string().min(1).max(100), quantity: z.number().int().min(1) })).min(1).max(500),
  ttlSeconds: z.number().int().min(0).max(86_400),
});
const orderRequest = z.object({ orderId });
const stockRequest = z.object({ productIds: z.array(z.string().min(1)).max(1000) });

function parse<T>(schema: z.ZodType<T>, request: unknown): T {
  const parsed = schema.safeParse(request);
  if (!parsed.success) throw new ValidationError('invalid request', parsed.error.issues);
  return parsed.data;
}

/** Who asked, for the ledger: the calling app as its sidecar names it. */
const callerOf = (call: grpc.ServerUnaryCall<unknown, unknown>) => String(call.metadata.get('dapr-caller-app-id')[0] ?? 'direct');

const toReply = (reservation: DomainReservation): Reservation => ({
  orderId: reservation.orderId,
  status: reservation.status,
  lines: reservation.lines,
  expiresAt: reservation.expiresAt.toISOString(),
  releaseReason: reservation.releaseReason ?? '',
});

export function inventoryHandlers(pool: Pool, defaultTtlSeconds: number): Record<string, UnaryHandler> {
  return {
    reserve: async (request: ReserveRequest, call): Promise<ReserveReply> => {
      const command = parse(reserveRequest, request);
      const ttlSeconds = command.ttlSeconds || defaultTtlSeconds;
      return { reservation: toReply(await reserve(pool, { ...command, ttlSeconds, actor: callerOf(call) })) };
    },
    commit: async (request: CommitRequest, call): Promise<CommitReply> =>
      ({ reservation: toReply(await commit(pool, parse(orderRequest, request).orderId, callerOf(call))) }),
    release: async (request: ReleaseRequest, call): Promise<ReleaseReply> =>
      ({ reservation: toReply(await release(pool, parse(orderRequest, request).orderId, callerOf(call))) }),
    getStock: async (request: GetStockRequest): Promise<GetStockReply> => {
      const items = await findStock(pool, parse(stockRequest, request).productIds);
      return { items: items.map((item) => ({ productId: item.productId, onHand: item.onHand, reserved: item.reserved, available: available(item), version: item.version })) };
    },
  };
}
