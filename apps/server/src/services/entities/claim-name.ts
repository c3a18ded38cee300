import { nameTakenBy, nameTakenRefusal, type EntityType } from '@mailyard/core/entities';
import { failIf } from '@mailyard/core/errors';
import { violatedUniqueConstraint, type Db } from '@mailyard/db';
import { findNameHolders, lockEntityName } from '@mailyard/db/queries/entity-names';

/**
 * Refuses, in the caller's transaction, a name another user, group or resource of the organization holds (one set of
 * names per organization, WorkMail's NameAvailabilityException): the name's lock is held until the transaction ends,
 * so a racing request for the same name — of any kind — waits, then sees this one's entity. `id` is the entity's own
 * (a rename; a resource's UUID), which may keep its name in another case. Every create and rename calls it first.
 */
export async function claimEntityName(tx: Db, organizationId: string, wanted: { type: EntityType; name: string; id?: string }): Promise<void> {
  await lockEntityName(tx, organizationId, wanted.name);
  failIf(nameTakenRefusal(wanted, await findNameHolders(tx, organizationId, wanted.name)));
}

/** The same refusal for a loser of a race on one table's unique name index (`users_name_key`), which the lock makes rare. */
export function failOnNameIndex(error: unknown, index: string, wanted: { type: EntityType; name: string }): void {
  if (violatedUniqueConstraint(error) === index) failIf(nameTakenBy(wanted, wanted));
}
