import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Table from '@cloudscape-design/components/table';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import { entityStates } from '@mailyard/core/entities';
import { canEditGroup, groupActionTargets, groupSortColumns, type GroupSort, type GroupSummary } from '@mailyard/core/groups';
import { EntityStatus } from '../../components/EntityStatus.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { entityStateOptions, ListEmptyState, ListFilters, ListHeader, useListTable, type ListColumn } from '../../components/list-table.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { TruncatedText } from '../../components/TruncatedText.tsx';
import { formatDateTimeShort } from '../../lib/format.ts';
import { useListUrlState } from '../../lib/list-url-state.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DeleteGroupsModal } from './DeleteGroupsModal.tsx';
import { DisableGroupsModal } from './DisableGroupsModal.tsx';
import { EnableGroupsModal } from './EnableGroupsModal.tsx';

const PAGE_SIZE = 50;

type Dialog = 'enable' | 'disable' | 'delete' | null;

/** An organization's groups: search, state filter, sort (the view in the URL), and bulk Enable, Disable and Delete. */
export function GroupsPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { crumbs } = useOrganizationCrumbs(organizationId);
  const base = `/organizations/${organizationId}/groups`;
  usePage('Groups', [...crumbs, { text: 'Groups', href: href(base) }]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onFollow = useFollow();
  const view = useListUrlState(groupSortColumns, entityStates);
  const [selection, setSelection] = useState<{ view: string; groups: GroupSummary[] }>({ view: '', groups: [] });
  const selected = selection.view === view.viewKey ? selection.groups : [];
  const [dialog, setDialog] = useState<Dialog>(null);

  const list = useQuery(trpc.groups.list.queryOptions({ organizationId, limit: PAGE_SIZE, ...view.input }, { placeholderData: keepPreviousData }));
  const total = useQuery(trpc.groups.count.queryOptions({ organizationId, ...view.filters }, { placeholderData: keepPreviousData }));

  const afterChange = (changed: GroupSummary[]) => {
    setDialog(null);
    setSelection({ view: view.viewKey, groups: selected.filter((g) => !changed.some((c) => c.id === g.id)) });
    void queryClient.invalidateQueries(trpc.groups.pathFilter());
    void queryClient.invalidateQueries(trpc.activity.pathFilter());
  };

  const columns: ListColumn<GroupSummary, GroupSort>[] = [
    {
      id: 'name',
      sort: 'name',
      header: 'Group name',
      isRowHeader: true,
      cell: (g) => (
        <Link href={href(`${base}/${g.id}`)} onFollow={onFollow}>
          <TruncatedText text={g.name} focusable={false} />
        </Link>
      ),
    },
    { id: 'email', sort: 'email', header: 'Email address', cell: (g) => (g.email ? <TruncatedText text={g.email} /> : '-') },
    { id: 'state', sort: 'state', header: 'State', cell: (g) => <EntityStatus state={g.state} /> },
    { id: 'createdAt', sort: 'createdAt', header: 'Created', cell: (g) => formatDateTimeShort(g.createdAt) },
    { id: 'enabled', header: 'Enabled on', cell: (g) => formatDateTimeShort(g.enabledAt) },
    { id: 'disabled', header: 'Disabled on', cell: (g) => formatDateTimeShort(g.disabledAt) },
  ];
  const table = useListTable(view, list, total, columns);

  const createButton = (
    <Button variant="primary" href={href(`${base}/create`)} onFollow={onFollow}>
      Create group
    </Button>
  );

  if (list.isError && !list.data) {
    return <ErrorAlert header="Groups could not be loaded" error={list.error} onRetry={() => void list.refetch()} />;
  }

  const targets = groupActionTargets(selected);
  return (
    <>
      <Table
        variant="full-page"
        stickyHeader
        trackBy="id"
        {...table.table}
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelection({ view: view.viewKey, groups: detail.selectedItems })}
        isItemDisabled={(g) => canEditGroup(g) !== null}
        ariaLabels={{
          selectionGroupLabel: 'Group selection',
          allItemsSelectionLabel: () => 'Select all groups on this page',
          itemSelectionLabel: (_, g) => `Select group ${g.name}`,
        }}
        loadingText="Loading groups"
        header={
          <ListHeader title="Groups" noun="groups" counter={table.counter(selected.length)} description="Groups receive mail at their address for all their members, and can be given permissions on mailboxes." refresh={table.refresh}>
            <Button disabled={targets.delete.length === 0} onClick={() => setDialog('delete')}>
              Delete
            </Button>
            <Button disabled={targets.disable.length === 0} onClick={() => setDialog('disable')}>
              Disable
            </Button>
            <Button disabled={targets.enable.length === 0} onClick={() => setDialog('enable')}>
              Enable
            </Button>
            {createButton}
          </ListHeader>
        }
        filter={
          <ListFilters
            view={view}
            states={entityStateOptions}
            noun="groups"
            placeholder="Find groups by name, email or alias"
            searchLabel="Find groups by any part of their name, email address or alias"
            matches={table.matches}
          />
        }
        pagination={<Pagination {...table.pagination} />}
        empty={<ListEmptyState view={view} singular="group" none={<TableEmptyState title="No groups" subtitle="Create a group to reach several users at one address." action={createButton} />} />}
      />
      {dialog === 'enable' && <EnableGroupsModal organizationId={organizationId} groups={selected} onDismiss={() => setDialog(null)} onDone={afterChange} />}
      {dialog === 'disable' && <DisableGroupsModal organizationId={organizationId} groups={selected} onDismiss={() => setDialog(null)} onDone={afterChange} />}
      {dialog === 'delete' && <DeleteGroupsModal organizationId={organizationId} groups={selected} onDismiss={() => setDialog(null)} onDone={afterChange} />}
    </>
  );
}
