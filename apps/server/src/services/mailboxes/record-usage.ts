import type { MailServerUsageReport } from '@mailyard/core/mailboxes';
import { inTransaction } from '@mailyard/db';
import { lockMailboxesByAddress, recordMailboxUsage, type ReportedMailbox } from '@mailyard/db/queries/mailbox-usage';
import type { Deps } from '../../deps.ts';
import { settleQuotaWarning } from './quota-warning.ts';

export interface UsageReportResult {
  /** Mailboxes whose usage was recorded. */
  recorded: number;
  /** Reported addresses that name no live user mailbox (deleted meanwhile, or a group's). */
  unknown: string[];
}

/**
 * Records the sizes a mail server measured, in one transaction, and sends the 90 % notice where usage crossed the
 * line. Reports are measurements, not changes by anyone, so they are not audited; the notices they cause are.
 */
export async function recordUsageReports(deps: Deps, input: MailServerUsageReport): Promise<UsageReportResult> {
  const now = deps.clock();
  // The position of each address's last report: a mailbox named twice (again, or by an alias) takes the latest one.
  const lastIndex = new Map<string, number>();
  input.reports.forEach((r, i) => lastIndex.set(r.address!, i));
  return inTransaction(deps.db, async (tx) => {
    const rows = await lockMailboxesByAddress(tx, [...lastIndex.keys()]);
    const latest = new Map<string, { row: ReportedMailbox; index: number }>();
    for (const row of rows) {
      const index = lastIndex.get(row.address)!;
      const key = `${row.organizationId}/${row.userId}`;
      if ((latest.get(key)?.index ?? -1) < index) latest.set(key, { row, index });
    }
    const changes = [...latest.values()].map(({ row, index }) => ({ ...row, usageBytes: input.reports[index]!.usageBytes }));
    await recordMailboxUsage(tx, changes, now);
    for (const mailbox of changes) await settleQuotaWarning(tx, mailbox, now);
    const found = new Set(rows.map((r) => r.address));
    return { recorded: changes.length, unknown: [...lastIndex.keys()].filter((a) => !found.has(a)) };
  });
}
