import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Toggle from '@cloudscape-design/components/toggle';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { canEditGroup, type GroupDetail } from '@mailyard/core/groups';
import { EntityStatus } from '../../components/EntityStatus.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { errorInfo } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';

/** A group's general settings: identity, address, state, dates, and whether the address book shows it. */
export function GroupGeneral({ organizationId, group }: { organizationId: string; group: GroupDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const setHidden = useMutation(
    trpc.groups.setHidden.mutationOptions({
      onSuccess: async (updated) => {
        notify({
          id: `group-hidden-${group.id}`,
          type: 'success',
          content: updated.hiddenFromGlobalAddressList
            ? `Group ${group.name} is now hidden from the global address list.`
            : `Group ${group.name} is now shown in the global address list.`,
        });
        await queryClient.invalidateQueries(trpc.groups.pathFilter());
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
      },
      onError: (error) => notify({ id: `group-hidden-${group.id}`, type: 'error', content: errorInfo(error).message }),
    }),
  );

  return (
    <Container header={<Header variant="h2">General</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          { label: 'Group name', value: group.name },
          { label: 'Email address', value: group.email ?? 'None: enable the group to give it an address.' },
          { label: 'State', value: <EntityStatus state={group.state} /> },
          {
            label: 'Group ID',
            value: (
              <CopyToClipboard
                variant="inline"
                textToCopy={group.id}
                copyButtonAriaLabel="Copy group ID"
                copySuccessText="Group ID copied"
                copyErrorText="Group ID failed to copy"
              />
            ),
          },
          {
            label: 'Global address list',
            value: (
              <Toggle
                checked={group.hiddenFromGlobalAddressList}
                disabled={canEditGroup(group) !== null || setHidden.isPending}
                onChange={({ detail }) => setHidden.mutate({ organizationId, groupId: group.id, hiddenFromGlobalAddressList: detail.checked })}
              >
                Hidden from the address book
              </Toggle>
            ),
          },
          { label: 'Created', value: formatDateTime(group.createdAt) },
          { label: 'Enabled on', value: formatDateTime(group.enabledAt) },
          { label: 'Disabled on', value: formatDateTime(group.disabledAt) },
        ]}
      />
    </Container>
  );
}
