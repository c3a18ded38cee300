import Badge from '@cloudscape-design/components/badge';
import { lacksPassword } from '@mailyard/core/users';

/** "No password set" beside the state of a user who cannot sign in yet (created through the WorkMail API). */
export function NoPasswordBadge({ user }: { user: Parameters<typeof lacksPassword>[0] }) {
  return lacksPassword(user) ? <Badge color="severity-medium">No password set</Badge> : null;
}
