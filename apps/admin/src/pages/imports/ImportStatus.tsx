import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { importStateLabels, type ImportState } from '@mailyard/core/imports';

const indicator: Record<ImportState, StatusIndicatorProps.Type> = {
  validated: 'info',
  applying: 'in-progress',
  done: 'success',
  failed: 'error',
};

/** An import's state: Validated (the dry run, nothing created yet), Importing, Completed or Failed. */
export function ImportStatus({ state }: { state: ImportState }) {
  return <StatusIndicator type={indicator[state]}>{importStateLabels[state]}</StatusIndicator>;
}
