// Who may do what with the catalogue: the one place routes and use cases ask.
import { ROLES, type Role } from '@pos/platform';

/** Managers and admins change the catalogue. */
export const catalogueWriters = ['admin', 'manager'] as const satisfies readonly Role[];
/** Every role reads it (the tills look products up). */
export const catalogueReaders = ROLES;

export const mayWriteCatalogue = (role: Role): boolean => (catalogueWriters as readonly Role[]).includes(role);
