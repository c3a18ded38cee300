import type { PaginationProps } from '@cloudscape-design/components/pagination';
import { useState } from 'react';
import type { ListTotal, Page } from '@mailyard/core/pagination';
import { totalText } from './format.ts';

export interface KeysetPages<T> {
  /** The rows of the page shown. */
  items: T[];
  /** Every row loaded so far (for counters and look-ups). */
  loaded: T[];
  /** Props for Cloudscape's Pagination: one page per server page, open-ended while the server has more. */
  pagination: PaginationProps;
  /** The list's total as the server counts it (`(312)`, `(about 120,000)`); without one, the rows loaded: `(n)` or `(n+)`. */
  counter: string | undefined;
  /** Spread into the header's refresh button: fetches the loaded pages and the total again. */
  refresh: { loading: boolean; onClick: () => void };
}

/** A list's `count` query, beside its pages. */
export interface TotalQuery {
  data: ListTotal | undefined;
  refetch: () => Promise<unknown>;
}

/** What the hook reads of a `useInfiniteQuery` result (any error type). */
export interface InfinitePages<T> {
  data: { pages: readonly Page<T>[] } | undefined;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isRefetching: boolean;
  fetchNextPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
}

/**
 * Shows a keyset-paginated list (`useInfiniteQuery` over `{ items, nextCursor }` pages) one server page at a time:
 * "next" past the last loaded page fetches the following one. `resetKey` (the filters) goes back to page 1. `total`, the
 * list's count under the same filters, is what the counter says once it has answered.
 */
export function useKeysetPages<T>(query: InfinitePages<T>, resetKey: string, total?: TotalQuery): KeysetPages<T> {
  // The page chosen under the current filters; other filters start again at page 1.
  const [chosen, setChosen] = useState({ key: resetKey, index: 1 });
  const pageIndex = chosen.key === resetKey ? chosen.index : 1;
  const pages = query.data?.pages ?? [];
  const pagesCount = Math.max(1, pages.length);
  const current = Math.min(pageIndex, pagesCount);
  const loaded = pages.flatMap((page) => page.items);
  return {
    items: pages[current - 1]?.items ?? [],
    loaded,
    counter: total?.data ? `(${totalText(total.data)})` : query.isPending ? undefined : `(${loaded.length}${query.hasNextPage ? '+' : ''})`,
    refresh: { loading: query.isRefetching && !query.isFetchingNextPage, onClick: () => void Promise.all([query.refetch(), total?.refetch()]) },
    pagination: {
      currentPageIndex: current,
      pagesCount,
      openEnd: query.hasNextPage,
      disabled: query.isPending,
      onChange: ({ detail }) => setChosen({ key: resetKey, index: detail.currentPageIndex }),
      onNextPageClick: ({ detail }) => {
        if (!detail.requestedPageAvailable && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
      },
    },
  };
}
