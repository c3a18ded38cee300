/** At most this many notices at once: in a long session the oldest finished ones make way, not the page. */
export const MAX_NOTICES = 5;

/** Drops the oldest notices (last in the list) beyond the limit, never one still in progress: its updates are to come. */
export function capNotices<T extends { loading?: boolean | undefined }>(newestFirst: T[]): T[] {
  const kept = [...newestFirst];
  for (let i = kept.length - 1; i >= 0 && kept.length > MAX_NOTICES; i--) if (!kept[i]!.loading) kept.splice(i, 1);
  return kept;
}
