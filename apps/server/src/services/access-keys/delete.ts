import type { AccessKeyRef } from '@mailyard/core/access-keys';
import { inTransaction } from '@mailyard/db';
import { deleteAccessKey as deleteKey } from '@mailyard/db/queries/access-keys';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireConsoleSession } from '../auth/console-session.ts';
import { KEYS_NEED_CONSOLE, requireAccessKey } from './require.ts';

export async function deleteAccessKey(deps: Deps, actor: OperatorActor, input: AccessKeyRef): Promise<void> {
  requireConsoleSession(actor, KEYS_NEED_CONSOLE);
  const now = deps.clock();
  await inTransaction(deps.db, async (tx) => {
    const key = await requireAccessKey(tx, actor, input.accessKeyId);
    await deleteKey(tx, actor.accountId, key.accessKeyId);
    await recordAudit(
      tx,
      actor,
      {
        action: 'access_key.delete',
        target: { type: 'access_key', id: key.accessKeyId, label: key.description || key.accessKeyId },
        before: { accessKeyId: key.accessKeyId, description: key.description, status: key.status },
      },
      now,
    );
  });
}
