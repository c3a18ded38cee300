import { fail } from '@mailyard/core/errors';
import { isOperational } from '@mailyard/core/organizations';
import { isTransaction, type Db } from '@mailyard/db';
import { findOrganization } from '@mailyard/db/queries/organizations';
import type { OperatorActor } from '../actor.ts';

/** Whether a token limited to some organizations covers this one (a session covers every one of its account). */
const inTokenScope = (actor: OperatorActor, organizationId: string) => !actor.organizationIds || actor.organizationIds.includes(organizationId);

function notFound(organizationId: string): never {
  fail('ORGANIZATION.NOT_FOUND', `Organization ${organizationId} was not found.`, { field: 'organizationId' });
}

/**
 * The organization if this operator credential may reach it. Another account's organization, or one outside
 * a token's scope, is "not found" — never "forbidden" — so ids do not leak across tenants. `lock` holds the row
 * for the caller's transaction.
 */
export async function requireOrganization(db: Db, actor: OperatorActor, organizationId: string, options: { lock?: 'update' | 'key share' } = {}) {
  const org = await findOrganization(db, actor.accountId, organizationId, options.lock);
  if (!org || !inTokenScope(actor, organizationId)) notFound(organizationId);
  return org;
}

/**
 * A page of `organizationId`'s rows read by a statement that holds only when the organization is the actor's account's
 * (`read` is given the account, for its query's `organizationOfAccount`): the rows prove the tenant check, and a list
 * sends one statement instead of two. An empty page proves nothing, so only then is the organization looked up, for
 * its "not found": another account's organization still answers as a missing one does, after the same two steps.
 */
export async function readOwnOrganizationPage<T>(db: Db, actor: OperatorActor, organizationId: string, read: (accountId: string) => Promise<T[]>): Promise<T[]> {
  if (!inTokenScope(actor, organizationId)) notFound(organizationId);
  const rows = await read(actor.accountId);
  if (rows.length === 0) await requireOrganization(db, actor, organizationId);
  return rows;
}

/** What a read of an organization's rows asks of the organization: `requireOrganization`, or `requireActiveOrganization`. */
export type OrganizationCheck = (db: Db, actor: OperatorActor, organizationId: string) => Promise<unknown>;

/**
 * `read` of rows of `organizationId`, sent together with the check that this operator may reach it instead of after it:
 * one round trip less for every list and count. `read` must be scoped to `organizationId` itself; what it returns is
 * given back only once the check has passed, and a refusal answers as soon as the check does, so another account's
 * organization answers as fast as a missing one.
 */
export async function readInOrganization<T>(
  db: Db,
  actor: OperatorActor,
  organizationId: string,
  read: () => Promise<T>,
  check: OrganizationCheck = requireOrganization,
): Promise<T> {
  const [, result] = await Promise.all([check(db, actor, organizationId), (async () => read())()]);
  return result;
}

/**
 * As `requireOrganization`, and the organization must be Active (users, groups and domains change only then). In a
 * transaction the row stays share-locked until commit, so a deletion (which locks it for update) either waits for the
 * change or is seen by it: nothing is written into an organization whose contents are being released. A read outside
 * a transaction has nothing to hold, and takes no lock.
 */
export async function requireActiveOrganization(db: Db, actor: OperatorActor, organizationId: string) {
  const org = await requireOrganization(db, actor, organizationId, { lock: isTransaction(db) ? 'key share' : undefined });
  if (!isOperational(org.state)) {
    fail('ORGANIZATION.NOT_ACTIVE', `Organization ${org.id} is not Active, state: ${org.state}`, { state: org.state });
  }
  return org;
}
