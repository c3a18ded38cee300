import { sql, type SQL } from 'drizzle-orm';
import { organizations } from './schema/index.ts';

/**
 * True when `organizationId` is `accountId`'s: a condition a list's own statement carries, so a page of rows also
 * proves the tenant check (an uncorrelated subquery, which PostgreSQL runs once, before reading any row). A page that
 * comes back empty proves nothing: the caller looks the organization up then, for its "not found".
 */
export const organizationOfAccount = (organizationId: string, accountId: string): SQL =>
  sql`exists (select 1 from ${organizations} where ${organizations.id} = ${organizationId} and ${organizations.accountId} = ${accountId})`;
