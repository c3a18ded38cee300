import { describe, expect, it } from 'vitest';
import { copyableFlags, mailLines, planFolderCopy, targetFolderPath, type MessageFacts } from './mail.ts';

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
