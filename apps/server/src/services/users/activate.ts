import type { AddressOrigin } from '@mailyard/core/addresses';
import { DEFAULT_QUOTA_MB } from '@mailyard/core/mailboxes';
import type { Db } from '@mailyard/db';
import { findMailbox, provisionMailbox, restoreMailbox } from '@mailyard/db/queries/mailboxes';
import { updateUser } from '@mailyard/db/queries/users';
import { changePrimaryAddress } from '../addresses/set-primary.ts';
import { cancelMailboxDeletion } from '../mailboxes/schedule-deletion.ts';

/** What enabling did to the mailbox: a new one, or the one kept since the user was disabled. */
export type MailboxOutcome = 'provisioned' | 'restored';

/**
 * Enables a locked, not-enabled user with `email` as its primary address, in the caller's transaction (WorkMail's
 * RegisterToWorkMail). Enabling creates the mailbox; re-enabling within the 30 days restores the kept one and
 * cancels its deletion. The caller checks the rules and writes the audit event.
 */
export async function activateUser(
  tx: Db,
  organizationId: string,
  user: { id: string; email: string | null },
  email: string,
  o: { field: string; origin: AddressOrigin; now: Date },
): Promise<MailboxOutcome> {
  await changePrimaryAddress(tx, { organizationId, type: 'USER', id: user.id, email: user.email }, email, o);
  const mailbox = await findMailbox(tx, organizationId, user.id);
  let outcome: MailboxOutcome;
  if (mailbox && !mailbox.deletedAt) {
    await restoreMailbox(tx, organizationId, user.id);
    await cancelMailboxDeletion(tx, organizationId, user.id, o.now);
    outcome = 'restored';
  } else {
    await provisionMailbox(tx, { organizationId, entityId: user.id, quotaMb: DEFAULT_QUOTA_MB, at: o.now });
    outcome = 'provisioned';
  }
  await updateUser(tx, organizationId, user.id, { state: 'ENABLED', enabledAt: o.now, disabledAt: null, updatedAt: o.now });
  return outcome;
}
