import { ROLES, z } from '@pos/platform';

export const email = z.email().max(254);
export const password = z.string().min(10, 'at least 10 characters').max(256);
export const name = z.string().trim().min(1).max(100);
export const role = z.enum(ROLES);
export const userId = z.object({ id: z.uuid() });

export const user = z.object({
  id: z.uuid(), name: z.string(), email: z.string(), role, active: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
});

export const tokenPair = z.object({
  tokenType: z.literal('Bearer'),
  accessToken: z.string(),
  expiresIn: z.number(),
  refreshToken: z.string(),
  refreshExpiresIn: z.number(),
  user,
});

export const tillCode = z.string().regex(/^[A-Z0-9-]{1,12}$/, '1 to 12 of A-Z, 0-9 and -');
export const till = z.object({
  id: z.uuid(), code: z.string(), outletId: z.string(), name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable(),
});
