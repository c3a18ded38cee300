import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Table from '@cloudscape-design/components/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import { entityStates } from '@mailyard/core/entities';
import { resourceSortColumns, type ResourceSort, type ResourceSummary } from '@mailyard/core/resources';
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
import { CreateResourceModal } from './CreateResourceModal.tsx';
import { resourceTypeText } from './type.ts';

const PAGE_SIZE = 50;

/** An organization's rooms and equipment: search, state filter, sort (the view in the URL), and Create resource. */
export function ResourcesPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { crumbs } = useOrganizationCrumbs(organizationId);
  const base = `/organizations/${organizationId}/resources`;
  usePage('Resources', [...crumbs, { text: 'Resources', href: href(base) }]);
  const trpc = useTRPC();
  const onFollow = useFollow();
  const view = useListUrlState(resourceSortColumns, entityStates);
  const [creating, setCreating] = useState(false);

  const list = useQuery(trpc.resources.list.queryOptions({ organizationId, limit: PAGE_SIZE, ...view.input }, { placeholderData: keepPreviousData }));
  const total = useQuery(trpc.resources.count.queryOptions({ organizationId, ...view.filters }, { placeholderData: keepPreviousData }));

  const columns: ListColumn<ResourceSummary, ResourceSort>[] = [
    {
      id: 'name',
      sort: 'name',
      header: 'Resource name',
      isRowHeader: true,
      cell: (r) => (
        <Link href={href(`${base}/${r.id}`)} onFollow={onFollow}>
          <TruncatedText text={r.name} focusable={false} />
        </Link>
      ),
    },
    { id: 'type', sort: 'type', header: 'Type', cell: (r) => resourceTypeText[r.type] },
    { id: 'email', sort: 'email', header: 'Email address', cell: (r) => (r.email ? <TruncatedText text={r.email} /> : '-') },
    { id: 'state', sort: 'state', header: 'State', cell: (r) => <EntityStatus state={r.state} /> },
    { id: 'createdAt', sort: 'createdAt', header: 'Created', cell: (r) => formatDateTimeShort(r.createdAt) },
    { id: 'description', header: 'Description', cell: (r) => (r.description ? <TruncatedText text={r.description} /> : '-') },
  ];
  const table = useListTable(view, list, total, columns);

  const createButton = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      Create resource
    </Button>
  );

  if (list.isError && !list.data) {
    return <ErrorAlert header="Resources could not be loaded" error={list.error} onRetry={() => void list.refetch()} />;
  }

  return (
    <>
      <Table
        variant="full-page"
        stickyHeader
        trackBy="id"
        {...table.table}
        loadingText="Loading resources"
        header={
          <ListHeader title="Resources" noun="resources" counter={table.counter(0)} description="Rooms and equipment that people book by inviting their address to a meeting." refresh={table.refresh}>
            {createButton}
          </ListHeader>
        }
        filter={
          <ListFilters
            view={view}
            states={entityStateOptions}
            noun="resources"
            placeholder="Find resources by name or email"
            searchLabel="Find resources by any part of their name or email address"
            matches={table.matches}
          />
        }
        pagination={<Pagination {...table.pagination} />}
        empty={
          <ListEmptyState
            view={view}
            singular="resource"
            none={<TableEmptyState title="No resources" subtitle="Create a room or a piece of equipment to let people book it." action={createButton} />}
          />
        }
      />
      {creating && <CreateResourceModal organizationId={organizationId} onDismiss={() => setCreating(false)} />}
    </>
  );
}
