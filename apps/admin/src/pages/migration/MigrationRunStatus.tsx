import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { migrationRunStateLabels, type MigrationRunState } from '@mailyard/core/migration';

const indicator: Record<MigrationRunState, StatusIndicatorProps.Type> = {
  planning: 'loading',
  planned: 'info',
  applying: 'in-progress',
  done: 'success',
  failed: 'error',
};

/** A run's state: Planning, Planned (the dry run, nothing changed yet), Migrating, Completed or Failed. */
export function MigrationRunStatus({ state }: { state: MigrationRunState }) {
  return <StatusIndicator type={indicator[state]}>{migrationRunStateLabels[state]}</StatusIndicator>;
}
