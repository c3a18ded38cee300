import type { MobileDeviceAccessOverride, PutMobileDeviceAccessOverrideInput } from '@mailyard/core/mobile-access';
import { inTransaction } from '@mailyard/db';
import { findMobileDeviceAccessOverride, upsertMobileDeviceAccessOverride } from '@mailyard/db/queries/mobile-access';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { overrideFrame } from './overrides.ts';

/**
 * Allows or denies one device of one user whatever the rules say (WorkMail's PutMobileDeviceAccessOverride): creates
 * the override, or replaces its effect and description. The device need not have synced yet; its next sync obeys it.
 */
export async function putMobileDeviceAccessOverride(deps: Deps, actor: OperatorActor, input: PutMobileDeviceAccessOverrideInput): Promise<MobileDeviceAccessOverride> {
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const { key, audit } = await overrideFrame(tx, actor, input, { liveUser: true });
    const fields = { effect: input.effect, description: input.description };
    const before = await upsertMobileDeviceAccessOverride(tx, key, fields, now);
    const facts = (o: { effect: string; description: string | null }) => ({ deviceId: key.deviceId, effect: o.effect, description: o.description });
    await recordAudit(tx, actor, { ...audit, action: 'mobile_access.override_put', ...(before ? { before: facts(before) } : {}), after: facts(fields) }, now);
    return (await findMobileDeviceAccessOverride(tx, key))!;
  });
}
