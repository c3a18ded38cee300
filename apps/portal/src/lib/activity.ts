import { permissionLabels, type PermissionType } from '@mailyard/core/permissions';
import { formatMb } from './format.ts';

interface Change {
  action: string;
  before: unknown;
  after: unknown;
}

const field = (v: unknown, key: string): unknown => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined);
const text = (v: unknown) => (typeof v === 'string' ? v : null);
const grants = (v: unknown) =>
  Array.isArray(field(v, 'permissions')) ? (field(v, 'permissions') as PermissionType[]).map((p) => permissionLabels[p] ?? p).join(', ') : null;

/** What an operator's change to the account means, in the user's words. Unknown actions fall back to their code. */
export function describeChange({ action, before, after }: Change): string {
  switch (action) {
    case 'user.create':
      return 'Your account was created.';
    case 'user.enable':
      return 'Your account was enabled.';
    case 'user.disable':
      return 'Your account was disabled.';
    case 'user.rename':
      return `Your user name was changed to ${text(field(after, 'name')) ?? 'a new name'}.`;
    case 'user.update':
      return `Your details were updated (${Object.keys((after as object) ?? {}).join(', ') || 'no fields'}).`;
    case 'user.password_reset':
      return 'Your password was reset by an administrator.';
    case 'user.password_reset_link_issue':
      return 'An administrator issued a one-time password reset link for you.';
    case 'user.alias_add':
      return `The alias ${text(field(after, 'alias')) ?? ''} was added.`;
    case 'user.alias_remove':
      return `The alias ${text(field(before, 'alias')) ?? ''} was removed.`;
    case 'user.primary_address_set':
      return `Your primary address is now ${text(field(after, 'email')) ?? 'another address'}.`;
    case 'mailbox.update_quota': {
      const quota = field(after, 'quotaMb');
      return typeof quota === 'number' ? `Your mailbox quota was set to ${formatMb(quota)}.` : 'Your mailbox quota was changed.';
    }
    case 'mailbox.quota_warning':
      return 'You were told that your mailbox is almost full.';
    case 'mailbox.permissions.put':
      return `${text(field(field(after, 'grantee'), 'name')) ?? 'Someone'} was given ${grants(after) ?? 'permissions'} on your mailbox.`;
    case 'mailbox.permissions.remove':
      return `${text(field(field(before, 'grantee'), 'name')) ?? 'Someone'} no longer has permissions on your mailbox.`;
    case 'mailbox.permissions.remove_all':
      return 'All permissions on your mailbox were removed.';
    case 'device.remove':
      return 'A mobile device was removed from your account.';
    case 'device.wipe':
      return 'A wipe was requested for one of your mobile devices.';
    case 'device.cancel_wipe':
      return 'A requested wipe of one of your mobile devices was withdrawn.';
    default:
      return action;
  }
}
