import type { AccessKeySummary, SetAccessKeyStatusInput } from '@mailyard/core/access-keys';
import { inTransaction } from '@mailyard/db';
import { updateAccessKeyStatus } from '@mailyard/db/queries/access-keys';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireConsoleSession } from '../auth/console-session.ts';
import { KEYS_NEED_CONSOLE, requireAccessKey } from './require.ts';

/** Deactivates (every request signed with the key is refused from now on) or reactivates a key. */
export async function setAccessKeyStatus(deps: Deps, actor: OperatorActor, input: SetAccessKeyStatusInput): Promise<AccessKeySummary> {
  requireConsoleSession(actor, KEYS_NEED_CONSOLE);
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const key = await requireAccessKey(tx, actor, input.accessKeyId);
    if (key.status === input.status) return key;
    await updateAccessKeyStatus(tx, actor.accountId, key.accessKeyId, input.status);
    await recordAudit(
      tx,
      actor,
      {
        action: input.status === 'Active' ? 'access_key.activate' : 'access_key.deactivate',
        target: { type: 'access_key', id: key.accessKeyId, label: key.description || key.accessKeyId },
        before: { status: key.status },
        after: { status: input.status },
      },
      now,
    );
    return { ...key, status: input.status };
  });
}
