import { fail } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { findUserMailbox } from '@mailyard/db/queries/mailbox-usage';

/** A user of the organization (the organization already checked), with its live mailbox or `null`. */
export async function requireMailboxOwner(db: Db, organizationId: string, userId: string) {
  const owner = await findUserMailbox(db, organizationId, userId);
  if (!owner) fail('USER.NOT_FOUND', `User ${userId} was not found.`, { field: 'userId' });
  return owner;
}

export function noMailbox(name: string): never {
  fail('MAILBOX.NOT_FOUND', `User "${name}" has no mailbox.`, { field: 'userId' });
}
