import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { canEditResource, type ResourceDelegateSummary, type ResourceDetail } from '@mailyard/core/resources';
import { EntityStatus } from '../../components/EntityStatus.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddDelegateModal } from './AddDelegateModal.tsx';

/** The users and groups answering a resource's requests: the first 100, add one, remove the selected one. */
export function ResourceDelegates({ organizationId, resource }: { organizationId: string; resource: ResourceDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const ref = { organizationId, resourceId: resource.id };
  const delegates = useQuery(trpc.resources.listDelegates.queryOptions({ ...ref, limit: 100 }));
  const [selected, setSelected] = useState<ResourceDelegateSummary[]>([]);
  const [adding, setAdding] = useState(false);
  const remove = useMutation(
    trpc.resources.removeDelegate.mutationOptions({
      onSuccess: async () => {
        notify({ id: `resource-delegate-${resource.id}`, type: 'success', content: `${selected[0]?.name ?? 'The delegate'} is no longer a delegate of ${resource.name}.` });
        setSelected([]);
        await queryClient.invalidateQueries(trpc.resources.pathFilter());
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
      },
      onError: (error) => notify({ id: `resource-delegate-${resource.id}`, type: 'error', content: errorInfo(error).message }),
    }),
  );
  const editable = canEditResource(resource) === null;
  const chosen = selected[0];
  return (
    <>
      <Table
        trackBy="id"
        items={delegates.data?.items ?? []}
        loading={delegates.isPending}
        loadingText="Loading delegates"
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{ selectionGroupLabel: 'Delegate selection', itemSelectionLabel: (_, d) => `Select delegate ${d.name}`, allItemsSelectionLabel: () => 'Delegates' }}
        columnDefinitions={[
          { id: 'name', header: 'Name', isRowHeader: true, cell: (d) => d.name },
          { id: 'type', header: 'Type', cell: (d) => (d.type === 'USER' ? 'User' : 'Group') },
          { id: 'email', header: 'Email address', cell: (d) => d.email ?? '-' },
          { id: 'state', header: 'State', cell: (d) => <EntityStatus state={d.state} /> },
        ]}
        header={
          <Header
            counter={delegates.data ? `(${delegates.data.items.length})` : undefined}
            description="Users and groups who answer the resource's booking requests."
            actions={
              editable && (
                <SpaceBetween direction="horizontal" size="xs">
                  <Button disabled={!chosen} loading={remove.isPending} onClick={() => chosen && remove.mutate({ ...ref, delegateId: chosen.id, delegateType: chosen.type })}>
                    Remove
                  </Button>
                  <Button onClick={() => setAdding(true)}>Add delegate</Button>
                </SpaceBetween>
              )
            }
          >
            Delegates
          </Header>
        }
        empty={<TableEmptyState title="No delegates" subtitle="The resource answers its requests by itself." />}
      />
      {adding && <AddDelegateModal organizationId={organizationId} resource={resource} onDismiss={() => setAdding(false)} />}
    </>
  );
}
