import type { PaginationProps } from '@cloudscape-design/components/pagination';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
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

/**
 * Shows a keyset-paginated list (`useInfiniteQuery` over `{ items, nextCursor }` pages) one server page at a time:
 * "next" past the last loaded page fetches the following one. `resetKey` (the filters) goes back to page 1.
 */
export function useKeysetPages<T>(query: UseInfiniteQueryResult<InfiniteData<Page<T>>>, resetKey: string): KeysetPages<T> {
  const [pageIndex, setPageIndex] = useState(1);
  useEffect(() => setPageIndex(1), [resetKey]);
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
      onChange: ({ detail }) => setPageIndex(detail.currentPageIndex),
      onNextPageClick: ({ detail }) => {
        if (!detail.requestedPageAvailable && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
      },
    },
  };
}
