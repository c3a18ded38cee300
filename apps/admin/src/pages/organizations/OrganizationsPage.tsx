import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Table from '@cloudscape-design/components/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { isTransient, organizationSortColumns, organizationStates, type OrganizationSort, type OrganizationSummary } from '@mailyard/core/organizations';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ListEmptyState, ListFilters, ListHeader, useListTable, type ListColumn, type StateOption } from '../../components/list-table.tsx';
import { OrganizationStatus } from '../../components/OrganizationStatus.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { TruncatedText } from '../../components/TruncatedText.tsx';
import { useCreationOutcome } from '../../lib/creation-notices.ts';
import { formatDateTime, formatDateTimeShort } from '../../lib/format.ts';
import { useListUrlState } from '../../lib/list-url-state.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';

const PAGE_SIZE = 50;
const POLL_MS = 1000;
const stateOptions: StateOption<(typeof organizationStates)[number]>[] = organizationStates.map((state) => ({ value: state, label: state }));

/**
 * The account's organizations, searched, filtered and sorted by the server one keyset page at a time, the view in the
 * URL (as Users and Groups). While one shown is still moving between states, the page follows it without a reload.
 */
export function OrganizationsPage() {
  usePage('Organizations', [
    { text: 'Mailyard', href: href('/organizations') },
    { text: 'Organizations', href: href('/organizations') },
  ]);
  const trpc = useTRPC();
  const onFollow = useFollow();
  const view = useListUrlState(organizationSortColumns, organizationStates);

  const list = useQuery(
    trpc.organizations.list.queryOptions(
      { limit: PAGE_SIZE, ...view.input },
      {
        placeholderData: keepPreviousData,
        refetchInterval: (query) => (query.state.data?.items.some((org) => isTransient(org.state)) ? POLL_MS : false),
      },
    ),
  );
  const total = useQuery(trpc.organizations.count.queryOptions(view.filters, { placeholderData: keepPreviousData }));
  useCreationOutcome(list.data?.items);

  const columns: ListColumn<OrganizationSummary, OrganizationSort>[] = [
    {
      id: 'alias',
      sort: 'alias',
      header: 'Alias',
      isRowHeader: true,
      cell: (org) => (
        <Link href={href(`/organizations/${org.id}`)} onFollow={onFollow}>
          <TruncatedText text={org.alias} focusable={false} />
        </Link>
      ),
    },
    { id: 'id', header: 'Organization ID', cell: (org) => <TruncatedText text={org.id} /> },
    { id: 'state', sort: 'state', header: 'State', cell: (org) => <OrganizationStatus state={org.state} /> },
    { id: 'domain', sort: 'defaultMailDomain', header: 'Default mail domain', cell: (org) => (org.defaultMailDomain ? <TruncatedText text={org.defaultMailDomain} /> : '-') },
    {
      id: 'created',
      sort: 'createdAt',
      header: 'Created',
      cell: (org) => <span title={formatDateTime(org.createdAt)}>{formatDateTimeShort(org.createdAt)}</span>,
    },
  ];
  const table = useListTable(view, list, total, columns);

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
      {...table.table}
      loadingText="Loading organizations"
      header={
        <ListHeader title="Organizations" noun="organizations" counter={table.counter(0)} description="An organization is one mail service: its directory of users and groups, its mail domains and its encryption key." refresh={table.refresh}>
          {createButton}
        </ListHeader>
      }
      filter={
        <ListFilters
          view={view}
          states={stateOptions}
          noun="organizations"
          placeholder="Find organizations by alias, domain or ID"
          searchLabel="Find organizations by any part of their alias, default mail domain or ID"
          matches={table.matches}
        />
      }
      pagination={<Pagination {...table.pagination} />}
      empty={<ListEmptyState view={view} singular="organization" none={<TableEmptyState title="No organizations" subtitle="Create an organization to add domains, users and groups." action={createButton} />} />}
    />
  );
}
