import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { importOutcomeLabels, importRowStatusLabels, type ImportOutcome, type ImportReportRow, type ImportRowStatus } from '@mailyard/core/imports';

const byStatus: Record<ImportRowStatus, StatusIndicatorProps.Type> = { valid: 'success', exists: 'info', invalid: 'error' };
const byOutcome: Record<ImportOutcome, StatusIndicatorProps.Type> = { created: 'success', skipped: 'info', failed: 'error' };

/**
 * What happened to a row: its outcome once applied; while the import runs, "Waiting" for a row not reached yet; in the
 * dry run, whether it will be created, skipped (it exists) or has problems.
 */
export function RowResult({ row, applying }: { row: ImportReportRow; applying: boolean }) {
  if (row.outcome) return <StatusIndicator type={byOutcome[row.outcome]}>{importOutcomeLabels[row.outcome]}</StatusIndicator>;
  if (applying && row.status !== 'invalid') return <StatusIndicator type="pending">Waiting</StatusIndicator>;
  return <StatusIndicator type={byStatus[row.status]}>{importRowStatusLabels[row.status]}</StatusIndicator>;
}
