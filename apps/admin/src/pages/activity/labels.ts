/**
 * Words for the audit trail. The action codes are the server's (`group.member.add`); the console shows a phrase
 * and keeps the code beside it, so an operator can filter by it. Unknown codes show as they are.
 */
const actions: Record<string, string> = {
  'organization.create': 'Created organization',
  'organization.delete': 'Deleted organization',
  'organization.alias_policy_update': 'Changed self-service alias policy',
  'organization.start': 'Creation workflow started',
  'organization.provisioned': 'Organization provisioned',
  'organization.fail': 'Organization creation failed',
  'organization.impair': 'Organization impaired',
  'organization.healthy': 'Organization healthy again',
  'organization.release': 'Released the addresses and domains',
  'organization.tag': 'Tagged organization',
  'organization.untag': 'Removed organization tags',
  'access_rule.create': 'Added access control rule',
  'access_rule.update': 'Replaced access control rule',
  'access_rule.delete': 'Deleted access control rule',
  'user_import.validate': 'Checked an import file',
  'user_import.apply': 'Started an import',
  'user_import.complete': 'Import finished',
  'user_import.fail': 'Import failed',
  'migration.plan': 'Planned a migration from WorkMail',
  'migration.apply': 'Started a migration from WorkMail',
  'migration.complete': 'Migration from WorkMail finished',
  'migration.fail': 'Migration from WorkMail failed',
  'mailbox.delete': 'Deleted mailbox',
  'user.create': 'Created user',
  'user.update': 'Edited user details',
  'user.rename': 'Renamed user',
  'user.enable': 'Enabled user',
  'user.disable': 'Disabled user',
  'user.delete': 'Deleted user',
  'user.alias_add': 'Added alias',
  'user.alias_remove': 'Removed alias',
  'user.primary_address_set': 'Set primary address',
  'user.password_reset': 'Reset password',
  'user.password_change': 'Changed own password',
  'user.password_reset_request': 'Asked for a password reset',
  'user.password_reset_link_issue': 'Issued a password reset link',
  'user.recovery_address_set': 'Set recovery address',
  'user.recovery_address_remove': 'Removed recovery address',
  'user.recovery_address_code_send': 'Sent recovery address code',
  'user.sign_in': 'Signed in to the portal',
  'user.sign_out': 'Signed out of the portal',
  'user.sign_out_everywhere': 'Signed out everywhere',
  'group.create': 'Created group',
  'group.rename': 'Renamed group',
  'group.update': 'Edited group',
  'group.enable': 'Enabled group',
  'group.disable': 'Disabled group',
  'group.delete': 'Deleted group',
  'group.member.add': 'Added group member',
  'group.member.remove': 'Removed group member',
  'group.alias_add': 'Added group alias',
  'group.alias_remove': 'Removed group alias',
  'group.primary_address_set': 'Set group primary address',
  'resource.create': 'Created resource',
  'resource.update': 'Edited resource',
  'resource.enable': 'Enabled resource',
  'resource.disable': 'Disabled resource',
  'resource.delete': 'Deleted resource',
  'resource.delegate.add': 'Added resource delegate',
  'resource.delegate.remove': 'Removed resource delegate',
  'mailbox.update_quota': 'Changed mailbox quota',
  'mailbox.permissions.put': 'Granted mailbox permissions',
  'mailbox.permissions.remove': 'Removed mailbox permissions',
  'mailbox.permissions.remove_all': 'Removed all mailbox permissions',
  'mailbox.quota_warning': 'Mailbox passed 90 % of its quota',
  'device.add': 'Mobile device synced for the first time',
  'device.remove': 'Removed mobile device',
  'device.wipe': 'Asked to wipe mobile device',
  'device.cancel_wipe': 'Cancelled mobile device wipe',
  'device.wipe_sent': 'Wipe sent to mobile device',
  'device.wiped': 'Mobile device confirmed the wipe',
  'mobile_access.rule_create': 'Created mobile device access rule',
  'mobile_access.rule_update': 'Edited mobile device access rule',
  'mobile_access.rule_delete': 'Deleted mobile device access rule',
  'mobile_access.override_put': 'Set mobile device access override',
  'mobile_access.override_delete': 'Removed mobile device access override',
  'access_key.create': 'Created access key',
  'access_key.activate': 'Activated access key',
  'access_key.deactivate': 'Deactivated access key',
  'access_key.delete': 'Deleted access key',
  'api_token.create': 'Created API token',
  'api_token.revoke': 'Revoked API token',
  'operator.sign_in': 'Signed in to the console',
  'operator.sign_out': 'Signed out of the console',
  'directory.register': 'Registered directory',
  'directory.deregister': 'Deregistered directory',
  'directory.sync': 'Synchronised directory',
};

export const actionLabel = (action: string) => actions[action] ?? action;

const suggestionsFor = (prefixes: string[]) => [
  ...prefixes.map((prefix) => ({ value: prefix, label: prefix, description: `Every ${prefix.slice(0, -1).replace('_', ' ')} action` })),
  ...Object.entries(actions)
    .filter(([action]) => prefixes.some((prefix) => action.startsWith(prefix)))
    .map(([value, description]) => ({ value, label: value, description })),
];

/** What the action filter offers: each family, then every action the console knows. */
export const organizationActionSuggestions = suggestionsFor(['user.', 'group.', 'resource.', 'mailbox.', 'device.', 'mobile_access.', 'organization.', 'user_import.', 'migration.']);
export const accountActionSuggestions = suggestionsFor(['organization.', 'user.', 'group.', 'resource.', 'mailbox.', 'device.', 'mobile_access.', 'user_import.', 'migration.', 'access_key.', 'api_token.', 'operator.', 'directory.']);

/** Through which credential the actor acted, as it reads after "via". */
export function viaLabel(via: string | null, actorType: string): string {
  if (!via) return actorType === 'system' ? 'background job' : 'unknown';
  if (via === 'session') return 'console';
  if (via.startsWith('api_token:')) return 'API token';
  if (via.startsWith('access_key:')) return `WorkMail API (${via.slice('access_key:'.length)})`;
  return (
    {
      portal: 'self-service portal',
      activesync: 'mobile device sync',
      forgot_password: 'forgot password',
      reset_link: 'password reset link',
      mail_server: 'mail server',
    }[via] ?? via
  );
}

export const actorTypeLabel = (type: string) => ({ operator: 'Operator', user: 'User', system: 'System' })[type] ?? type;

export const targetTypeLabel = (type: string) =>
  ({ user: 'User', group: 'Group', organization: 'Organization', mailbox: 'Mailbox', device: 'Mobile device', mobile_access_rule: 'Mobile device access rule', access_key: 'Access key', api_token: 'API token', operator: 'Operator', user_import: 'Import', migration_run: 'Migration run' })[
    type
  ] ?? type;
