import {
  CreateMobileDeviceAccessRuleInput,
  deviceProperties,
  ListMobileDeviceAccessOverridesInput,
  mobileDeviceAccessRuleId,
  MobileDeviceAccessEffectInput,
  PutMobileDeviceAccessOverrideInput,
  UpdateMobileDeviceAccessRuleInput,
  type MobileDeviceAccessConditions,
  type MobileDeviceAccessOverride,
  type MobileDeviceAccessRule,
} from '@mailyard/core/mobile-access';
import { createMobileDeviceAccessRule } from '../../services/mobile-access/create-rule.ts';
import { deleteMobileDeviceAccessOverride } from '../../services/mobile-access/delete-override.ts';
import { deleteMobileDeviceAccessRule } from '../../services/mobile-access/delete-rule.ts';
import { getMobileDeviceAccessOverride } from '../../services/mobile-access/get-override.ts';
import { listMobileDeviceAccessOverrides } from '../../services/mobile-access/list-overrides.ts';
import { listRules } from '../../services/mobile-access/list-rules.ts';
import { putMobileDeviceAccessOverride } from '../../services/mobile-access/put-override.ts';
import { simulateMobileDeviceAccess } from '../../services/mobile-access/simulate.ts';
import { updateMobileDeviceAccessRule } from '../../services/mobile-access/update-rule.ts';
import { entityNamed, requireActive } from '../entities.ts';
import { EntityIdentifier, IdempotencyClientToken, list, oneOf, OrganizationId, page, structure, text } from '../model.ts';
import { operation, type AwsContext } from '../operation.ts';
import { TokenScope } from '../pagination.ts';
import { AwsError, compact, epochSeconds } from '../protocol.ts';
import { parseCore } from '../validation.ts';

// Shapes of the model (service-2.json) used by the mobile device access operations only.
const RuleName = () => text({ min: 1, max: 64, pattern: '[\\S\\s]+' });
const Description = () => text({ min: 1, max: 256, pattern: '[\\S\\s]+' });
const Effect = () => oneOf(['ALLOW', 'DENY']);
const RuleId = () => text({ min: 1, max: 64, pattern: '[a-zA-Z0-9_-]+' });
const DeviceId = () => text({ min: 1, max: 32, pattern: '[A-Za-z0-9]+' });
const DeviceProperty = () => text({ min: 1, max: 256, pattern: '[\\u0020-\\u00FF]+' });
const PropertyList = () => list(DeviceProperty(), { min: 1, max: 10 }).optional();

/** The eight condition members, `DeviceTypes` … `NotDeviceUserAgents`, and the core condition each one is. */
const conditionMembers = deviceProperties.flatMap((p) => [
  { member: capitalised(p.key), key: p.key },
  { member: capitalised(p.not), key: p.not },
]);
function capitalised<S extends string>(s: S): Capitalize<S> {
  return (s.charAt(0).toUpperCase() + s.slice(1)) as Capitalize<S>;
}
const conditionShape = Object.fromEntries(conditionMembers.map((c) => [c.member, PropertyList()])) as Record<
  Capitalize<keyof MobileDeviceAccessConditions>,
  ReturnType<typeof PropertyList>
>;

type RuleMembers = { Name: string; Description?: string | undefined; Effect: 'ALLOW' | 'DENY' } & Partial<Record<Capitalize<keyof MobileDeviceAccessConditions>, string[] | undefined>>;

/** A rule's members as the core fields, each refused member named as WorkMail names it. */
const ruleFields = (input: RuleMembers) => ({
  name: input.Name,
  description: input.Description,
  effect: input.Effect,
  conditions: Object.fromEntries(conditionMembers.map((c) => [c.key, input[c.member] ?? []])) as MobileDeviceAccessConditions,
});
const ruleMemberNames = { name: 'Name', description: 'Description', effect: 'Effect', conditions: 'Conditions' };

const workMailRule = (r: MobileDeviceAccessRule) =>
  compact({
    MobileDeviceAccessRuleId: r.id,
    Name: r.name,
    Description: r.description,
    Effect: r.effect,
    ...Object.fromEntries(conditionMembers.map((c) => [c.member, r.conditions[c.key].length ? r.conditions[c.key] : null])),
    DateCreated: epochSeconds(r.createdAt),
    DateModified: epochSeconds(r.updatedAt),
  });

const workMailOverride = (o: MobileDeviceAccessOverride) =>
  compact({ UserId: o.userId, DeviceId: o.deviceId, Effect: o.effect, Description: o.description, DateCreated: epochSeconds(o.createdAt), DateModified: epochSeconds(o.updatedAt) });

/** A rule id Mailyard never issues (not a UUID) names no rule; `null` then. */
const ruleIdOf = (id: string): string | null => {
  const parsed = mobileDeviceAccessRuleId.safeParse(id);
  return parsed.success ? parsed.data : null;
};

export const CreateMobileDeviceAccessRule = operation(
  structure({
    OrganizationId: OrganizationId(),
    ClientToken: IdempotencyClientToken().optional(),
    Name: RuleName(),
    Description: Description().optional(),
    Effect: Effect(),
    ...conditionShape,
  }),
  async ({ deps, actor }, input) => {
    const core = parseCore(CreateMobileDeviceAccessRuleInput, { organizationId: input.OrganizationId, clientToken: input.ClientToken, ...ruleFields(input) }, ruleMemberNames);
    const { ruleId } = await createMobileDeviceAccessRule(deps, actor, core);
    return { MobileDeviceAccessRuleId: ruleId };
  },
);

/** Replaces the whole rule: a condition left out is cleared, as the model's doc implies (Name and Effect are required). */
export const UpdateMobileDeviceAccessRule = operation(
  structure({ OrganizationId: OrganizationId(), MobileDeviceAccessRuleId: RuleId(), Name: RuleName(), Description: Description().optional(), Effect: Effect(), ...conditionShape }),
  async (ctx, input) => {
    await requireActive(ctx, input.OrganizationId);
    const ruleId = ruleIdOf(input.MobileDeviceAccessRuleId);
    if (!ruleId) throw new AwsError('EntityNotFoundException', `Mobile device access rule ${input.MobileDeviceAccessRuleId} was not found in this organization.`);
    const core = parseCore(UpdateMobileDeviceAccessRuleInput, { organizationId: input.OrganizationId, ruleId, ...ruleFields(input) }, ruleMemberNames);
    await updateMobileDeviceAccessRule(ctx.deps, ctx.actor, core);
    return {};
  },
);

/** A rule that is not there is no error (WorkMail: "Deleting already deleted and non-existing rules does not produce an error"). */
export const DeleteMobileDeviceAccessRule = operation(structure({ OrganizationId: OrganizationId(), MobileDeviceAccessRuleId: RuleId() }), async (ctx, input) => {
  await requireActive(ctx, input.OrganizationId);
  const ruleId = ruleIdOf(input.MobileDeviceAccessRuleId);
  if (ruleId) await deleteMobileDeviceAccessRule(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, ruleId });
  return {};
});

/** All the organization's rules (10 at most): the operation has no pages. */
export const ListMobileDeviceAccessRules = operation(structure({ OrganizationId: OrganizationId() }), async (ctx, input) => {
  await requireActive(ctx, input.OrganizationId);
  return { Rules: (await listRules(ctx.deps.db, ctx.actor, { organizationId: input.OrganizationId })).map(workMailRule) };
});

/** Simulates a device against the rules, the same evaluation the sync endpoint applies (overrides aside). */
export const GetMobileDeviceAccessEffect = operation(
  structure({
    OrganizationId: OrganizationId(),
    DeviceType: DeviceProperty().optional(),
    DeviceModel: DeviceProperty().optional(),
    DeviceOperatingSystem: DeviceProperty().optional(),
    DeviceUserAgent: DeviceProperty().optional(),
  }),
  async (ctx, input) => {
    await requireActive(ctx, input.OrganizationId);
    const core = parseCore(MobileDeviceAccessEffectInput, {
      organizationId: input.OrganizationId,
      deviceType: input.DeviceType,
      deviceModel: input.DeviceModel,
      deviceOperatingSystem: input.DeviceOperatingSystem,
      deviceUserAgent: input.DeviceUserAgent,
    });
    const verdict = await simulateMobileDeviceAccess(ctx.deps.db, ctx.actor, core);
    return { Effect: verdict.effect, MatchedRules: verdict.matchedRules.map((r) => ({ MobileDeviceAccessRuleId: r.id, Name: r.name })) };
  },
);

const overrideRef = structure({ OrganizationId: OrganizationId(), UserId: EntityIdentifier(), DeviceId: DeviceId() });

/** The user a UserId member names (its id, name or address), then the core reference to its override. */
async function overrideOf(ctx: AwsContext, input: { OrganizationId: string; UserId: string; DeviceId: string }) {
  const user = await entityNamed(ctx, input.OrganizationId, input.UserId, 'UserId', ['USER']);
  return { organizationId: input.OrganizationId, userId: user.id, deviceId: input.DeviceId };
}

/** Creates or replaces the override of a user and device. */
export const PutMobileDeviceAccessOverride = operation(
  structure({ OrganizationId: OrganizationId(), UserId: EntityIdentifier(), DeviceId: DeviceId(), Effect: Effect(), Description: Description().optional() }),
  async (ctx, input) => {
    const ref = await overrideOf(ctx, input);
    await putMobileDeviceAccessOverride(ctx.deps, ctx.actor, parseCore(PutMobileDeviceAccessOverrideInput, { ...ref, effect: input.Effect, description: input.Description }));
    return {};
  },
);

/** No override for the user and device: ResourceNotFoundException. */
export const GetMobileDeviceAccessOverride = operation(overrideRef, async (ctx, input) => {
  const override = await getMobileDeviceAccessOverride(ctx.deps.db, ctx.actor, await overrideOf(ctx, input));
  return workMailOverride(override);
});

/** An override that is not there is no error, as WorkMail documents. */
export const DeleteMobileDeviceAccessOverride = operation(overrideRef, async (ctx, input) => {
  await deleteMobileDeviceAccessOverride(ctx.deps, ctx.actor, await overrideOf(ctx, input));
  return {};
});

export const ListMobileDeviceAccessOverrides = operation(
  structure({ OrganizationId: OrganizationId(), UserId: EntityIdentifier().optional(), DeviceId: DeviceId().optional(), ...page }),
  async (ctx, input) => {
    await requireActive(ctx, input.OrganizationId);
    const userId = input.UserId && (await entityNamed(ctx, input.OrganizationId, input.UserId, 'UserId', ['USER'])).id;
    const tokens = new TokenScope('ListMobileDeviceAccessOverrides', { o: input.OrganizationId, u: userId ?? null, d: input.DeviceId?.toLowerCase() ?? null });
    const core = parseCore(ListMobileDeviceAccessOverridesInput, { organizationId: input.OrganizationId, userId, deviceId: input.DeviceId, ...tokens.page(input) });
    const result = await listMobileDeviceAccessOverrides(ctx.deps.db, ctx.actor, core);
    return compact({ Overrides: result.items.map(workMailOverride), NextToken: tokens.token(result.nextCursor) });
  },
);
