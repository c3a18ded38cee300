import type { UserDetail, UserRef } from '@mailyard/core/users';
import type { Db } from '@mailyard/db';
import { listEntityAddresses } from '@mailyard/db/queries/addresses';
import { findMailbox } from '@mailyard/db/queries/mailboxes';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { requireUser } from './require.ts';

/** The user's page (WorkMail's DescribeUser): every attribute, its aliases and its mailbox, with its dates. */
export async function getUser(db: Db, actor: OperatorActor, input: UserRef): Promise<UserDetail> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const user = await requireUser(db, org.id, input.userId);
  const [addresses, mailbox] = await Promise.all([
    listEntityAddresses(db, { organizationId: org.id, entityId: user.id }),
    findMailbox(db, org.id, user.id),
  ]);
  return { ...user, aliases: addresses.filter((a) => !a.isPrimary).map((a) => a.address), mailbox };
}
