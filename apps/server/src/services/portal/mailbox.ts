import { QUOTA_WARNING_PERCENT, quotaBytes, usageMb, usageState, type UsageState } from '@mailyard/core/mailboxes';
import type { Db } from '@mailyard/db';
import { findLiveMailbox } from '@mailyard/db/queries/mailbox-usage';
import type { UserActor } from '../actor.ts';

export interface MyMailbox {
  quotaMb: number;
  usageBytes: number;
  usageMb: number;
  /** Whole percent of the quota in use (may exceed 100 when the quota was lowered below the usage). */
  usagePercent: number;
  /** `warning` from 90 %, `full` at the quota. */
  usageState: UsageState;
  warningPercent: number;
  usageReportedAt: Date | null;
}

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
