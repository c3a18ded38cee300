import { useEffect } from 'react';
import type { OrganizationState } from '@mailyard/core/organizations';
import { useNotifications } from './notifications.tsx';

export const creationNoticeId = (organizationId: string) => `organization-created-${organizationId}`;

/** Shows "Organization X is being created" after the create request was accepted. */
export function useCreationNotice() {
  const { notify } = useNotifications();
  return (organizationId: string, alias: string) =>
    notify({
      id: creationNoticeId(organizationId),
      type: 'in-progress',
      loading: true,
      content: `Organization ${alias} is being created.`,
    });
}

/** Turns a still-shown creation notice into its outcome once the workflow has finished. */
export function useCreationOutcome(organizations: readonly { id: string; alias: string; state: OrganizationState }[] | undefined) {
  const { items, update } = useNotifications();
  useEffect(() => {
    for (const org of organizations ?? []) {
      const notice = items.find((n) => n.id === creationNoticeId(org.id));
      if (!notice?.loading) continue;
      if (org.state === 'Active') {
        update(notice.id, { type: 'success', loading: false, content: `Organization ${org.alias} was created and is active.` });
      } else if (org.state === 'Failed') {
        update(notice.id, { type: 'error', loading: false, content: `Organization ${org.alias} could not be created.` });
      }
    }
  }, [organizations, items, update]);
}
