import { evaluateAccess, type AccessEffect, type AccessRequest, type GetAccessControlEffectInput } from '@mailyard/core/access-control';
import type { Db } from '@mailyard/db';
import { listAccessControlRules } from '@mailyard/db/queries/access-control-rules';
import type { OperatorActor } from '../actor.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { requireUser } from '../users/require.ts';

/** What the organization's rules decide for a user reaching Mailyard: the one evaluation every entry point asks. */
export async function accessEffectFor(db: Db, organizationId: string, request: AccessRequest): Promise<AccessEffect> {
  return evaluateAccess(await listAccessControlRules(db, organizationId), request);
}

/** The console's evaluate panel and WorkMail's GetAccessControlEffect: a simulation for one of the organization's users. */
export async function getAccessControlEffect(db: Db, actor: OperatorActor, input: GetAccessControlEffectInput): Promise<AccessEffect> {
  const org = await requireActiveOrganization(db, actor, input.organizationId);
  const user = await requireUser(db, org.id, input.userId);
  return accessEffectFor(db, org.id, { userId: user.id, action: input.action, ip: input.ipAddress });
}
