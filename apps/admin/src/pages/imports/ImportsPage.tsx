import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useParams } from 'wouter';
import type { ImportSummary } from '@mailyard/core/imports';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { formatDateTimeShort } from '../../lib/format.ts';
import { useKeysetPages } from '../../lib/keyset-pages.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { ImportStatus } from './ImportStatus.tsx';
import { importPath, importsPath, newImportPath } from './paths.ts';
import { countsText } from './summary.ts';

const PAGE_SIZE = 50;
const POLL_MS = 2000;

/** The organization's CSV imports of users, newest first; an import still running is followed until it ends. */
export function ImportsPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { crumbs } = useOrganizationCrumbs(organizationId);
  usePage('User imports', [...crumbs, { text: 'User imports', href: href(importsPath(organizationId)) }]);
  const trpc = useTRPC();
  const onFollow = useFollow();
  const list = useInfiniteQuery(
    trpc.imports.list.infiniteQueryOptions(
      { organizationId, limit: PAGE_SIZE },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((i) => i.state === 'applying')) ? POLL_MS : false),
      },
    ),
  );
  const pages = useKeysetPages(list, organizationId);

  const columns: TableProps.ColumnDefinition<ImportSummary>[] = [
    {
      id: 'file',
      header: 'File',
      isRowHeader: true,
      cell: (i) => (
        <Link href={href(importPath(organizationId, i.id))} onFollow={onFollow}>
          {i.fileName}
        </Link>
      ),
    },
    { id: 'state', header: 'Status', cell: (i) => <ImportStatus state={i.state} /> },
    { id: 'rows', header: 'Rows', cell: (i) => i.totalRows },
    { id: 'result', header: 'Result', cell: (i) => countsText(i) },
    { id: 'by', header: 'Uploaded by', cell: (i) => i.createdBy },
    { id: 'at', header: 'Uploaded', cell: (i) => formatDateTimeShort(i.createdAt) },
  ];
  const importButton = (
    <Button variant="primary" href={href(newImportPath(organizationId))} onFollow={onFollow}>
      Import users
    </Button>
  );

  if (list.isError && !list.data) return <ErrorAlert header="Imports could not be loaded" error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table
      variant="full-page"
      stickyHeader
      wrapLines
      trackBy="id"
      items={pages.items}
      columnDefinitions={columns}
      loading={list.isPending || list.isFetchingNextPage}
      loadingText="Loading imports"
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={pages.counter}
          description="Create many users at once from a CSV file. Each file is checked first (a dry run); users are created only when you start the import."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel="Refresh imports" loading={list.isRefetching && !list.isFetchingNextPage} onClick={() => void list.refetch()} />
              {importButton}
            </SpaceBetween>
          }
        >
          User imports
        </Header>
      }
      pagination={<Pagination {...pages.pagination} ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` }} />}
      empty={<TableEmptyState title="No imports" subtitle="Import a CSV file to create many users at once." action={importButton} />}
    />
  );
}
