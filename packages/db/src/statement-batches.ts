/**
 * PostgreSQL's wire protocol numbers a statement's parameters with 16 bits: a multi-row INSERT (or a list of pairs)
 * that needs more than 65,534 fails whole (`MAX_PARAMETERS_EXCEEDED`). Writes of unbounded row lists — a directory's
 * first sync of 100,000 users — go through this in statements of at most `ROWS_PER_STATEMENT` rows, within the
 * caller's transaction.
 */
export const ROWS_PER_STATEMENT = 1000;

export async function inStatementBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) await write(rows.slice(at, at + ROWS_PER_STATEMENT));
}
