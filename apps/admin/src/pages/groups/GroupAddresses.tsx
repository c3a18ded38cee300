import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type EntityAddress } from '@mailyard/core/addresses';
import { canChangeGroupAddresses, type GroupDetail } from '@mailyard/core/groups';
import { AddressesTable } from '../../components/AddressesTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddGroupAliasModal } from './AddGroupAliasModal.tsx';
import { DialogShell } from '../../components/DialogShell.tsx';

/** The Email addresses tab of a group: its primary address and aliases; add, remove, make primary. */
export function GroupAddresses({ organizationId, group }: { organizationId: string; group: GroupDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const [selected, setSelected] = useState<EntityAddress[]>([]);
  const [dialog, setDialog] = useState<'add' | 'remove' | null>(null);
  const addresses = useQuery(trpc.groups.listAddresses.queryOptions({ organizationId, groupId: group.id }));
  const ref = { organizationId, entityId: group.id };
  const refusal = canChangeGroupAddresses(group);
  const alias = selected[0] && !selected[0].isPrimary ? selected[0] : null;
  const changed = async () => {
    setSelected([]);
    setDialog(null);
    await queryClient.invalidateQueries(trpc.groups.pathFilter());
    void queryClient.invalidateQueries(trpc.activity.pathFilter());
  };

  const setPrimary = useMutation(
    trpc.groups.setPrimaryAddress.mutationOptions({
      onSuccess: async (_, input) => {
        notify({ id: `group-alias-${group.id}`, type: 'success', content: `${input.address} is now the primary address of ${group.name}. The previous one is kept as an alias.` });
        await changed();
      },
      onError: (error) => notify({ id: `group-alias-${group.id}`, type: 'error', header: 'The primary address was not changed', content: errorInfo(error).message }),
    }),
  );
  const removeAlias = useMutation(
    trpc.groups.removeAlias.mutationOptions({
      onSuccess: async (_, input) => {
        notify({ id: `group-alias-${group.id}`, type: 'success', content: `The alias ${input.address} was removed from group ${group.name}.` });
        await changed();
      },
    }),
  );

  if (addresses.isError) return <ErrorAlert header="The addresses could not be loaded" error={addresses.error} onRetry={() => void addresses.refetch()} />;

  return (
    <>
      <AddressesTable
        noun="group"
        variant="borderless"
        description="Mail to any of these addresses reaches every member. The primary address is the one the group sends from."
        emptySubtitle="The group gets its primary address when it is enabled."
        items={addresses.data}
        loading={addresses.isPending}
        selected={selected}
        onSelectionChange={setSelected}
        changeRefusal={refusal}
        primaryRefusal={refusal}
        settingPrimary={setPrimary.isPending}
        onSetPrimary={(a) => setPrimary.mutate({ ...ref, address: a.address })}
        onRemove={() => setDialog('remove')}
        onAdd={() => setDialog('add')}
      />
      {dialog === 'add' && <AddGroupAliasModal organizationId={organizationId} group={group} onDismiss={() => setDialog(null)} />}
      {dialog === 'remove' && alias && (
        <DialogShell
          header="Remove alias"
          primaryLabel="Remove"
          pending={removeAlias.isPending}
          lockWhilePending={false}
          onPrimary={() => removeAlias.mutate({ ...ref, address: alias.address })}
          onClose={() => setDialog(null)}
        >
          <SpaceBetween size="m">
            {removeAlias.error && <Alert type="error">{errorInfo(removeAlias.error).message}</Alert>}
            <Box variant="p">
              Remove <b>{alias.address}</b> from {group.name}? Mail sent to it no longer reaches the members, and the address becomes free for
              others to use.
            </Box>
          </SpaceBetween>
        </DialogShell>
      )}
    </>
  );
}
