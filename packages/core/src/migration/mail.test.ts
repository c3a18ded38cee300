import { describe, expect, it } from 'vitest';
import { copyableFlags, mailLines, mailSentence, mailVerification, mailVerificationLines, planFolderCopy, targetFolderPath, type MessageFacts } from './mail.ts';

const msg = (uid: number, messageId: string | null, flags: string[] = [], size = 100, internalDate = 1_700_000_000): MessageFacts => ({ uid, messageId, size, internalDate, flags });

describe('planFolderCopy', () => {
  it('copies what the target lacks, by Message-ID and size, and nothing it holds', () => {
    const plan = planFolderCopy([msg(1, '<a@x>'), msg(2, '<b@x>'), msg(3, '<c@x>', [], 200)], [msg(7, '<A@x>'), msg(8, '<c@x>', [], 201)]);
    expect(plan.toCopy.map((m) => m.uid)).toEqual([2, 3]);
    expect(plan.present).toBe(1);
  });

  it('counts twins: a message twice in the source arrives twice, once', () => {
    const twice = [msg(1, '<a@x>'), msg(2, '<a@x>')];
    expect(planFolderCopy(twice, []).toCopy).toHaveLength(2);
    expect(planFolderCopy(twice, [msg(5, '<a@x>')]).toCopy.map((m) => m.uid)).toEqual([2]);
    expect(planFolderCopy(twice, [msg(5, '<a@x>'), msg(6, '<a@x>')]).toCopy).toEqual([]);
  });

  it('matches a message without a Message-ID by internal date and size', () => {
    expect(planFolderCopy([msg(1, null, [], 10, 5)], [msg(9, null, [], 10, 5)]).toCopy).toEqual([]);
    expect(planFolderCopy([msg(1, null, [], 10, 5)], [msg(9, null, [], 10, 6)]).toCopy).toHaveLength(1);
  });

  it("sets the target's flags to the source's when they differ, never \\Recent", () => {
    const plan = planFolderCopy([msg(1, '<a@x>', ['\\Seen', '\\Flagged']), msg(2, '<b@x>', ['\\Seen'])], [msg(4, '<a@x>', ['\\Seen']), msg(5, '<b@x>', ['\\Recent', '\\Seen'])]);
    expect(plan.flagUpdates).toEqual([{ uid: 4, flags: ['\\Flagged', '\\Seen'] }]);
    expect(copyableFlags(['\\Recent', '$Forwarded', '$Forwarded'])).toEqual(['$Forwarded']);
  });
});

describe('targetFolderPath', () => {
  it('keeps names and nesting in the target hierarchy; the inbox is INBOX', () => {
    expect(targetFolderPath('Archive/2025', '/', '.')).toBe('Archive.2025');
    expect(targetFolderPath('Inbox', '/', '.')).toBe('INBOX');
    expect(targetFolderPath('Inbox/Receipts', '/', '.')).toBe('INBOX.Receipts');
    expect(targetFolderPath('v1.2 notes/x', '/', '.')).toBe('v1_2 notes.x');
  });
});

describe('mailLines', () => {
  it('prints totals, the mailboxes left out and failed with their reasons, and each mailbox with work', () => {
    const base = { folders: 2, messages: 10, present: 4, copied: 6, flagsUpdated: 1, bytes: 3 * 1024 * 1024, skipped: null, error: null };
    const lines = mailLines(
      [
        { user: 'ann', ...base },
        { user: 'bob', ...base, copied: 0, flagsUpdated: 0 },
        { user: 'cy', ...base, skipped: 'no row in --source-imap-passwords' },
        { user: 'di', ...base, error: 'sign-in refused' },
      ],
      'plan',
    );
    expect(lines[0]).toBe('Mail (IMAP): 2 mailboxes, 4 folders, 20 messages in the source; 8 already in the target, 6 to copy (6.0 MiB), 1 with flags to update.');
    expect(lines).toContain('    cy: no row in --source-imap-passwords');
    expect(lines).toContain('    di: sign-in refused');
    expect(lines.filter((l) => l.includes(' folders ')).map((l) => l.trim().split(' ')[0])).toEqual(['ann']);
  });
});

describe('mail verification', () => {
  const row = (user: string, over: { copied?: number; skipped?: string; error?: string } = {}) => ({
    user,
    folders: 1,
    messages: 5,
    present: 5 - (over.copied ?? 0),
    flagsUpdated: 0,
    bytes: 0,
    copied: over.copied ?? 0,
    skipped: over.skipped ?? null,
    error: over.error ?? null,
  });

  it('says every source message is in the target only when every mailbox was verified', () => {
    expect(mailVerification([row('ann'), row('bob')])).toEqual({ remaining: 0, unverified: [] });
    expect(mailVerificationLines([row('ann'), row('bob')])[1]).toBe('  Every source message is in the target (same Message-ID and size).');

    const partly = [row('ann'), row('bob', { error: 'sign-in refused' }), row('cy', { skipped: 'no row in --source-imap-passwords' })];
    expect(mailVerification(partly)).toEqual({ remaining: 0, unverified: ['bob', 'cy'] });
    expect(mailVerificationLines(partly)).toEqual([
      '  messages                     5 →       5',
      '  Every message of the 1 mailboxes verified is in the target (same Message-ID and size); 2 not verified.',
      '  mailbox bob not verified: sign-in refused',
      '  mailbox cy not verified: no row in --source-imap-passwords',
    ]);
    expect(mailVerification([row('ann', { copied: 2 }), row('bob', { copied: 1, error: 'x' })])).toEqual({ remaining: 2, unverified: ['bob'] });
  });

  it('says in a sentence for the console what a plan or a run holds, naming the mailboxes left out or failed', () => {
    expect(mailSentence([row('ann', { copied: 2 }), row('bob')], 'plan')).toBe('Mail: 2 mailboxes, 10 messages in WorkMail, 2 to copy.');
    expect(mailSentence([row('ann', { copied: 1 })], 'run')).toBe('Mail: 1 mailbox, 5 messages in WorkMail, 1 copied.');
    const failing = ['a', 'b', 'c', 'd'].map((u) => row(u, { error: 'sign-in refused' }));
    expect(mailSentence([row('ann'), ...failing], 'run')).toBe(
      'Mail: 1 mailbox, 5 messages in WorkMail, 0 copied. 4 mailboxes left out or failed (a: sign-in refused; b: sign-in refused; c: sign-in refused; …).',
    );
    expect(mailSentence([row('cy', { skipped: 'no row in --source-imap-passwords' })], 'plan')).toBe(
      'Mail: 0 mailboxes, 0 messages in WorkMail, 0 to copy. 1 mailbox left out or failed (cy: no row in --source-imap-passwords).',
    );
  });
});
