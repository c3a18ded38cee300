import { z } from 'zod';

/** WorkMail's PermissionType, in the console's order. */
export const permissionTypes = ['FULL_ACCESS', 'SEND_AS', 'SEND_ON_BEHALF'] as const;
export type PermissionType = (typeof permissionTypes)[number];
export const PermissionTypeSchema = z.enum(permissionTypes);

export const permissionLabels: Record<PermissionType, string> = {
  FULL_ACCESS: 'Full access',
  SEND_AS: 'Send as',
  SEND_ON_BEHALF: 'Send on behalf',
};

/** What each permission lets the grantee do (WorkMail model doc), for the edit dialog. */
export const permissionDescriptions: Record<PermissionType, string> = {
  FULL_ACCESS: 'Open the mailbox with full access, whatever its folder permissions.',
  SEND_AS: 'Send mail as the mailbox owner.',
  SEND_ON_BEHALF: 'Send mail on behalf of the mailbox owner.',
};
