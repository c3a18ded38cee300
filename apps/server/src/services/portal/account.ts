import { fail, failIf } from '@mailyard/core/errors';
import { portalAccessRefusal, type MyAccount } from '@mailyard/core/portal';
import type { Db } from '@mailyard/db';
import { findPortalAccount, type PortalAccount } from '@mailyard/db/queries/portal-accounts';
import { countUserSessions, findRecoveryVerification } from '@mailyard/db/queries/self-service';
import type { Deps } from '../../deps.ts';
import type { UserActor } from '../actor.ts';
import type { AddressHolder } from '../addresses/holder.ts';
import { userTarget } from './session.ts';

/**
 * The signed-in user's own account, locked for a change. The session was checked when the request came in;
 * this re-checks under the lock, so a change racing a "disable" cannot slip through.
 */
export async function lockOwnAccount(db: Db, actor: UserActor): Promise<PortalAccount> {
  const account = await findPortalAccount(db, actor, 'update');
  if (!account) fail('AUTH.REQUIRED', 'Sign in to continue.');
  failIf(portalAccessRefusal(account));
  return account;
}

/** The signed-in user as the holder of their own addresses, locked: aliases change through the console's paths. */
export async function lockOwnAddressHolder(db: Db, actor: UserActor): Promise<AddressHolder> {
  const account = await lockOwnAccount(db, actor);
  const { organizationId, userId } = actor;
  return { organizationId, type: 'USER', id: userId, name: account.name, state: account.state, email: account.primaryEmail, role: account.role, target: userTarget(actor) };
}

/** Who is signed in (the account read with the session), and the state of their recovery address. */
export async function getMyAccount(deps: Deps, account: PortalAccount): Promise<MyAccount> {
  const now = deps.clock();
  const [pending, sessions] = await Promise.all([findRecoveryVerification(deps.db, account), countUserSessions(deps.db, account, now)]);
  const live = pending && pending.expiresAt > now ? pending : null;
  return {
    userId: account.userId,
    name: account.name,
    displayName: account.displayName,
    primaryEmail: account.primaryEmail,
    organizationAlias: account.organizationAlias,
    sessions,
    recovery: {
      email: account.recoveryEmailVerifiedAt ? account.recoveryEmail : null,
      verifiedAt: account.recoveryEmailVerifiedAt,
      pendingEmail: live?.email ?? null,
      pendingExpiresAt: live?.expiresAt ?? null,
    },
  };
}
