// recorded_returns: one row per return whose goods came back.
import type { Transaction } from '@pos/platform';
import type { RecordedReturn } from '../domain/recorded-return.ts';

/** The row is the return's lock: a concurrent RecordReturn of the same return waits on the key
 * here, then finds it taken. Returns false when the return was recorded already. */
export async function insertRecordedReturn(tx: Transaction, recorded: RecordedReturn): Promise<boolean> {
  const { rowCount } = await tx.query(
    'INSERT INTO recorded_returns (return_id, order_id, lines, receipt_number) VALUES ($1, $2, $3, $4) ON CONFLICT (return_id) DO NOTHING',
    [recorded.returnId, recorded.orderId, JSON.stringify(recorded.lines), recorded.receiptNumber]);
  return rowCount === 1;
}

export async function findRecordedReturn(tx: Transaction, returnId: string): Promise<RecordedReturn | undefined> {
  const { rows } = await tx.query<RecordedReturn>(
    'SELECT return_id AS "returnId", order_id AS "orderId", lines, receipt_number AS "receiptNumber" FROM recorded_returns WHERE return_id = $1', [returnId]);
  return rows[0];
}
