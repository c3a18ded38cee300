import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import type { Page } from '@mailyard/core/pagination';
import { useKeysetPages, type InfinitePages, type TotalQuery } from '../lib/keyset-pages.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/** What the page reads of its `useInfiniteQuery` result, beyond what `useKeysetPages` does. */
export interface KeysetListQuery<T> extends InfinitePages<T> {
  isError: boolean;
  error: unknown;
  isRefetching: boolean;
  refetch: () => Promise<unknown>;
}

/**
 * `refetchInterval` for a list with rows still on their way (an import applying, a notice queued): poll every `ms`
 * while a loaded row is, stop once none is.
 */
export const followWhile =
  <T,>(moving: (item: T) => boolean, ms: number) =>
  (query: { state: { data?: { pages: readonly Page<T>[] } | undefined } }) =>
    query.state.data?.pages.some((page) => page.items.some(moving)) ? ms : false;

export interface KeysetListPageProps<T> {
  /** The page's title, and what its refresh button and loading text name ("Imports"). */
  title: string;
  /** What the rows are, lower case, for the loading text ("imports"). */
  noun: string;
  description: string;
  list: KeysetListQuery<T>;
  /** Changes when the rows asked for change (the search, the organization): back to page 1. */
  resetKey: string;
  columns: TableProps.ColumnDefinition<T>[];
  /** Buttons beside the refresh button (create, revoke…). */
  actions?: ReactNode;
  filter?: ReactNode;
  empty: ReactNode;
  /** What else the table takes: selection, wrapped lines. */
  table?: Partial<TableProps<T>>;
  /** The list's total as the server counts it (its `count` query): the header says "(312)", not the loaded rows' "(50+)". */
  total?: TotalQuery;
}

/**
 * The frame of a console list read one keyset page at a time (Imports, API tokens, Outbox, Migrations): the error in
 * place of the table when nothing could be loaded, a full-page table with its sticky header, the counter of the rows
 * loaded, a refresh button, the pagination that fetches the next page on demand, and the empty state.
 */
export function KeysetListPage<T extends { id: string | number }>(props: KeysetListPageProps<T>) {
  const { list } = props;
  const pages = useKeysetPages(list, props.resetKey, props.total);
  if (list.isError && !list.data) {
    return <ErrorAlert header={`${props.title} could not be loaded`} error={list.error} onRetry={() => void list.refetch()} />;
  }
  return (
    <Table
      variant="full-page"
      stickyHeader
      trackBy="id"
      items={pages.items}
      columnDefinitions={props.columns}
      loading={list.isPending || list.isFetchingNextPage}
      loadingText={`Loading ${props.noun}`}
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={pages.counter}
          description={props.description}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel={`Refresh ${props.noun}`} {...pages.refresh} />
              {props.actions}
            </SpaceBetween>
          }
        >
          {props.title}
        </Header>
      }
      filter={props.filter}
      pagination={
        <Pagination {...pages.pagination} ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` }} />
      }
      empty={props.empty}
      {...props.table}
    />
  );
}
