import { z } from 'zod';
import { entityId } from '../entities/ids.ts';
import { organizationId } from '../organizations/ids.ts';
import { pageInput } from '../pagination/cursor.ts';
import { permissionTypes, PermissionTypeSchema } from './types.ts';

/** Replaces every permission the grantee had on the mailbox (WorkMail's PutMailboxPermissions). */
export const PutPermissionsInput = z.object({
  organizationId,
  mailboxUserId: entityId,
  granteeId: entityId,
  permissions: z
    .array(PermissionTypeSchema)
    .min(1, 'Choose at least one permission.')
    .refine((p) => new Set(p).size === p.length, 'Each permission may be listed only once.')
    // Kept in the console's order, so a grant reads and compares the same whatever order it was given in.
    .transform((p) => permissionTypes.filter((t) => p.includes(t))),
});
export type PutPermissionsInput = z.infer<typeof PutPermissionsInput>;

/** Remove one grantee's permissions. */
export const RemovePermissionsInput = z.object({ organizationId, mailboxUserId: entityId, granteeId: entityId });
export type RemovePermissionsInput = z.infer<typeof RemovePermissionsInput>;

/** "Remove all", and the list of a mailbox's grantees. */
export const MailboxPermissionsRef = z.object({ organizationId, mailboxUserId: entityId });
export type MailboxPermissionsRef = z.infer<typeof MailboxPermissionsRef>;

export const ListPermissionsInput = z.object({ organizationId, mailboxUserId: entityId, ...pageInput });
export type ListPermissionsInput = z.infer<typeof ListPermissionsInput>;
