import { failIf } from '@mailyard/core/errors';
import { quotaChangeRefusal, quotaRefusal, type MailboxView, type UpdateQuotaInput } from '@mailyard/core/mailboxes';
import { inTransaction, type Db } from '@mailyard/db';
import { lockMailbox, setMailboxQuota } from '@mailyard/db/queries/mailbox-usage';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { mailboxTarget, noMailbox, requireMailboxOwner } from './owner.ts';
import { mailboxView } from './get.ts';
import { settleQuotaWarning } from './quota-warning.ts';

/**
 * "Update mailbox quota" (1–51,200 MB) of an enabled user. The 90 % notice is re-evaluated against the new quota: a
 * lower quota can put usage over the line (one notice), a higher one below it (re-armed). The locked mailbox row
 * carries its owner's facts, so the user and the mailbox are each read once.
 */
export async function updateQuota(deps: Deps, actor: OperatorActor, input: UpdateQuotaInput): Promise<MailboxView> {
  failIf(quotaRefusal(input.quotaMb));
  const now = deps.clock();
  return inTransaction(deps.db, async (tx) => {
    const org = await requireActiveOrganization(tx, actor, input.organizationId);
    const mailbox = (await lockMailbox(tx, org.id, input.userId)) ?? (await whyNoMailbox(tx, org.id, input.userId));
    failIf(quotaChangeRefusal(mailbox));
    if (mailbox.quotaMb === input.quotaMb) return mailboxView(mailbox.userId, mailbox);
    await setMailboxQuota(tx, org.id, mailbox.userId, input.quotaMb);
    const changed = { ...mailbox, accountId: org.accountId, quotaMb: input.quotaMb };
    const quotaWarningSentAt = await settleQuotaWarning(tx, changed, now);
    await recordAudit(
      tx,
      actor,
      {
        action: 'mailbox.update_quota',
        organizationId: org.id,
        target: mailboxTarget({ type: 'USER', id: mailbox.userId, name: mailbox.name }),
        before: { quotaMb: mailbox.quotaMb },
        after: { quotaMb: input.quotaMb },
      },
      now,
    );
    return mailboxView(mailbox.userId, { ...changed, quotaWarningSentAt });
  });
}

/** Why a user has no live mailbox to change: no such user, a user not enabled, or none at all. */
async function whyNoMailbox(tx: Db, organizationId: string, userId: string): Promise<never> {
  const owner = await requireMailboxOwner(tx, organizationId, userId, { field: 'userId', usersOnly: true });
  failIf(quotaChangeRefusal(owner));
  return noMailbox(owner.name);
}
