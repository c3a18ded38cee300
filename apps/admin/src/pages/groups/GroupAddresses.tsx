import Alert from '@cloudscape-design/components/alert';
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_ALIASES_PER_ENTITY, type EntityAddress } from '@mailyard/core/addresses';
import { canChangeGroupAddresses, type GroupDetail } from '@mailyard/core/groups';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { formatDateTimeShort } from '../../lib/format.ts';
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
  const aliasCount = (addresses.data ?? []).filter((a) => !a.isPrimary).length;
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
      <Table
        trackBy="address"
        variant="borderless"
        items={addresses.data ?? []}
        loading={addresses.isPending}
        loadingText="Loading addresses"
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{ selectionGroupLabel: 'Address selection', itemSelectionLabel: (_, a) => `Select ${a.address}` }}
        header={
          <Header
            counter={addresses.data ? `(${addresses.data.length})` : undefined}
            description={`Mail to any of these addresses reaches every member. The primary address is the one the group sends from. At most ${MAX_ALIASES_PER_ENTITY} aliases.`}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={!alias} disabledReason="Select an alias to remove it." onClick={() => setDialog('remove')}>
                  Remove alias
                </Button>
                <Button
                  disabled={!alias || Boolean(refusal)}
                  disabledReason={refusal?.message ?? 'Select an alias to make it the primary address.'}
                  loading={setPrimary.isPending}
                  onClick={() => alias && setPrimary.mutate({ ...ref, address: alias.address })}
                >
                  Set as primary
                </Button>
                <Button
                  variant="primary"
                  disabled={Boolean(refusal) || aliasCount >= MAX_ALIASES_PER_ENTITY}
                  disabledReason={refusal?.message ?? `This group already has ${MAX_ALIASES_PER_ENTITY} aliases.`}
                  onClick={() => setDialog('add')}
                >
                  Add alias
                </Button>
              </SpaceBetween>
            }
          >
            Email addresses
          </Header>
        }
        columnDefinitions={[
          { id: 'address', header: 'Email address', isRowHeader: true, cell: (a) => a.address },
          { id: 'type', header: 'Type', cell: (a) => (a.isPrimary ? <Badge color="blue">Primary</Badge> : 'Alias') },
          { id: 'added', header: 'Added', cell: (a) => formatDateTimeShort(a.createdAt) },
        ]}
        empty={<TableEmptyState title="No addresses" subtitle="The group gets its primary address when it is enabled." />}
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
