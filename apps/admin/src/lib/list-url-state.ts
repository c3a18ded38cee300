import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'wouter';
import { useDebounced } from './debounce.ts';

/**
 * What a server-side list shows, as its URL says: `?q=` the search text, `state=`, `sort=` and `order=desc`, and
 * `after=` the cursors of the pages before the one shown (comma-separated, oldest first), so a deep link, a reload
 * or Back shows the same page of the same view, and "previous page" needs no server round trip to find its cursor.
 */
export interface ListView<S extends string, St extends string> {
  search: string;
  state: St | undefined;
  sort: S;
  descending: boolean;
  /** The cursors of the pages before the one shown; empty on page 1. */
  trail: string[];
}

export interface ListUrlState<S extends string, St extends string = string> extends ListView<S, St> {
  /** What the search box shows: follows typing at once, reaches the URL (and the server) once typing pauses. */
  searchText: string;
  setSearchText(text: string): void;
  setState(state: St | undefined): void;
  setSort(sort: S, descending: boolean): void;
  /** Page `index` (1-based): an earlier page from the trail, or the next one after `nextCursor`. */
  goToPage(index: number, nextCursor: string | null): void;
  clearFilters(): void;
  /** Changes whenever the rows shown change (filters, sort or page): what a selection belongs to. */
  viewKey: string;
  /** The list input of the page shown (the server's `cursor` is the trail's last). */
  input: { search?: string; state?: St; sort: S; descending: boolean; cursor?: string };
  /** The count input: the filters only. */
  filters: { search?: string; state?: St };
}

const CURSOR_SEPARATOR = ',';

/**
 * The URL state of a list page (Users, Groups). Sort, state and page changes are history entries (Back undoes them);
 * the search text replaces the entry it refines, so Back leaves the search rather than replaying each keystroke.
 * `sorts` are the columns the server sorts on; the first is the default (ascending). `states` are what the state
 * filter offers (the list's own states: users' and groups', or organizations').
 */
export function useListUrlState<S extends string, St extends string>(sorts: readonly [S, ...S[]], states: readonly St[]): ListUrlState<S, St> {
  const [params, setParams] = useSearchParams();
  const view = parseView(params, sorts, states);

  const update = (changes: Record<string, string | undefined>, replace = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        // Any change of filter or sort starts again on page 1; a page change sets `after` itself.
        next.delete('after');
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace },
    );

  const [searchText, setSearchText] = useState(view.search);
  const settled = useDebounced(searchText.trim());
  // The box follows the URL when it changes under it (Back, a link); typing reaches the URL once it pauses.
  const lastUrlSearch = useRef(view.search);
  useEffect(() => {
    if (lastUrlSearch.current === view.search) return;
    lastUrlSearch.current = view.search;
    setSearchText(view.search);
  }, [view.search]);
  useEffect(() => {
    if (settled === lastUrlSearch.current) return;
    lastUrlSearch.current = settled;
    update({ q: settled }, true);
    // Only a new settled text writes the URL; `update` changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);

  const search = view.search || undefined;
  return {
    ...view,
    searchText,
    setSearchText,
    setState: (state) => update({ state }),
    setSort: (sort, descending) => update({ sort: sort === sorts[0] ? undefined : sort, order: descending ? 'desc' : undefined }),
    goToPage: (index, nextCursor) => {
      const trail = index <= view.trail.length ? view.trail.slice(0, index - 1) : nextCursor ? [...view.trail, nextCursor] : view.trail;
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (trail.length > 0) next.set('after', trail.join(CURSOR_SEPARATOR));
          else next.delete('after');
          return next;
        },
        { replace: false },
      );
    },
    clearFilters: () => {
      setSearchText('');
      lastUrlSearch.current = '';
      update({ q: undefined, state: undefined });
    },
    viewKey: JSON.stringify(view),
    input: { search, state: view.state, sort: view.sort, descending: view.descending, ...(view.trail.length > 0 ? { cursor: view.trail.at(-1) } : {}) },
    filters: { search, state: view.state },
  };
}

/** The view a URL asks for; anything unknown (an old link, a hand-edited value) falls back to the default. */
function parseView<S extends string, St extends string>(params: URLSearchParams, sorts: readonly [S, ...S[]], states: readonly St[]): ListView<S, St> {
  const sort = sorts.find((s) => s === params.get('sort')) ?? sorts[0];
  return {
    search: params.get('q')?.trim() ?? '',
    state: states.find((s) => s === params.get('state')),
    sort,
    descending: params.get('order') === 'desc',
    trail: (params.get('after') ?? '').split(CURSOR_SEPARATOR).filter(Boolean),
  };
}
