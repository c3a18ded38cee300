import { z } from 'zod';

/**
 * A list's sort: one of its sortable columns, ascending unless `descending`. Each column a list accepts has a page
 * index of its own, so every order is a keyset page that stops after the page.
 */
export const sortInput = <const C extends readonly [string, ...string[]]>(columns: C) => ({
  sort: z.enum(columns).optional(),
  descending: z.boolean().default(false),
});

/** How many rows a list (with its filters) holds: counted when that is cheap, otherwise the planner's estimate. */
export interface ListTotal {
  count: number;
  /** `false`: `count` is an estimate (the list is larger than the counted bound); show it as "about". */
  exact: boolean;
}
