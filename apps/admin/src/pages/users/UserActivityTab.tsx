import type { UserDetail } from '@mailyard/core/users';
import { ActivityTable } from '../activity/ActivityTable.tsx';

/** The Activity tab: this user's audit events (the organization's Activity table, narrowed to the user). */
export function UserActivityTab({ organizationId, user }: { organizationId: string; user: UserDetail }) {
  return (
    <ActivityTable
      organizationId={organizationId}
      targetId={user.id}
      variant="container"
      description="Every change to this user, its addresses, mailbox, devices and permissions: who made it and when, newest first."
    />
  );
}
