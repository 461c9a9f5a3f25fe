import { randomUUID } from 'node:crypto';
import { addToOutbox, NotFoundError, withTransaction, type Pool } from '@pos/platform';
import { adjustStock, type AdjustmentKind, type StockLevel } from '../domain/stock.ts';
import { lockStock } from '../store/stock.store.ts';
import { changeStock } from './change-stock.ts';

export interface AdjustCommand {
  productId: string;
  kind: AdjustmentKind;
  /** Units received, damaged or lost; for a count, the counted on-hand figure. */
  quantity: number;
  reason: string;
  userId: string;
}

export async function adjust(pool: Pool, command: AdjustCommand): Promise<{ adjustmentId: string; stock: StockLevel }> {
  const adjustmentId = randomUUID();
  return withTransaction(pool, async (tx) => {
    const before = (await lockStock(tx, [command.productId])).get(command.productId);
    if (!before) throw new NotFoundError('INVENTORY.PRODUCT_UNKNOWN', `no product ${command.productId} in inventory`);
    const after = adjustStock(before, command.kind, command.quantity);
    await addToOutbox(tx, await changeStock(tx, [{ before, after, cause: { change: command.kind, adjustmentId, actor: command.userId, reason: command.reason } }]));
    return { adjustmentId, stock: after };
  });
}
