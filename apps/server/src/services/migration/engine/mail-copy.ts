import { emptyMailboxReport, type CredentialRows, type MailboxReport } from '@mailyard/core/migration';
import type { ImapFlow } from 'imapflow';
import { closeImap, imapErrorMessage, openImap, type ImapLogin } from './imap.ts';
import { syncMailbox } from './mailbox-sync.ts';
import { mapConcurrently } from './pool.ts';
import type { Progress } from './progress.ts';

/** Mailboxes copied at once (two IMAP sessions each): servers limit sessions per client address. */
const MAIL_CONCURRENCY = 4;

/** A mailbox to copy: the user, its source address, and its target address (null: no mailbox in the target yet). */
export interface MailUser {
  name: string;
  sourceEmail: string;
  targetEmail: string | null;
}

export interface MailSettings {
  sourceUrl: string;
  /** The source's per-user passwords (by user name or source address; `from` names where, for a user without a row), or its master user. */
  sourceCredentials: { kind: 'passwords'; rows: CredentialRows; from: string } | { kind: 'master'; master: string; pass: string };
  targetUrl: string;
  targetMaster: { master: string; pass: string };
}

function sourceLogin(settings: MailSettings, user: MailUser): ImapLogin | null {
  const c = settings.sourceCredentials;
  if (c.kind === 'master') return { master: c.master, pass: c.pass, as: user.sourceEmail };
  const pass = c.rows.get(user.name.toLowerCase()) ?? c.rows.get(user.sourceEmail.toLowerCase());
  return pass === undefined ? null : { user: user.sourceEmail, pass };
}

/**
 * Plans (`plan`: counts only) or copies (`run`) the mailboxes of `users`, a few at once. A mailbox that cannot be
 * read or written is reported with the reason and the others go on; the progress counts mailboxes while planning
 * and messages (`total` of the plan) while copying.
 */
export async function copyMail(settings: MailSettings, users: MailUser[], mode: 'plan' | 'run', progress: Progress, total = 0): Promise<MailboxReport[]> {
  let done = 0;
  progress.start(mode === 'plan' ? 'Reading mailboxes' : 'Copying mail', mode === 'plan' ? users.length : total);
  const reports = await mapConcurrently(users, MAIL_CONCURRENCY, async (user) => {
    const login = sourceLogin(settings, user);
    if (!login) return { ...emptyMailboxReport(user.name), skipped: `no row in ${settings.sourceCredentials.kind === 'passwords' ? settings.sourceCredentials.from : 'the passwords'}` };
    if (mode === 'run' && !user.targetEmail) return { ...emptyMailboxReport(user.name), skipped: 'no enabled mailbox in the target (see the skipped reasons above)' };
    const report = emptyMailboxReport(user.name);
    let source: ImapFlow | null = null;
    let target: ImapFlow | null = null;
    try {
      source = await openImap(settings.sourceUrl, login);
      target = user.targetEmail ? await openImap(settings.targetUrl, { ...settings.targetMaster, as: user.targetEmail }) : null;
      await syncMailbox(source, target, report, { apply: mode === 'run', onCopied: () => progress.tick(++done) });
    } catch (error) {
      report.error = imapErrorMessage(error);
    } finally {
      await Promise.all([closeImap(source), closeImap(target)]);
      if (mode === 'plan') progress.tick(++done);
    }
    return report;
  });
  progress.finish();
  return reports;
}
