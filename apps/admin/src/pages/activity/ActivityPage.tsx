import { useParams } from 'wouter';
import { href } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { ActivityTable } from './ActivityTable.tsx';

/** Everything that happened in an organization: who did what, through which credential, before and after. */
export function ActivityPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { crumbs } = useOrganizationCrumbs(organizationId);
  usePage('Activity', [...crumbs, { text: 'Activity', href: href(`/organizations/${organizationId}/activity`) }]);
  return (
    <ActivityTable
      organizationId={organizationId}
      description="Every change to this organization's users, groups, mailboxes and devices: who made it, when, through which credential, and what changed."
    />
  );
}
