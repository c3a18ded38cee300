import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import type { TableProps } from '@cloudscape-design/components/table';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useParams } from 'wouter';
import type { ImportSummary } from '@mailyard/core/imports';
import { followWhile, KeysetListPage } from '../../components/KeysetListPage.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { formatDateTimeShort } from '../../lib/format.ts';
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
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: followWhile<ImportSummary>((i) => i.state === 'applying', POLL_MS) },
    ),
  );
  const total = useQuery(trpc.imports.count.queryOptions({ organizationId }));

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

  return (
    <KeysetListPage
      title="User imports"
      noun="imports"
      total={total}
      description="Create many users at once from a CSV file. Each file is checked first (a dry run); users are created only when you start the import."
      list={list}
      resetKey={organizationId}
      columns={columns}
      actions={importButton}
      table={{ wrapLines: true }}
      empty={<TableEmptyState title="No imports" subtitle="Import a CSV file to create many users at once." action={importButton} />}
    />
  );
}
