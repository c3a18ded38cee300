/**
 * What the log may keep of an error. drizzle's query errors carry every parameter in their message (`params: …`), and
 * PostgreSQL quotes the offending input after a colon (`invalid input syntax for type integer: "…"`): either can hold a
 * password, personal data or a whole import report. Kept: the statement (its placeholders, the first few hundred
 * characters of a long one), the error's own words, its
 * SQLSTATE and constraint, and the stack frames. Every logger and every stored job error goes through here.
 */

interface DatabaseErrorFields {
  code: string;
  severity: string;
  constraint_name?: string;
}

const isDatabaseError = (e: Error): e is Error & DatabaseErrorFields =>
  typeof (e as Partial<DatabaseErrorFields>).code === 'string' && typeof (e as Partial<DatabaseErrorFields>).severity === 'string';

/** A statement is kept up to this many characters: a multi-row INSERT's placeholders can run to megabytes. */
export const MAX_STATEMENT_CHARS = 300;

function ownMessage(e: Error): string {
  if (e.message.startsWith('Failed query: ')) {
    const statement = e.message.replace(/\nparams: [\s\S]*$/, '');
    return statement.length <= MAX_STATEMENT_CHARS ? statement : `${statement.slice(0, MAX_STATEMENT_CHARS)}… (${statement.length.toLocaleString('en')} characters)`;
  }
  if (isDatabaseError(e)) {
    const constraint = e.constraint_name ? `, constraint ${e.constraint_name}` : '';
    return `${e.message.split(': ')[0]} (SQLSTATE ${e.code}${constraint})`;
  }
  return e.message;
}

/** The error and its causes in one line, without the values they were about. */
export function safeErrorMessage(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e !== undefined && e !== null && parts.length < 5; e = (e as { cause?: unknown }).cause) {
    parts.push(e instanceof Error ? ownMessage(e) : `a thrown ${typeof e}`);
    if (!(e instanceof Error)) break;
  }
  return parts.join(' ← caused by: ');
}

/** An error as a log entry: its safe message and the frames of its stack (the stack's first line repeats the message). */
export const loggableError = (error: unknown) => ({
  message: safeErrorMessage(error),
  stack: error instanceof Error ? (error.stack ?? '').split('\n').filter((line) => line.startsWith('    at ')).join('\n') : undefined,
});

/** A log entry's data with every error in it (at the top level, as the callers pass them) made loggable. */
export const loggableData = (data: object | undefined): object =>
  Object.fromEntries(Object.entries(data ?? {}).map(([key, value]) => [key, value instanceof Error ? loggableError(value) : value]));
