import { GetAccessControlEffectInput, PutAccessControlRuleInput, type AccessControlRule } from '@mailyard/core/access-control';
import { deleteAccessControlRule } from '../../services/access-control/delete-rule.ts';
import { getAccessControlEffect } from '../../services/access-control/effect.ts';
import { listAccessRules } from '../../services/access-control/list-rules.ts';
import { putAccessControlRule } from '../../services/access-control/put-rule.ts';
import { entityWithId, requireActive } from '../entities.ts';
import { list, oneOf, OrganizationId, structure, text, WorkMailIdentifier } from '../model.ts';
import { operation, type AwsContext } from '../operation.ts';
import { AwsError, epochSeconds } from '../protocol.ts';
import { parseCore } from '../validation.ts';

// Shapes of the model (service-2.json) used by the access control operations only. The model's ranges and
// addresses are IPv4; Mailyard's console also takes IPv6 ones.
const OCTET = '([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])';
const AccessControlRuleName = () => text({ min: 1, max: 64, pattern: '[a-zA-Z0-9_-]+' });
const AccessControlRuleAction = () => text({ min: 1, max: 64, pattern: '[a-zA-Z]+' });
const IpRangeList = () => list(text({ min: 1, max: 18, pattern: `^(${OCTET}\\.){3}${OCTET}/([0-9]|[12][0-9]|3[0-2])$` }), { min: 0, max: 1024 });
const ActionsList = () => list(AccessControlRuleAction(), { min: 0, max: 10 });
const UserIdList = () => list(WorkMailIdentifier(), { min: 0, max: 10 });
const ImpersonationRoleId = () => text({ min: 1, max: 64, pattern: '[a-zA-Z0-9_-]+' });
const ImpersonationRoleIdList = () => list(ImpersonationRoleId(), { min: 0, max: 10 });

/** Mailyard has no impersonation roles (WorkMail's EWS impersonation): any role id names one that does not exist. */
function refuseImpersonationRoles(ids: readonly string[]): void {
  if (ids.length > 0) throw new AwsError('ResourceNotFoundException', `Impersonation role ${ids[0]} was not found: Mailyard has no impersonation roles.`);
}

/** The users a list names, each one of the organization's (EntityNotFoundException otherwise), as ids. */
async function userIds(ctx: AwsContext, organizationId: string, ids: readonly string[] = []): Promise<string[]> {
  const users = [];
  for (const id of ids) users.push((await entityWithId(ctx, organizationId, id, ['USER'])).id);
  return users;
}

/** Adds a rule, or replaces the rule of the same name; a 21st rule is LimitExceededException. */
export const PutAccessControlRule = operation(
  structure({
    OrganizationId: OrganizationId(),
    Name: AccessControlRuleName(),
    Effect: oneOf(['ALLOW', 'DENY']),
    Description: text({ min: 0, max: 255, pattern: '[\\u0020-\\u00FF]+' }),
    IpRanges: IpRangeList().optional(),
    NotIpRanges: IpRangeList().optional(),
    Actions: ActionsList().optional(),
    NotActions: ActionsList().optional(),
    UserIds: UserIdList().optional(),
    NotUserIds: UserIdList().optional(),
    ImpersonationRoleIds: ImpersonationRoleIdList().optional(),
    NotImpersonationRoleIds: ImpersonationRoleIdList().optional(),
  }),
  async (ctx, input) => {
    const org = await requireActive(ctx, input.OrganizationId);
    refuseImpersonationRoles([...(input.ImpersonationRoleIds ?? []), ...(input.NotImpersonationRoleIds ?? [])]);
    const rule = parseCore(PutAccessControlRuleInput, {
      organizationId: org.id,
      name: input.Name,
      effect: input.Effect,
      description: input.Description,
      ipRanges: input.IpRanges,
      notIpRanges: input.NotIpRanges,
      actions: input.Actions as PutAccessControlRuleInput['actions'],
      notActions: input.NotActions as PutAccessControlRuleInput['notActions'],
      userIds: await userIds(ctx, org.id, input.UserIds),
      notUserIds: await userIds(ctx, org.id, input.NotUserIds),
    });
    await putAccessControlRule(ctx.deps, ctx.actor, rule);
    return {};
  },
);

/** A name the organization has no rule of is no error. */
export const DeleteAccessControlRule = operation(structure({ OrganizationId: OrganizationId(), Name: AccessControlRuleName() }), async (ctx, input) => {
  await deleteAccessControlRule(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, name: input.Name });
  return {};
});

/** Empty lists are left out, as WorkMail lists its default rule. */
const nonEmpty = (values: readonly string[]) => (values.length > 0 ? values : undefined);

const workMailRule = (r: AccessControlRule) => ({
  Name: r.name,
  Effect: r.effect,
  Description: r.description,
  IpRanges: nonEmpty(r.ipRanges),
  NotIpRanges: nonEmpty(r.notIpRanges),
  Actions: nonEmpty(r.actions),
  NotActions: nonEmpty(r.notActions),
  UserIds: nonEmpty(r.userIds),
  NotUserIds: nonEmpty(r.notUserIds),
  DateCreated: epochSeconds(r.createdAt),
  DateModified: epochSeconds(r.updatedAt),
});

export const ListAccessControlRules = operation(structure({ OrganizationId: OrganizationId() }), async (ctx, input) => {
  const org = await requireActive(ctx, input.OrganizationId);
  return { Rules: (await listAccessRules(ctx.deps.db, ctx.actor, org.id)).map(workMailRule) };
});

/** A simulation for one user (an impersonation role is never found: Mailyard has none). */
export const GetAccessControlEffect = operation(
  structure({
    OrganizationId: OrganizationId(),
    IpAddress: text({ min: 1, max: 15, pattern: `^(${OCTET}\\.){3}${OCTET}$` }),
    Action: AccessControlRuleAction(),
    UserId: WorkMailIdentifier().optional(),
    ImpersonationRoleId: ImpersonationRoleId().optional(),
  }),
  async (ctx, input) => {
    const org = await requireActive(ctx, input.OrganizationId);
    refuseImpersonationRoles(input.ImpersonationRoleId ? [input.ImpersonationRoleId] : []);
    if (!input.UserId) throw new AwsError('InvalidParameterException', 'You must provide either the user ID or impersonation role ID.');
    const user = await entityWithId(ctx, org.id, input.UserId, ['USER']);
    const request = parseCore(GetAccessControlEffectInput, {
      organizationId: org.id,
      ipAddress: input.IpAddress,
      action: input.Action as GetAccessControlEffectInput['action'],
      userId: user.id,
    });
    const { effect, matchedRules } = await getAccessControlEffect(ctx.deps.db, ctx.actor, request);
    return { Effect: effect, MatchedRules: matchedRules };
  },
);
