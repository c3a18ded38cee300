import type { PaginationProps } from '@cloudscape-design/components/pagination';
import { useState } from 'react';
import type { Page } from '@mailyard/core/pagination';

export interface KeysetPages<T> {
  /** The rows of the page shown. */
  items: T[];
  /** Every row loaded so far (for counters and look-ups). */
  loaded: T[];
  /** Props for Cloudscape's Pagination: one page per server page, open-ended while the server has more. */
  pagination: PaginationProps;
  /** `(n)` or `(n+)` while more pages exist. */
  counter: string | undefined;
}

/** What the hook reads of a `useInfiniteQuery` result (any error type). */
export interface InfinitePages<T> {
  data: { pages: readonly Page<T>[] } | undefined;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * Shows a keyset-paginated list (`useInfiniteQuery` over `{ items, nextCursor }` pages) one server page at a time:
 * "next" past the last loaded page fetches the following one. `resetKey` (the filters) goes back to page 1.
 */
export function useKeysetPages<T>(query: InfinitePages<T>, resetKey: string): KeysetPages<T> {
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
    counter: query.isPending ? undefined : `(${loaded.length}${query.hasNextPage ? '+' : ''})`,
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
