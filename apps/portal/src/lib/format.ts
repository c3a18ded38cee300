const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDateTime = (d: Date | string | null | undefined) => (d ? dateTime.format(new Date(d)) : '—');

/** Sizes as people read them: MB up to a GB, then GB with one decimal. */
export function formatMb(mb: number): string {
  if (mb >= 1024) return `${(mb / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} GB`;
  return `${mb.toLocaleString(undefined, { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}
