import { PORTAL_SESSION_HOURS, portalAccessRefusal } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { findPortalSession, type PortalAccount } from '@mailyard/db/queries/portal-accounts';
import { deleteUserSession, deleteUserSessions, extendUserSession } from '@mailyard/db/queries/self-service';
import type { Deps } from '../../deps.ts';
import { addMs, MINUTE_MS } from '../../platform/clock.ts';
import { hashToken } from '../../platform/tokens.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

export const portalSessionMs = PORTAL_SESSION_HOURS * 60 * MINUTE_MS;

export function userActorFor(account: Pick<PortalAccount, 'accountId' | 'organizationId' | 'userId' | 'primaryEmail' | 'name'>, via: string): UserActor {
  return {
    type: 'user',
    accountId: account.accountId,
    organizationId: account.organizationId,
    userId: account.userId,
    label: account.primaryEmail ?? account.name,
    via,
  };
}

/** The audit target of everything a user does to their own account. */
export const userTarget = (actor: UserActor) => ({ type: 'user' as const, id: actor.userId, label: actor.label });

/** A live portal session: who acts, and their account as read for this request. */
export interface UserSession {
  actor: UserActor;
  account: PortalAccount;
}

/**
 * The user behind a portal cookie, or null. The account's state is read on every request: once the user is
 * disabled or the organization stops being Active, every session of that user ends. Sliding expiry, written at
 * most once a minute.
 */
export async function resolveUserSession(deps: Deps, token: string): Promise<UserSession | null> {
  const now = deps.clock();
  const idHash = hashToken(token);
  const session = await findPortalSession(deps.db, idHash, now);
  if (!session) return null;
  if (portalAccessRefusal(session.account)) {
    await deleteUserSessions(deps.db, session.account);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > MINUTE_MS) {
    await extendUserSession(deps.db, idHash, now, addMs(now, portalSessionMs));
  }
  return { actor: userActorFor(session.account, 'portal'), account: session.account };
}

export async function signOutUser(deps: Deps, actor: UserActor, token: string): Promise<void> {
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    await deleteUserSession(tx, hashToken(token));
    await recordAudit(tx, actor, { action: 'user.sign_out', target: userTarget(actor) }, now);
  });
}

/** "Sign out everywhere": this browser and every other one. */
export async function signOutEverywhere(deps: Deps, actor: UserActor): Promise<{ sessionsEnded: number }> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const sessionsEnded = await deleteUserSessions(tx, actor);
    await recordAudit(tx, actor, { action: 'user.sign_out_everywhere', target: userTarget(actor), after: { sessionsEnded } }, now);
    return { sessionsEnded };
  });
}
