import type { RemoveAliasInput } from '@mailyard/core/addresses';
import { fail, failIf } from '@mailyard/core/errors';
import { canChangeAddresses } from '@mailyard/core/users';
import { inTransaction } from '@mailyard/db';
import { deleteAddress, findAddress } from '@mailyard/db/queries/addresses';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/access.ts';
import { requireUser, userFacts, userTarget } from './access.ts';

/** Removes an alias (WorkMail's DeleteAlias); the address is free for anyone at once. Never the primary. */
export async function removeAlias(deps: Deps, actor: OperatorActor, input: RemoveAliasInput): Promise<void> {
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const user = await requireUser(tx, org.id, input.entityId, { lock: true, field: 'entityId' });
    failIf(canChangeAddresses(userFacts(user)));
    const held = await findAddress(tx, input.address);
    if (!held || held.organizationId !== org.id || held.entityId !== user.id) {
      fail('ADDRESS.NOT_FOUND', `${input.address} is not an address of user "${user.name}".`, { field: 'address' });
    }
    if (held.isPrimary) {
      fail('ADDRESS.IS_PRIMARY', `${input.address} is the primary address of "${user.name}": make another address primary first.`, { field: 'address' });
    }
    await deleteAddress(tx, { organizationId: org.id, entityId: user.id, address: input.address });
    await recordAudit(tx, actor, { action: 'user.alias_remove', organizationId: org.id, target: userTarget(user), before: { alias: input.address } }, now);
  });
}
