import { randomUUID } from 'node:crypto';
import { joinAddress } from '@mailyard/core/addresses';
import { systemUsers } from '@mailyard/core/users';
import type { Db } from '@mailyard/db';
import { findUserByName, insertUser } from '@mailyard/db/queries/users';
import { systemActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { userTarget } from './require.ts';
import { activateUser } from './activate.ts';

/**
 * Gives an organization its system users (postmaster), each enabled with a mailbox and <name>@<default domain>,
 * in the caller's transaction. Idempotent: a provisioning workflow that resumes finds them already there.
 */
export async function ensureSystemUsers(tx: Db, org: { id: string; accountId: string; defaultMailDomain: string | null }, now: Date): Promise<void> {
  if (!org.defaultMailDomain) throw new Error(`Organization ${org.id} has no default mail domain for its system users.`);
  for (const system of systemUsers) {
    if (await findUserByName(tx, org.id, system.name)) continue;
    const user = { id: randomUUID(), name: system.name, email: null };
    await insertUser(tx, {
      organizationId: org.id,
      id: user.id,
      name: system.name,
      displayName: system.displayName,
      hiddenFromGlobalAddressList: true,
      role: 'SYSTEM_USER',
      passwordHash: null,
      createdAt: now,
    });
    const email = joinAddress(system.name, org.defaultMailDomain);
    await activateUser(tx, org.id, user, email, { field: 'email', origin: 'system', now });
    await recordAudit(
      tx,
      systemActor,
      {
        action: 'user.create',
        accountId: org.accountId,
        organizationId: org.id,
        target: userTarget(user),
        after: { name: system.name, displayName: system.displayName, role: 'SYSTEM_USER', state: 'ENABLED', email },
      },
      now,
    );
  }
}
