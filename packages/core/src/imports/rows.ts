import { z } from 'zod';
import { emailAddressSchema } from '../addresses/address.ts';
import { refusal, type Refusal } from '../errors/refusal.ts';
import { passwordSchema } from '../passwords/policy.ts';
import { displayNameSchema, optionalUserDetailsFields, USER_ATTRIBUTE_MAX_LENGTH } from '../users/attributes.ts';
import { newUserNameSchema, normalizeUserName } from '../users/names.ts';
import { importColumns, mapHeader, type ImportColumn } from './columns.ts';
import { parseCsv } from './csv.ts';
import type { ImportRowProblem } from './models.ts';
import { text } from '../text/well-formed.ts';

/** At most this many users per file: a dry run answers within one request and the report stays readable. */
export const MAX_IMPORT_ROWS = 10_000;
/** At most this size (UTF-8): 10,000 rows with every column filled fit comfortably. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;

/**
 * The password column's word for "no password": the user is created without one and cannot sign in until an
 * operator sets one (Reset password), as WorkMail's CreateUser allows. An empty cell means the same.
 */
export const NO_PASSWORD_WORD = 'invite';
const isNoPassword = (cell: string) => cell.trim() === '' || cell.trim().toLowerCase() === NO_PASSWORD_WORD;

const yesNo = text()
  .trim()
  .toLowerCase()
  .transform((v, ctx) => {
    if (['', 'no', 'n', 'false', '0'].includes(v)) return false;
    if (['yes', 'y', 'true', '1'].includes(v)) return true;
    ctx.addIssue({ code: 'custom', message: `${importColumns.hiddenFromGlobalAddressList.label} must be yes or no.` });
    return z.NEVER;
  });

/** One data row: the Create user rules (core's schemas), every personal-data field, and the password policy. */
export const ImportRowSchema = z.object({
  name: newUserNameSchema,
  displayName: displayNameSchema,
  email: emailAddressSchema,
  ...optionalUserDetailsFields,
  hiddenFromGlobalAddressList: yesNo.optional().transform((v) => v ?? false),
  // Never trimmed (the policy's own rule); only the "no password" word is recognised around spaces.
  password: text()
    .optional()
    .transform((v) => (v === undefined || isNoPassword(v) ? undefined : v))
    .pipe(passwordSchema.optional()),
});
export type ImportUser = z.infer<typeof ImportRowSchema>;
/** What the report keeps of a valid row to create it later; the password is kept apart (sealed). */
export type ImportUserValues = Omit<ImportUser, 'password'>;

/** A data row of a read file. */
export interface ImportFileRow {
  line: number;
  /** What the report shows of the row, also when it is invalid (clipped to the attribute length). */
  shown: { name: string; displayName: string; email: string; password: 'set' | 'none' };
  /** The parsed row, or `null` when it has problems. */
  user: ImportUser | null;
  problems: ImportRowProblem[];
}

export type ImportFileReading = { ok: true; rows: ImportFileRow[] } | { ok: false; refusal: Refusal };

const invalidFile = (message: string, problems: string[] = [message]): ImportFileReading => ({
  ok: false,
  refusal: refusal('IMPORT.INVALID_FILE', message, { field: 'content', problems }),
});

const clip = (s: string | undefined) => (s ?? '').trim().slice(0, USER_ATTRIBUTE_MAX_LENGTH);

/**
 * Reads a users CSV and checks each row on its own and against the other rows of the file (names and addresses
 * must be unique in it). Problems of the file as a whole (not CSV, unknown or missing columns, too many rows) refuse
 * the file; problems of a row are listed with the row. Checks against the directory are the server's.
 */
export function readImportFile(content: string): ImportFileReading {
  const parsed = parseCsv(content, MAX_IMPORT_ROWS + 1);
  if (!parsed.ok) {
    return parsed.message.startsWith('The file has more than')
      ? invalidFile(`The file has more than ${MAX_IMPORT_ROWS} users. Split it into files of at most ${MAX_IMPORT_ROWS} rows.`)
      : invalidFile(`The file is not valid CSV. ${parsed.message}`);
  }
  const [header, ...records] = parsed.records;
  if (!header) return invalidFile('The file is empty: it needs a header row (name, displayName, email, …) and one row per user.');
  const mapping = mapHeader(header.fields);
  if (!mapping.ok) return invalidFile(`The header row does not fit. ${mapping.problems.join(' ')}`, mapping.problems);
  if (records.length === 0) return invalidFile('The file has a header row but no users.');

  const rows = records.map((record): ImportFileRow => {
    const problems: ImportRowProblem[] = [];
    const values: Partial<Record<ImportColumn, string>> = {};
    record.fields.forEach((value, index) => {
      const column = mapping.columns[index];
      if (column) values[column] = value;
      else if (value.trim() !== '') {
        problems.push({
          field: 'row',
          message:
            index < mapping.columns.length
              ? `Column ${index + 1} has a value but no header.`
              : `The row has ${record.fields.length} values but the header has ${mapping.columns.length} columns. Enclose values that contain a comma in quotes.`,
        });
      }
    });
    const result = ImportRowSchema.safeParse(values);
    if (!result.success) {
      const fieldProblems = result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'row'), message: issue.message }));
      // In the order of the file's columns, as the operator reads the row (the sort is stable).
      const position = (field: string) => mapping.columns.indexOf(field as ImportColumn);
      problems.push(...fieldProblems.sort((a, b) => position(a.field) - position(b.field)));
    }
    return {
      line: record.line,
      shown: {
        name: clip(values.name),
        displayName: clip(values.displayName),
        email: clip(values.email).toLowerCase(),
        password: values.password === undefined || isNoPassword(values.password) ? 'none' : 'set',
      },
      user: result.success && problems.length === 0 ? result.data : null,
      problems,
    };
  });
  markDuplicates(rows, 'name', (row) => (row.shown.name ? normalizeUserName(row.shown.name) : null), 'The user name');
  markDuplicates(rows, 'email', (row) => row.shown.email || null, 'The email address');
  return { ok: true, rows };
}

/**
 * Every row whose key appears on other rows too gets a problem naming those lines: with two candidates the file is
 * ambiguous, so neither is imported until it is fixed.
 */
function markDuplicates(rows: ImportFileRow[], field: 'name' | 'email', keyOf: (row: ImportFileRow) => string | null, what: string) {
  const lines = new Map<string, number[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (!key) continue;
    const seen = lines.get(key);
    if (seen) seen.push(row.line);
    else lines.set(key, [row.line]);
  }
  for (const row of rows) {
    const key = keyOf(row);
    const all = key ? lines.get(key)! : [];
    if (all.length < 2) continue;
    const others = all.filter((l) => l !== row.line);
    row.problems.push({
      field,
      message: `${what} "${row.shown[field]}" also appears on line${others.length > 1 ? 's' : ''} ${listLines(others)} of the file.`,
    });
    row.user = null;
  }
}

const listLines = (lines: number[]) => (lines.length > 5 ? `${lines.slice(0, 5).join(', ')} and ${lines.length - 5} more` : lines.join(', '));
