/** validated (dry run done) → applying (the job runs) → done, or failed when the job gave up. */
export type ImportState = 'validated' | 'applying' | 'done' | 'failed';

/**
 * What the dry run found: `valid` rows will be created, `exists` rows name a user that already exists with the
 * same name and address (skipped, so a file can be imported again harmlessly), `invalid` rows have problems.
 */
export type ImportRowStatus = 'valid' | 'exists' | 'invalid';

/** What applying did with a row. */
export type ImportOutcome = 'created' | 'skipped' | 'failed';

export interface ImportRowProblem {
  /** The column (`name`, `email`, `password`, …) or `row` for the row as a whole. */
  field: string;
  message: string;
}

/** One data row of the file in the report (its password never appears). */
export interface ImportReportRow {
  /** The line of the file where the row starts; the header is line 1. */
  line: number;
  name: string;
  displayName: string;
  email: string;
  /** `set`: the row gives a password; `none`: empty or "invite", the user is created without one. */
  password: 'set' | 'none';
  status: ImportRowStatus;
  problems: ImportRowProblem[];
  outcome: ImportOutcome | null;
  /** Why a row was skipped or failed when applied. */
  outcomeMessage: string | null;
  userId: string | null;
}

export interface ImportCounts {
  valid: number;
  exists: number;
  invalid: number;
  created: number;
  skipped: number;
  failed: number;
}

export interface ImportSummary {
  id: string;
  fileName: string;
  state: ImportState;
  totalRows: number;
  /** Rows without problems (`valid` + `exists`): what applying goes through, the progress total. */
  validRows: number;
  processedRows: number;
  counts: ImportCounts;
  /** Why the job gave up, for a failed import. */
  error: string | null;
  createdBy: string;
  createdAt: Date;
  finishedAt: Date | null;
}

/** An import is applied (or being applied) once it left the dry run. */
export const isImportApplied = (summary: { state: ImportState }): boolean => summary.state !== 'validated';

export const emptyImportCounts = (): ImportCounts => ({ valid: 0, exists: 0, invalid: 0, created: 0, skipped: 0, failed: 0 });

/** The console's words for the states. */
export const importStateLabels: Record<ImportState, string> = {
  validated: 'Validated',
  applying: 'Importing',
  done: 'Completed',
  failed: 'Failed',
};

/** What the dry run's status means for the row, in the console's words. */
export const importRowStatusLabels: Record<ImportRowStatus, string> = {
  valid: 'Will be created',
  exists: 'Already exists — will be skipped',
  invalid: 'Has problems',
};

export const importOutcomeLabels: Record<ImportOutcome, string> = {
  created: 'Created',
  skipped: 'Skipped',
  failed: 'Failed',
};
