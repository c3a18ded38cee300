import { addFolderPlan, copyableFlags, planFolderCopy, targetFolderPath, type MailboxReport, type MessageFacts } from '@mailyard/core/migration';
import type { ImapFlow } from 'imapflow';

/** Bodies fetched per FETCH: enough to keep the source busy, few enough that a killed run wastes little. */
const FETCH_BATCH = 25;

/** Every message of the selected folder, as the copy compares them (no bodies). */
async function folderFacts(client: ImapFlow): Promise<MessageFacts[]> {
  if (!client.mailbox || client.mailbox.exists === 0) return [];
  const rows = await client.fetchAll('1:*', { uid: true, flags: true, internalDate: true, size: true, envelope: true });
  return rows.map((m) => ({
    uid: m.uid,
    messageId: m.envelope?.messageId ?? null,
    size: m.size ?? 0,
    internalDate: Math.floor(new Date(m.internalDate ?? 0).getTime() / 1000),
    flags: [...(m.flags ?? [])],
  }));
}

/**
 * One user's mailbox, folder by folder: what the target lacks is appended with its flags and internal date, and
 * flags changed in the source since the last run are set on the target's copy. With `apply: false` (the plan) it
 * only counts; `target` null counts against an empty mailbox (a user the run has still to create). Never deletes.
 * Counts go into `report` as they happen, so a mailbox stopped half-way reports how far it got.
 */
export async function syncMailbox(
  source: ImapFlow,
  target: ImapFlow | null,
  report: MailboxReport,
  options: { apply: boolean; onCopied: () => void },
): Promise<void> {
  const folders = (await source.list()).filter((f) => !f.flags.has('\\Noselect') && !f.flags.has('\\NonExistent'));
  const targetFolders = target ? await target.list() : [];
  const targetDelimiter = targetFolders.find((f) => f.delimiter)?.delimiter ?? '.';
  const existing = new Set(targetFolders.map((f) => (f.path.toUpperCase() === 'INBOX' ? 'INBOX' : f.path)));

  for (const folder of folders) {
    const path = targetFolderPath(folder.path, folder.delimiter || null, targetDelimiter);
    const sourceLock = await source.getMailboxLock(folder.path, { readOnly: true });
    try {
      const sourceFacts = await folderFacts(source);
      if (!target || (!existing.has(path) && !options.apply)) {
        addFolderPlan(report, planFolderCopy(sourceFacts, []), options.apply ? 'run' : 'plan');
        continue;
      }
      if (!existing.has(path)) {
        await target.mailboxCreate(path);
        existing.add(path);
      }
      const targetLock = await target.getMailboxLock(path, { readOnly: !options.apply });
      try {
        const plan = planFolderCopy(sourceFacts, await folderFacts(target));
        addFolderPlan(report, plan, options.apply ? 'run' : 'plan');
        if (!options.apply) continue;
        for (const update of plan.flagUpdates) await target.messageFlagsSet(String(update.uid), update.flags, { uid: true });
        const byUid = new Map(plan.toCopy.map((m) => [m.uid, m]));
        for (let i = 0; i < plan.toCopy.length; i += FETCH_BATCH) {
          const uids = plan.toCopy.slice(i, i + FETCH_BATCH).map((m) => m.uid);
          // BODY.PEEK: reading the source never marks its messages read.
          for await (const message of source.fetch(uids.join(','), { uid: true, source: true }, { uid: true })) {
            const facts = byUid.get(message.uid);
            if (!facts || !message.source) continue; // expunged since it was listed
            await target.append(path, message.source, copyableFlags(facts.flags), new Date(facts.internalDate * 1000));
            report.copied++;
            report.bytes += message.source.length;
            options.onCopied();
          }
        }
      } finally {
        targetLock.release();
      }
    } finally {
      sourceLock.release();
    }
  }
}
