import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SegmentedControl, { type SegmentedControlProps } from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { importColumns, isImportApplied, type ImportReportRow, type ImportRowFilter, type ImportSummary } from '@mailyard/core/imports';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { useKeysetPages } from '../../lib/keyset-pages.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { RowResult } from './RowResult.tsx';

const PAGE_SIZE = 50;

const fieldLabel = (field: string) => (field in importColumns ? importColumns[field as keyof typeof importColumns].label : 'Row');

/** How many rows of the import a filter shows: the summary's exact counts, so the report never says "50+". */
const rowsIn = (summary: ImportSummary, filter: ImportRowFilter) => (filter === 'all' ? summary.totalRows : summary.counts[filter]);

const filterLabels: Record<ImportRowFilter, string> = {
  all: 'All rows',
  invalid: 'Problems',
  valid: 'To create',
  exists: 'Already exist',
  created: 'Created',
  skipped: 'Skipped',
  failed: 'Failed',
};

/** The filters that make sense: the dry run's findings before the import, its outcomes after. */
function filterOptions(summary: ImportSummary): SegmentedControlProps.Option[] {
  const ids: ImportRowFilter[] = isImportApplied(summary) ? ['all', 'created', 'skipped', 'failed', 'invalid'] : ['all', 'invalid', 'valid', 'exists'];
  return ids.map((id) => ({ id, text: `${filterLabels[id]} (${rowsIn(summary, id)})` }));
}

/** What a row's problems, or its outcome's reason, say: one line per problem, naming the column. */
function Details({ row }: { row: ImportReportRow }) {
  if (row.problems.length === 0) return row.outcomeMessage ?? '-';
  return (
    <SpaceBetween size="xxxs">
      {row.problems.map((p, i) => (
        <span key={i}>
          <Box variant="strong" fontSize="body-s">
            {fieldLabel(p.field)}:
          </Box>{' '}
          {p.message}
        </span>
      ))}
    </SpaceBetween>
  );
}

/** The report of an import, row by row in file order, filtered by finding or outcome; followed while it runs. */
export function ImportReportTable({ organizationId, summary }: { organizationId: string; summary: ImportSummary }) {
  const trpc = useTRPC();
  const options = filterOptions(summary);
  const [chosen, setChosen] = useState<ImportRowFilter>('all');
  const filter = options.some((o) => o.id === chosen) ? chosen : 'all';
  const applying = summary.state === 'applying';
  const rows = useInfiniteQuery(
    trpc.imports.rows.infiniteQueryOptions(
      { organizationId, importId: summary.id, filter, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  // The page polls the import while it runs: the rows follow each step of its progress, and its end.
  const queryClient = useQueryClient();
  const step = `${summary.state}:${summary.processedRows}`;
  const shown = useRef(step);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    void queryClient.invalidateQueries(trpc.imports.rows.pathFilter());
  }, [queryClient, trpc, step]);
  const pages = useKeysetPages(rows, filter);

  const columns: TableProps.ColumnDefinition<ImportReportRow>[] = [
    { id: 'line', header: 'Line', cell: (r) => r.line, width: 72 },
    { id: 'name', header: 'User name', cell: (r) => r.name || '-', isRowHeader: true },
    { id: 'displayName', header: 'Display name', cell: (r) => r.displayName || '-' },
    { id: 'email', header: 'Email', cell: (r) => r.email || '-' },
    { id: 'password', header: 'Password', cell: (r) => (r.password === 'set' ? 'Given' : 'None (invite)'), minWidth: 110 },
    { id: 'result', header: 'Result', cell: (r) => <RowResult row={r} applying={applying} />, minWidth: 190 },
    { id: 'details', header: 'Problems and details', cell: (r) => <Details row={r} />, minWidth: 320 },
  ];

  if (rows.isError && !rows.data) return <ErrorAlert header="The report could not be loaded" error={rows.error} onRetry={() => void rows.refetch()} />;
  return (
    <Table
      variant="container"
      wrapLines
      trackBy="line"
      items={pages.items}
      columnDefinitions={columns}
      loading={rows.isPending || rows.isFetchingNextPage || (rows.isPlaceholderData && rows.isFetching)}
      loadingText="Loading the report"
      ariaLabels={{ tableLabel: 'Import report' }}
      header={
        <Header variant="h2" counter={`(${rowsIn(summary, filter).toLocaleString('en-US')})`} description="Every row of the file, in file order. Rows with problems are not imported: fix them in the file and import it again.">
          Report
        </Header>
      }
      filter={<SegmentedControl label="Show rows" selectedId={filter} options={options} onChange={({ detail }) => setChosen(detail.selectedId as ImportRowFilter)} />}
      pagination={<Pagination {...pages.pagination} ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` }} />}
      empty={<TableEmptyState title="No rows" subtitle="No row of the file is in this group." />}
    />
  );
}
