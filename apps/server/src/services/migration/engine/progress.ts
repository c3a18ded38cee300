/**
 * How the migration reports how far it got: a bar in the terminal (`cli/migrate/terminal-progress.ts`), the run's
 * progress in the console (`services/migration/run-job.ts`).
 */
export interface Progress {
  start(label: string, total: number): void;
  tick(done: number): void;
  finish(): void;
  note(line: string): void;
}
