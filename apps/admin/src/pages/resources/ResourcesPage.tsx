import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import type { TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import type { ResourceSummary } from '@mailyard/core/resources';
import { EntityStatus } from '../../components/EntityStatus.tsx';
import { KeysetListPage } from '../../components/KeysetListPage.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { TruncatedText } from '../../components/TruncatedText.tsx';
import { useDebounced } from '../../lib/debounce.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { CreateResourceModal } from './CreateResourceModal.tsx';
import { resourceTypeText } from './type.ts';

const PAGE_SIZE = 50;

/** An organization's rooms and equipment: search by name or address, create one. */
export function ResourcesPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { crumbs } = useOrganizationCrumbs(organizationId);
  const base = `/organizations/${organizationId}/resources`;
  usePage('Resources', [...crumbs, { text: 'Resources', href: href(base) }]);
  const trpc = useTRPC();
  const onFollow = useFollow();
  const [filteringText, setFilteringText] = useState('');
  const search = useDebounced(filteringText.trim());
  const [creating, setCreating] = useState(false);

  const list = useInfiniteQuery(
    trpc.resources.list.infiniteQueryOptions(
      { organizationId, limit: PAGE_SIZE, search },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );

  const columns: TableProps.ColumnDefinition<ResourceSummary>[] = [
    {
      id: 'name',
      header: 'Resource name',
      isRowHeader: true,
      cell: (r) => (
        <Link href={href(`${base}/${r.id}`)} onFollow={onFollow}>
          <TruncatedText text={r.name} focusable={false} />
        </Link>
      ),
    },
    { id: 'type', header: 'Type', cell: (r) => resourceTypeText[r.type] },
    { id: 'email', header: 'Email address', cell: (r) => (r.email ? <TruncatedText text={r.email} /> : '-') },
    { id: 'state', header: 'State', cell: (r) => <EntityStatus state={r.state} /> },
    { id: 'description', header: 'Description', cell: (r) => (r.description ? <TruncatedText text={r.description} /> : '-') },
  ];

  const createButton = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      Create resource
    </Button>
  );

  return (
    <>
      <KeysetListPage
        title="Resources"
        noun="resources"
        description="Rooms and equipment that people book by inviting their address to a meeting."
        list={list}
        resetKey={search}
        columns={columns}
        actions={createButton}
        filter={
          <TextFilter
            filteringText={filteringText}
            filteringPlaceholder="Find resources by name or email"
            filteringAriaLabel="Find resources by any part of their name or email address"
            onChange={({ detail }) => setFilteringText(detail.filteringText)}
          />
        }
        empty={
          search ? (
            <TableEmptyState title="No matches" subtitle="No resource matches the search." action={<Button onClick={() => setFilteringText('')}>Clear search</Button>} />
          ) : (
            <TableEmptyState title="No resources" subtitle="Create a room or a piece of equipment to let people book it." action={createButton} />
          )
        }
      />
      {creating && <CreateResourceModal organizationId={organizationId} onDismiss={() => setCreating(false)} />}
    </>
  );
}
