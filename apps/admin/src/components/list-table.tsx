import type { PaginationProps } from '@cloudscape-design/components/pagination';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import type { EntityState } from '@mailyard/core/entities';
import type { Page } from '@mailyard/core/pagination';
import type { ReactNode } from 'react';
import type { ListUrlState } from '../lib/list-url-state.ts';
import { TableEmptyState } from './TableEmptyState.tsx';
import { totalText } from '../lib/format.ts';
import type { TotalQuery } from '../lib/keyset-pages.ts';

/** A column of a server-sorted list; `sort` names the server's sort column it orders by, if any. */
export type ListColumn<T, S extends string> = TableProps.ColumnDefinition<T> & { sort?: S };

/** What the table reads of the page query and the count query (TanStack `useQuery` results). */
interface PageQuery<T> {
  data: Page<T> | undefined;
  isPending: boolean;
  isFetching: boolean;
  isRefetching: boolean;
  isPlaceholderData: boolean;
  refetch: () => Promise<unknown>;
}

export interface ListTableProps<T> {
  items: T[];
  loading: boolean;
  columnDefinitions: TableProps.ColumnDefinition<T>[];
  sortingColumn: TableProps.SortingColumn<T>;
  sortingDescending: boolean;
  onSortingChange: TableProps['onSortingChange'];
}

export interface ListTable<T> {
  /** Spread into Cloudscape's Table: rows, loading, columns with sortable headers (`aria-sort`, keyboard operable). */
  table: ListTableProps<T>;
  /** Spread into Cloudscape's Pagination: the pages up to this one, open-ended while the server has more. */
  pagination: PaginationProps;
  /** The header's counter: "(312)", "(about 120,000)", "(2/312)" with a selection. */
  counter(selected: number): string | undefined;
  /** The search box's count: "12 matches", once the server answered. */
  matches: string | undefined;
  /** Spread into the header's refresh button: fetches the page and the total again. */
  refresh: { loading: boolean; onClick: () => void };
}

/**
 * A server-side list (Users, Groups) shown one keyset page at a time: the page, sort and filters come from the URL
 * (`useListUrlState`), the total from the list's count. Sortable headers change the URL's sort.
 */
export function useListTable<T, S extends string>(
  view: ListUrlState<S>,
  page: PageQuery<T>,
  total: TotalQuery,
  columns: ListColumn<T, S>[],
): ListTable<T> {
  const current = view.trail.length + 1;
  const nextCursor = page.data?.nextCursor ?? null;
  const count = total.data ? totalText(total.data) : undefined;
  const matches = total.data && (view.search || view.state) ? `${count} ${total.data.count === 1 ? 'match' : 'matches'}` : undefined;
  return {
    table: {
      items: page.data?.items ?? [],
      loading: page.isPending || (page.isPlaceholderData && page.isFetching),
      columnDefinitions: columns.map(({ sort, ...column }) => (sort ? { ...column, sortingField: sort } : { ...column, sortingDisabled: true })),
      sortingColumn: { sortingField: view.sort },
      sortingDescending: view.descending,
      onSortingChange: ({ detail }) => {
        const sort = columns.find((c) => c.sort === detail.sortingColumn.sortingField)?.sort;
        if (sort) view.setSort(sort, detail.isDescending ?? false);
      },
    },
    pagination: {
      currentPageIndex: current,
      pagesCount: current,
      openEnd: nextCursor !== null,
      disabled: page.isPending,
      ariaLabels: { nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` },
      onChange: ({ detail }) => view.goToPage(detail.currentPageIndex, nextCursor),
    },
    counter: (selected) => (count === undefined ? undefined : selected > 0 ? `(${selected}/${count})` : `(${count})`),
    matches,
    refresh: { loading: page.isRefetching && !page.isPlaceholderData, onClick: () => void Promise.all([page.refetch(), total.refetch()]) },
  };
}

/** A list page's sticky title: its name and total, what it holds, the refresh button (`table.refresh`), then the page's own actions. */
export function ListHeader(props: { title: string; noun: string; counter: string | undefined; description: string; refresh: ListTable<unknown>['refresh']; children?: ReactNode }) {
  return (
    <Header
      variant="awsui-h1-sticky"
      counter={props.counter}
      description={props.description}
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          <Button iconName="refresh" ariaLabel={`Refresh ${props.noun}`} {...props.refresh} />
          {props.children}
        </SpaceBetween>
      }
    >
      {props.title}
    </Header>
  );
}

/** What a state filter offers: each state's value and its words. */
export type StateOption<St extends string> = { value: St; label: string };

/** The states of users, groups and resources, as the console names them. */
export const entityStateOptions: StateOption<EntityState>[] = [
  { value: 'ENABLED', label: 'Enabled' },
  { value: 'DISABLED', label: 'Disabled' },
  { value: 'DELETED', label: 'Deleted' },
];

/** A list's search box and state filter, bound to its URL state. `noun` is what the list holds ("users"). */
export function ListFilters<S extends string, St extends string>(props: {
  view: ListUrlState<S, St>;
  states: StateOption<St>[];
  noun: string;
  placeholder: string;
  searchLabel: string;
  matches: string | undefined;
}) {
  const { view, noun } = props;
  const all: SelectProps.Option = { value: '', label: 'All states' };
  const options: SelectProps.Option[] = [all, ...props.states];
  return (
    <div className="table-filters">
      <div className="table-filters__text">
        <TextFilter
          filteringText={view.searchText}
          filteringPlaceholder={props.placeholder}
          filteringAriaLabel={props.searchLabel}
          countText={props.matches}
          onChange={({ detail }) => view.setSearchText(detail.filteringText)}
        />
      </div>
      <div className="table-filters__select">
        <Select
          selectedOption={options.find((o) => o.value === (view.state ?? '')) ?? all}
          options={options}
          inlineLabelText="State"
          ariaLabel={`Filter ${noun} by state`}
          onChange={({ detail }) => view.setState(props.states.find((o) => o.value === detail.selectedOption.value)?.value)}
        />
      </div>
    </div>
  );
}

/**
 * A list's empty state: when its search or state filter hides every row, "No matches" with a way to clear them
 * (`singular` names one row: "user"); otherwise `none`, what to say of a list that has nothing yet.
 */
export function ListEmptyState<S extends string, St extends string>(props: { view: ListUrlState<S, St>; singular: string; none: ReactNode }) {
  const { view } = props;
  if (!view.search && !view.state) return props.none;
  return (
    <TableEmptyState
      title="No matches"
      subtitle={`No ${props.singular} matches the search and state filter.`}
      action={<Button onClick={view.clearFilters}>Clear filters</Button>}
    />
  );
}
