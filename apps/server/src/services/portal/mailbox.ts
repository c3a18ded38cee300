import { QUOTA_WARNING_PERCENT, quotaBytes, usageMb, usageState } from '@mailyard/core/mailboxes';
import type { MyMailbox } from '@mailyard/core/portal';
import type { Db } from '@mailyard/db';
import { findLiveMailbox } from '@mailyard/db/queries/mailbox-usage';
import type { UserActor } from '../actor.ts';

/** How full the user's mailbox is; `null` when it has none (yet). */
export async function getMyMailbox(db: Db, actor: UserActor): Promise<MyMailbox | null> {
  const mailbox = await findLiveMailbox(db, actor.organizationId, actor.userId);
  if (!mailbox) return null;
  return {
    quotaMb: mailbox.quotaMb,
    usageBytes: mailbox.usageBytes,
    usageMb: usageMb(mailbox.usageBytes),
    usagePercent: Math.floor((mailbox.usageBytes * 100) / quotaBytes(mailbox.quotaMb)),
    usageState: usageState(mailbox.usageBytes, mailbox.quotaMb),
    warningPercent: QUOTA_WARNING_PERCENT,
    usageReportedAt: mailbox.usageReportedAt,
  };
}
