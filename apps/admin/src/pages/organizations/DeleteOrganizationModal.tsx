import Alert from '@cloudscape-design/components/alert';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { blocksOrganizationDeletion } from '@mailyard/core/organizations';
import { errorInfo } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { TypedConfirmDialog } from '../../components/dialogs/TypedConfirmDialog.tsx';

export const deletionNoticeId = (organizationId: string) => `organization-deleting-${organizationId}`;

/**
 * "Delete organization": the operator types the alias; with enabled users (system users aside) WorkMail's
 * ForceDelete must be ticked. The workflow then moves the organization from Deleting to Deleted.
 */
export function DeleteOrganizationModal({ organization, onDismiss }: { organization: { id: string; alias: string }; onDismiss: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const [force, setForce] = useState(false);
  const [failure, setFailure] = useState<{ message: string; needsForce: boolean } | null>(null);
  // Enabled users other than system users: the server refuses without ForceDelete then (it counts them itself).
  const enabled = useQuery(trpc.users.list.queryOptions({ organizationId: organization.id, state: 'ENABLED', limit: 10 }));
  const hasEnabledUsers = (enabled.data?.items ?? []).some(blocksOrganizationDeletion) || failure?.needsForce === true;

  const remove = useMutation(
    trpc.organizations.delete.mutationOptions({
      onSuccess: async () => {
        notify({ id: deletionNoticeId(organization.id), type: 'in-progress', loading: true, content: `Organization ${organization.alias} is being deleted.` });
        await queryClient.invalidateQueries(trpc.organizations.pathFilter());
        onDismiss();
      },
      onError: (error) => {
        const info = errorInfo(error);
        setFailure({ message: info.message, needsForce: info.code === 'ORGANIZATION.HAS_ENABLED_USERS' });
      },
    }),
  );

  return (
    <TypedConfirmDialog
      header={`Delete organization ${organization.alias}?`}
      primaryLabel="Delete"
      pending={remove.isPending}
      lockWhilePending={false}
      blocked={hasEnabledUsers && !force}
      confirmation={{
        word: organization.alias,
        label: `To confirm, type the organization alias "${organization.alias}".`,
        ariaLabel: 'Organization alias to confirm',
        ignoreCase: true,
      }}
      onConfirm={() => remove.mutate({ organizationId: organization.id, forceDelete: force })}
      onClose={onDismiss}
    >
      {failure && <Alert type="error">{failure.message}</Alert>}
      <Alert type="warning" header="This cannot be undone">
        Deleting the organization deletes its users&apos; mailboxes, frees its domains and every address of its users and groups. The
        organization stays listed as Deleted.
      </Alert>
      {hasEnabledUsers && (
        <FormField
          label="Enabled users"
          description="Users of this organization are still enabled. Disable them first, or delete the organization anyway: their mailboxes are deleted with it."
        >
          <Checkbox checked={force} onChange={({ detail }) => setForce(detail.checked)}>
            Delete even though users are enabled (force delete)
          </Checkbox>
        </FormField>
      )}
    </TypedConfirmDialog>
  );
}
