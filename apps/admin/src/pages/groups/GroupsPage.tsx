import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import type { EntityState } from '@mailyard/core/entities';
import { canEditGroup, groupActionTargets, type GroupSummary } from '@mailyard/core/groups';
import { EntityStatus } from '../../components/EntityStatus.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { useDebounced } from '../../lib/debounce.ts';
import { formatDateTimeShort } from '../../lib/format.ts';
import { useKeysetPages } from '../../lib/keyset-pages.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DeleteGroupsModal } from './DeleteGroupsModal.tsx';
import { DisableGroupsModal } from './DisableGroupsModal.tsx';
import { EnableGroupsModal } from './EnableGroupsModal.tsx';

const PAGE_SIZE = 50;

const stateOptions: SelectProps.Option[] = [
  { value: '', label: 'Enabled and disabled' },
  { value: 'ENABLED', label: 'Enabled' },
  { value: 'DISABLED', label: 'Disabled' },
  { value: 'DELETED', label: 'Deleted' },
];

type Dialog = 'enable' | 'disable' | 'delete' | null;

/** An organization's groups: search, state filter, and bulk Enable, Disable and Delete. */
export function GroupsPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { crumbs } = useOrganizationCrumbs(organizationId);
  const base = `/organizations/${organizationId}/groups`;
  usePage('Groups', [...crumbs, { text: 'Groups', href: href(base) }]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onFollow = useFollow();
  const [filteringText, setFilteringText] = useState('');
  const search = useDebounced(filteringText.trim());
  const [stateOption, setStateOption] = useState<SelectProps.Option>(stateOptions[0]!);
  const state = (stateOption.value || undefined) as EntityState | undefined;
  const [selected, setSelected] = useState<GroupSummary[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);

  const list = useInfiniteQuery(
    trpc.groups.list.infiniteQueryOptions(
      { organizationId, limit: PAGE_SIZE, search, state },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const pages = useKeysetPages(list, JSON.stringify([search, state]));
  const filtered = Boolean(search || state);

  const afterChange = (changed: GroupSummary[]) => {
    setDialog(null);
    setSelected((all) => all.filter((g) => !changed.some((c) => c.id === g.id)));
    void queryClient.invalidateQueries(trpc.groups.pathFilter());
    void queryClient.invalidateQueries(trpc.activity.pathFilter());
  };

  const columns: TableProps.ColumnDefinition<GroupSummary>[] = [
    {
      id: 'name',
      header: 'Group name',
      isRowHeader: true,
      cell: (g) => (
        <Link href={href(`${base}/${g.id}`)} onFollow={onFollow}>
          {g.name}
        </Link>
      ),
    },
    { id: 'email', header: 'Email address', cell: (g) => g.email ?? '-' },
    { id: 'state', header: 'State', cell: (g) => <EntityStatus state={g.state} /> },
    { id: 'enabled', header: 'Enabled on', cell: (g) => formatDateTimeShort(g.enabledAt) },
    { id: 'disabled', header: 'Disabled on', cell: (g) => formatDateTimeShort(g.disabledAt) },
  ];

  const createButton = (
    <Button variant="primary" href={href(`${base}/create`)} onFollow={onFollow}>
      Create group
    </Button>
  );
  const clearFilters = () => {
    setFilteringText('');
    setStateOption(stateOptions[0]!);
  };

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
        items={pages.items}
        columnDefinitions={columns}
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        isItemDisabled={(g) => canEditGroup(g) !== null}
        ariaLabels={{
          selectionGroupLabel: 'Group selection',
          allItemsSelectionLabel: () => 'Select all groups on this page',
          itemSelectionLabel: (_, g) => `Select group ${g.name}`,
        }}
        loading={list.isPending || list.isFetchingNextPage}
        loadingText="Loading groups"
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={selected.length > 0 ? `(${selected.length}/${pages.loaded.length}${list.hasNextPage ? '+' : ''})` : pages.counter}
            description="Groups receive mail at their address for all their members, and can be given permissions on mailboxes."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh groups" loading={list.isRefetching && !list.isFetchingNextPage} onClick={() => void list.refetch()} />
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
              </SpaceBetween>
            }
          >
            Groups
          </Header>
        }
        filter={
          <div className="table-filters">
            <div className="table-filters__text">
              <TextFilter
                filteringText={filteringText}
                filteringPlaceholder="Find groups by name or email prefix"
                filteringAriaLabel="Find groups by name or email address prefix"
                countText={filtered && !list.isFetching ? `${pages.loaded.length}${list.hasNextPage ? '+' : ''} ${pages.loaded.length === 1 ? 'match' : 'matches'}` : undefined}
                onChange={({ detail }) => setFilteringText(detail.filteringText)}
              />
            </div>
            <div className="table-filters__select">
              <Select
                selectedOption={stateOption}
                options={stateOptions}
                ariaLabel="Filter groups by state"
                onChange={({ detail }) => setStateOption(detail.selectedOption)}
              />
            </div>
          </div>
        }
        pagination={<Pagination {...pages.pagination} />}
        empty={
          filtered ? (
            <TableEmptyState title="No matches" subtitle="No group matches the filters." action={<Button onClick={clearFilters}>Clear filters</Button>} />
          ) : (
            <TableEmptyState title="No groups" subtitle="Create a group to reach several users at one address." action={createButton} />
          )
        }
      />
      {dialog === 'enable' && <EnableGroupsModal organizationId={organizationId} groups={selected} onDismiss={() => setDialog(null)} onDone={afterChange} />}
      {dialog === 'disable' && <DisableGroupsModal organizationId={organizationId} groups={selected} onDismiss={() => setDialog(null)} onDone={afterChange} />}
      {dialog === 'delete' && <DeleteGroupsModal organizationId={organizationId} groups={selected} onDismiss={() => setDialog(null)} onDone={afterChange} />}
    </>
  );
}
