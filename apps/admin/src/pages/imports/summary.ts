import { isImportApplied, type ImportSummary } from '@mailyard/core/imports';

/** One line for lists and notices: what the dry run found, or what applying did. */
export function countsText(summary: Pick<ImportSummary, 'state' | 'counts'>): string {
  const c = summary.counts;
  if (!isImportApplied(summary)) return `${c.valid} to create, ${c.exists} already exist, ${c.invalid} with problems`;
  return `${c.created} created, ${c.skipped} skipped, ${c.failed} failed${c.invalid ? `, ${c.invalid} not imported (problems)` : ''}`;
}
