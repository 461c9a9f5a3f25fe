// The Inventory gRPC service: parse, one use case, shape the reply.
import type * as grpc from '@grpc/grpc-js';
import { loadService, z, type Pool, type UnaryMethods } from '@pos/platform';
import type { Reservation as DomainReservation } from '../domain/reservation.ts';
import { available, type StockLevel } from '../domain/stock.ts';
import { stockAfter } from '../store/stock-list.store.ts';
import { findStock } from '../store/stock.store.ts';
import { recordReturn } from '../use-cases/record-return.ts';
import { recordSale } from '../use-cases/record-sale.ts';
import { reserve } from '../use-cases/reserve.ts';
import { commit, release } from '../use-cases/settle.ts';
import type { InventoryDefinition, Reservation } from './contract.ts';

export const InventoryService = loadService<InventoryDefinition>('pos/inventory/v1/inventory.proto', 'pos.inventory.v1.Inventory');

const orderId = z.string().trim().min(1).max(100);
const stockLines = z.array(z.object({ productId: z.string().min(1).max(100), quantity: z.number().int().min(1) })).min(1).max(500);
const reserveRequest = z.object({
  orderId,
  lines: stockLines,
  ttlSeconds: z.number().int().min(0).max(86_400),
});
const orderRequest = z.object({ orderId });
const recordSaleRequest = z.object({
  orderId,
  lines: stockLines,
  receiptNumber: z.string().trim().min(1).max(50),
  soldAt: z.iso.datetime({ offset: true }),
});
const recordReturnRequest = z.object({
  returnId: z.uuid(),
  orderId,
  lines: z.array(z.object({ productId: z.string().min(1).max(100), quantity: z.number().int().min(1), damaged: z.boolean() })).min(1).max(500),
  receiptNumber: z.string().trim().min(1).max(50),
});
const stockRequest = z.object({ productIds: z.array(z.string().min(1)).max(1000) });
const listStockRequest = z.object({ pageSize: z.number().int().min(0).max(500), pageToken: z.string() });

/** Who asked, for the ledger: the calling app as its sidecar names it. */
const callerOf = (call: grpc.ServerUnaryCall<unknown, unknown>) => String(call.metadata.get('dapr-caller-app-id')[0] ?? 'direct');

const toLevel = (item: StockLevel) =>
  ({ productId: item.productId, onHand: item.onHand, reserved: item.reserved, available: available(item), version: item.version });

const toReply = (reservation: DomainReservation): Reservation => ({
  orderId: reservation.orderId,
  status: reservation.status,
  lines: reservation.lines,
  expiresAt: reservation.expiresAt.toISOString(),
  releaseReason: reservation.releaseReason ?? '',
});

/** Each request is validated by the platform against its schema before the handler runs. */
export function inventoryMethods(pool: Pool, defaultTtlSeconds: number): UnaryMethods<InventoryDefinition> {
  return {
    Reserve: {
      request: reserveRequest,
      handle: async (command, call) => {
        const ttlSeconds = command.ttlSeconds || defaultTtlSeconds;
        return { reservation: toReply(await reserve(pool, { ...command, ttlSeconds, actor: callerOf(call) })) };
      },
    },
    Commit: {
      request: orderRequest,
      handle: async ({ orderId }, call) => ({ reservation: toReply(await commit(pool, orderId, callerOf(call))) }),
    },
    Release: {
      request: orderRequest,
      handle: async ({ orderId }, call) => ({ reservation: toReply(await release(pool, orderId, callerOf(call))) }),
    },
    GetStock: {
      request: stockRequest,
      handle: async ({ productIds }) => {
        const items = await findStock(pool, productIds);
        return { items: items.map(toLevel) };
      },
    },
    RecordSale: {
      request: recordSaleRequest,
      handle: async (command, call) => {
        const sale = await recordSale(pool, { ...command, soldAt: new Date(command.soldAt), actor: callerOf(call) });
        return { orderId: sale.orderId, lines: sale.lines, oversoldProductIds: sale.oversold };
      },
    },
    RecordReturn: {
      request: recordReturnRequest,
      handle: async (command, call) => {
        const recorded = await recordReturn(pool, { ...command, actor: callerOf(call) });
        return { returnId: recorded.returnId, lines: recorded.lines };
      },
    },
    ListStock: {
      request: listStockRequest,
      handle: async (request) => {
        const pageSize = request.pageSize === 0 ? 100 : request.pageSize;
        const items = await stockAfter(pool, request.pageToken, pageSize);
        const last = items.at(-1);
        return { items: items.map(toLevel), nextPageToken: items.length === pageSize && last ? last.productId : '' };
      },
    },
  };
}
