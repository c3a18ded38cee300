import { and, desc, eq, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ImportCounts, ImportReportRow, ImportRowFilter, ImportState, ImportSummary, ImportUserValues } from '@mailyard/core/imports';
import type { EntityState } from '@mailyard/core/entities';
import type { ListTotal } from '@mailyard/core/pagination';
import type { Db } from '../client.ts';
import { scopeTotal } from '../list-total.ts';
import { addresses, userImports, users } from '../schema/index.ts';

/** A row as stored: the report's row, plus what creating the user needs (removed once the import ends). */
export interface StoredImportRow extends ImportReportRow {
  user: ImportUserValues | null;
  /** The row's password sealed with the master key; never stored in the clear, erased when the import ends. */
  sealedPassword: string | null;
}

/** The `report` column: counts kept beside the rows, so a summary reads without the rows. */
export interface StoredImportReport {
  counts: ImportCounts;
  error: string | null;
  rows: StoredImportRow[];
}

export interface NewImport {
  organizationId: string;
  id: string;
  fileName: string;
  totalRows: number;
  validRows: number;
  report: StoredImportReport;
  createdBy: string;
  createdAt: Date;
}

export async function insertImport(db: Db, row: NewImport): Promise<void> {
  await db.insert(userImports).values({ ...row, state: 'validated' });
}

const summaryColumns = {
  id: userImports.id,
  fileName: userImports.fileName,
  state: sql<ImportState>`${userImports.state}`,
  totalRows: userImports.totalRows,
  validRows: userImports.validRows,
  processedRows: userImports.processedRows,
  counts: sql<ImportCounts>`${userImports.report}->'counts'`,
  error: sql<string | null>`${userImports.report}->>'error'`,
  createdBy: userImports.createdBy,
  createdAt: userImports.createdAt,
  finishedAt: userImports.finishedAt,
};

const ofOrganization = (organizationId: string, id: string) => and(eq(userImports.organizationId, organizationId), eq(userImports.id, id));

/** An import without its rows; `lock` holds it for the transaction (apply). */
export async function findImport(db: Db, organizationId: string, id: string, lock?: 'update'): Promise<ImportSummary | null> {
  const query = db.select(summaryColumns).from(userImports).where(ofOrganization(organizationId, id));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

/** The whole stored report, for the job that applies it. */
export async function loadImportReport(db: Db, organizationId: string, id: string): Promise<StoredImportReport | null> {
  const [row] = await db.select({ report: userImports.report }).from(userImports).where(ofOrganization(organizationId, id));
  return (row?.report as StoredImportReport | undefined) ?? null;
}

export interface ImportPatch {
  state?: ImportState;
  processedRows?: number;
  report?: StoredImportReport;
  finishedAt?: Date | null;
}

export async function updateImport(db: Db, organizationId: string, id: string, patch: ImportPatch): Promise<void> {
  await db.update(userImports).set(patch).where(ofOrganization(organizationId, id));
}

/** Newest first, keyset on (created_at, id). */
const importsOf = (organizationId: string) => eq(userImports.organizationId, organizationId);

/** How many imports the organization has had (its Imports list's total). */
export const countImports = (db: Db, organizationId: string): Promise<ListTotal> => scopeTotal(db, userImports, importsOf(organizationId));

export async function listImportsPage(
  db: Db,
  q: { organizationId: string; after: [string, string] | null; limit: number },
): Promise<ImportSummary[]> {
  const conditions: SQL[] = [importsOf(q.organizationId)];
  if (q.after) {
    const at = new Date(q.after[0]);
    conditions.push(or(lt(userImports.createdAt, at), and(eq(userImports.createdAt, at), lt(userImports.id, q.after[1])))!);
  }
  return db
    .select(summaryColumns)
    .from(userImports)
    .where(and(...conditions))
    .orderBy(desc(userImports.createdAt), desc(userImports.id))
    .limit(q.limit);
}

const rowFilters: Record<ImportRowFilter, SQL> = {
  all: sql`true`,
  invalid: sql`r.value->>'status' = 'invalid'`,
  valid: sql`r.value->>'status' = 'valid'`,
  exists: sql`r.value->>'status' = 'exists'`,
  created: sql`r.value->>'outcome' = 'created'`,
  skipped: sql`r.value->>'outcome' = 'skipped'`,
  failed: sql`r.value->>'outcome' = 'failed'`,
};

/** A page of the report's rows in file order after line `afterLine`, without what creating them needs. */
export async function listImportRows(
  db: Db,
  q: { organizationId: string; id: string; filter: ImportRowFilter; afterLine: number | null; limit: number },
): Promise<ImportReportRow[]> {
  const rows = await db.execute<{ row: ImportReportRow }>(sql`
    select r.value - 'user' - 'sealedPassword' as row
    from ${userImports}, jsonb_array_elements(${userImports.report}->'rows') as r(value)
    where ${userImports.organizationId} = ${q.organizationId} and ${userImports.id} = ${q.id}
      and ${rowFilters[q.filter]} and (r.value->>'line')::int > ${q.afterLine ?? 0}
    order by (r.value->>'line')::int
    limit ${q.limit}`);
  return rows.map((r) => r.row);
}

export interface ExistingUser {
  id: string;
  name: string;
  email: string | null;
  state: EntityState;
}

/** The live users of the organization holding any of `names` (compared without case), through `users_name_key`. */
export async function findUsersByNames(db: Db, organizationId: string, names: string[]): Promise<ExistingUser[]> {
  if (names.length === 0) return [];
  const lowered = [...new Set(names.map((n) => n.toLowerCase()))];
  return db
    .select({ id: users.id, name: users.name, email: users.primaryEmail, state: sql<EntityState>`${users.state}` })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), sql`lower(${users.name}) = any(${sql.param(lowered)}::text[])`, ne(users.state, 'DELETED')));
}

export interface AddressHolder {
  address: string;
  organizationId: string;
  entityId: string;
}

/** Who holds any of `list` (lower-case addresses), in any organization: the one namespace. */
export async function findAddressHolders(db: Db, list: string[]): Promise<AddressHolder[]> {
  if (list.length === 0) return [];
  return db
    .select({ address: addresses.address, organizationId: addresses.organizationId, entityId: addresses.entityId })
    .from(addresses)
    .where(inArray(addresses.address, [...new Set(list)]));
}
