// A discount as a request gives it: a whole percent (0–100) or an amount of Rupiah; a reason
// makes it a price override (domain/discounts.ts).
import { z } from '@pos/platform';

const reason = z.string().trim().min(1).max(200).optional();
export const discountBody = z.union([
  z.object({ percent: z.number().int().min(0).max(100), reason }).strict(),
  z.object({ amount: z.number().int().min(0).max(1_000_000_000_000), reason }).strict(),
]);
