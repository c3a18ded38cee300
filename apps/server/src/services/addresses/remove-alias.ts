import type { RemoveAliasInput } from '@mailyard/core/addresses';
import type { MemberType } from '@mailyard/core/entities';
import { fail, failIf } from '@mailyard/core/errors';
import { inTransaction, type Db } from '@mailyard/db';
import { deleteAddress, findAddress, type AddressRow } from '@mailyard/db/queries/addresses';
import type { Deps } from '../../deps.ts';
import type { Actor, OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { aliasChangeRefusal, requireAddressHolder, type AddressHolder } from './holder.ts';

/** The address if the holder holds it; another entity's address is never named. */
export async function heldBy(tx: Db, holder: AddressHolder, address: string): Promise<AddressRow | null> {
  const held = await findAddress(tx, address);
  return held && held.organizationId === holder.organizationId && held.entityId === holder.id ? held : null;
}

/** Frees one of the holder's aliases, in the caller's transaction, and records it: anyone may take it at once. */
export async function takeAlias(tx: Db, actor: Actor, holder: AddressHolder, address: string, now: Date): Promise<void> {
  const { organizationId } = holder;
  await deleteAddress(tx, { organizationId, entityId: holder.id, address });
  await recordAudit(tx, actor, { action: `${holder.target.type}.alias_remove`, organizationId, target: holder.target, before: { alias: address } }, now);
}

/** Removes an alias of a user or group (WorkMail's DeleteAlias). Never the primary. */
export async function removeAlias(deps: Deps, actor: OperatorActor, input: RemoveAliasInput, kinds: readonly MemberType[]): Promise<void> {
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const holder = await requireAddressHolder(tx, org.id, input.entityId, { kinds, lock: true });
    failIf(aliasChangeRefusal(holder));
    const held = await heldBy(tx, holder, input.address);
    if (!held) fail('ADDRESS.NOT_FOUND', `${input.address} is not an address of ${holder.target.type} "${holder.name}".`, { field: 'address' });
    if (held.isPrimary) {
      fail('ADDRESS.IS_PRIMARY', `${input.address} is the primary address of "${holder.name}": make another address primary first.`, { field: 'address' });
    }
    await takeAlias(tx, actor, holder, input.address, now);
  });
}
