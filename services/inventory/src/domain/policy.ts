// Who may do what with stock, in one place: the routes ask here.
import type { Role } from '@pos/platform';

/** Cashiers look stock up at the till; managers and admins run the back office. */
export const mayReadStock: readonly Role[] = ['cashier', 'manager', 'admin'];
/** Changing on hand by hand (goods in, counts, damage) is a back-office job. */
export const mayAdjustStock: readonly Role[] = ['manager', 'admin'];
/** The back office's lists of what needs looking at (oversold products). */
export const mayReviewStock: readonly Role[] = ['manager', 'admin'];
