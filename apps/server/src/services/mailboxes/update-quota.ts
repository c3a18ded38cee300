import { failIf } from '@mailyard/core/errors';
import { quotaChangeRefusal, quotaRefusal, type MailboxView, type UpdateQuotaInput } from '@mailyard/core/mailboxes';
import { inTransaction } from '@mailyard/db';
import { lockMailbox, setMailboxQuota } from '@mailyard/db/queries/mailbox-usage';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/access.ts';
import { mailboxTarget, noMailbox, requireMailboxOwner } from './owner.ts';
import { getMailbox } from './get.ts';
import { settleQuotaWarning } from './quota-warning.ts';

/**
 * "Update mailbox quota" (1–51,200 MB) of an enabled user. The 90 % notice is re-evaluated against the new quota: a
 * lower quota can put usage over the line (one notice), a higher one below it (re-armed).
 */
export async function updateQuota(deps: Deps, actor: OperatorActor, input: UpdateQuotaInput): Promise<MailboxView> {
  failIf(quotaRefusal(input.quotaMb));
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const owner = await requireMailboxOwner(tx, org.id, input.userId, { field: 'userId', usersOnly: true });
    failIf(quotaChangeRefusal(owner));
    const mailbox = (await lockMailbox(tx, org.id, owner.id)) ?? noMailbox(owner.name);
    if (mailbox.quotaMb !== input.quotaMb) {
      await setMailboxQuota(tx, org.id, owner.id, input.quotaMb);
      await settleQuotaWarning(deps, tx, { ...mailbox, accountId: org.accountId, quotaMb: input.quotaMb }, now);
      await recordAudit(
        tx,
        actor,
        {
          action: 'mailbox.update_quota',
          organizationId: org.id,
          target: mailboxTarget(owner),
          before: { quotaMb: mailbox.quotaMb },
          after: { quotaMb: input.quotaMb },
        },
        now,
      );
    }
    return getMailbox(tx, actor, input);
  });
}
