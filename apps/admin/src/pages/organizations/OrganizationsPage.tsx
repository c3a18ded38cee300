import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { isTransient, type OrganizationSummary } from '@mailyard/core/organizations';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrganizationStatus } from '../../components/OrganizationStatus.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { useCreationOutcome } from '../../lib/creation-notices.ts';
import { formatDateTimeShort } from '../../lib/format.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';

const PAGE_SIZE = 50;
const POLL_MS = 1000;

const matches = (org: OrganizationSummary, text: string) =>
  [org.alias, org.id, org.defaultMailDomain ?? '', org.state].some((value) => value.toLowerCase().includes(text));

export function OrganizationsPage() {
  usePage('Organizations', [
    { text: 'Mailyard', href: href('/organizations') },
    { text: 'Organizations', href: href('/organizations') },
  ]);
  const trpc = useTRPC();
  const onFollow = useFollow();
  const [filteringText, setFilteringText] = useState('');
  const [pageIndex, setPageIndex] = useState(1);

  const list = useInfiniteQuery(
    trpc.organizations.list.infiniteQueryOptions(
      { limit: PAGE_SIZE, includeDeleted: false },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        // While any organization is still moving between states, follow it without a reload.
        refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some((org) => isTransient(org.state))) ? POLL_MS : false),
      },
    ),
  );

  const all = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  useCreationOutcome(all);
  const text = filteringText.trim().toLowerCase();
  const filtered = text ? all.filter((org) => matches(org, text)) : all;
  const pagesCount = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(pageIndex, pagesCount);
  const more = list.hasNextPage ? '+' : '';
  const counter = text ? `(${filtered.length}/${all.length}${more})` : `(${all.length}${more})`;

  const columns: TableProps.ColumnDefinition<OrganizationSummary>[] = [
    {
      id: 'alias',
      header: 'Alias',
      cell: (org) => (
        <Link href={href(`/organizations/${org.id}`)} onFollow={onFollow}>
          {org.alias}
        </Link>
      ),
      isRowHeader: true,
    },
    { id: 'id', header: 'Organization ID', cell: (org) => org.id },
    { id: 'state', header: 'State', cell: (org) => <OrganizationStatus state={org.state} /> },
    { id: 'domain', header: 'Default mail domain', cell: (org) => org.defaultMailDomain ?? '-' },
    { id: 'created', header: 'Created', cell: (org) => formatDateTimeShort(org.createdAt) },
  ];

  const createButton = (
    <Button variant="primary" href={href('/organizations/create')} onFollow={onFollow}>
      Create organization
    </Button>
  );

  if (list.isError && !list.data) {
    return <ErrorAlert header="Organizations could not be loaded" error={list.error} onRetry={() => void list.refetch()} />;
  }

  return (
    <Table
      variant="full-page"
      stickyHeader
      trackBy="id"
      items={filtered.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)}
      columnDefinitions={columns}
      loading={list.isPending || list.isFetchingNextPage}
      loadingText="Loading organizations"
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={list.isPending ? undefined : counter}
          description="An organization is one mail service: its directory of users and groups, its mail domains and its encryption key."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel="Refresh organizations" loading={list.isRefetching && !list.isFetchingNextPage} onClick={() => void list.refetch()} />
              {createButton}
            </SpaceBetween>
          }
        >
          Organizations
        </Header>
      }
      filter={
        <TextFilter
          filteringText={filteringText}
          filteringPlaceholder="Find organizations"
          filteringAriaLabel="Find organizations by alias, ID, domain or state"
          countText={text ? `${filtered.length} ${filtered.length === 1 ? 'match' : 'matches'}` : undefined}
          onChange={({ detail }) => {
            setFilteringText(detail.filteringText);
            setPageIndex(1);
          }}
        />
      }
      pagination={
        <Pagination
          currentPageIndex={current}
          pagesCount={pagesCount}
          openEnd={list.hasNextPage}
          onChange={({ detail }) => setPageIndex(detail.currentPageIndex)}
          onNextPageClick={({ detail }) => {
            if (!detail.requestedPageAvailable && list.hasNextPage) void list.fetchNextPage();
          }}
        />
      }
      empty={
        text ? (
          <TableEmptyState title="No matches" subtitle="No organization matches the filter." action={<Button onClick={() => setFilteringText('')}>Clear filter</Button>} />
        ) : (
          <TableEmptyState title="No organizations" subtitle="Create an organization to add domains, users and groups." action={createButton} />
        )
      }
    />
  );
}
