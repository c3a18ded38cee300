import Badge from '@cloudscape-design/components/badge';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { canEditGroup, type GroupDetail, type GroupMemberSummary } from '@mailyard/core/groups';
import { EntityStatus } from '../../components/EntityStatus.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { useKeysetPages } from '../../lib/keyset-pages.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { AddMemberModal } from './AddMemberModal.tsx';
import { RemoveMembersModal } from './RemoveMembersModal.tsx';

const PAGE_SIZE = 50;

/** The Members tab of a group: its users (and, where the directory allows, groups); add and remove. */
export function GroupMembers({ organizationId, group }: { organizationId: string; group: GroupDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onFollow = useFollow();
  const [selected, setSelected] = useState<GroupMemberSummary[]>([]);
  const [dialog, setDialog] = useState<'add' | 'remove' | null>(null);
  const list = useInfiniteQuery(
    trpc.groups.listMembers.infiniteQueryOptions(
      { organizationId, groupId: group.id, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const total = useQuery(trpc.groups.countMembers.queryOptions({ organizationId, groupId: group.id }));
  const pages = useKeysetPages(list, group.id, total);
  const editable = canEditGroup(group) === null;

  if (list.isError && !list.data) {
    return <ErrorAlert header="The members could not be loaded" error={list.error} onRetry={() => void list.refetch()} />;
  }
  const memberLink = (m: GroupMemberSummary) =>
    m.type === 'GROUP' ? `/organizations/${organizationId}/groups/${m.id}` : `/organizations/${organizationId}/users/${m.id}`;

  return (
    <>
      <Table
        trackBy="id"
        variant="borderless"
        items={pages.items}
        selectionType={editable ? 'multi' : undefined}
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{
          selectionGroupLabel: 'Member selection',
          allItemsSelectionLabel: () => 'Select all members on this page',
          itemSelectionLabel: (_, m) => `Select member ${m.name}`,
        }}
        loading={list.isPending || list.isFetchingNextPage}
        loadingText="Loading members"
        header={
          <Header
            counter={pages.counter}
            description="Mail sent to the group's address reaches each member."
            actions={
              editable && (
                <SpaceBetween direction="horizontal" size="xs">
                  <Button iconName="refresh" ariaLabel="Refresh members" {...pages.refresh} />
                  <Button disabled={selected.length === 0} onClick={() => setDialog('remove')}>
                    Remove
                  </Button>
                  <Button variant="primary" onClick={() => setDialog('add')}>
                    Add member
                  </Button>
                </SpaceBetween>
              )
            }
          >
            Members
          </Header>
        }
        columnDefinitions={[
          {
            id: 'name',
            header: 'Name',
            isRowHeader: true,
            cell: (m) => (
              <Link href={href(memberLink(m))} onFollow={onFollow}>
                {m.name}
              </Link>
            ),
          },
          { id: 'type', header: 'Type', cell: (m) => (m.type === 'GROUP' ? <Badge color="grey">Group</Badge> : 'User') },
          { id: 'email', header: 'Email address', cell: (m) => m.email ?? '-' },
          { id: 'state', header: 'State', cell: (m) => <EntityStatus state={m.state} /> },
        ]}
        pagination={<Pagination {...pages.pagination} />}
        empty={
          <TableEmptyState
            title="No members"
            subtitle="Add users to this group so they receive the mail sent to it."
            action={editable && <Button onClick={() => setDialog('add')}>Add member</Button>}
          />
        }
      />
      {dialog === 'add' && <AddMemberModal organizationId={organizationId} group={group} onDismiss={() => setDialog(null)} />}
      {dialog === 'remove' && (
        <RemoveMembersModal
          organizationId={organizationId}
          group={group}
          members={selected}
          onDismiss={() => setDialog(null)}
          onDone={(removed) => {
            setDialog(null);
            setSelected((all) => all.filter((m) => !removed.some((r) => r.id === m.id)));
            void queryClient.invalidateQueries(trpc.groups.listMembers.pathFilter());
            void queryClient.invalidateQueries(trpc.groups.countMembers.pathFilter());
            void queryClient.invalidateQueries(trpc.activity.pathFilter());
          }}
        />
      )}
    </>
  );
}
