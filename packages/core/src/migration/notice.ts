import type { NoticeText } from '../portal/notices.ts';

/** How long the reset link of a migrated user works: the move is announced days ahead, not minutes. */
export const MIGRATION_RESET_LINK_HOURS = 72;

/** The mail a migrated user's recovery address gets: where the mailbox is now, and the link to choose a password. */
export function migratedAccountNotice(m: { displayName: string; address: string; url: string }): NoticeText {
  return {
    secret: m.url,
    subject: 'Choose a password for your moved mailbox',
    body: [
      `Hello ${m.displayName},`,
      '',
      `Your mailbox ${m.address} has moved to a new mail service. Passwords could not move with it, so choose one with this link:`,
      '',
      m.url,
      '',
      `The link works once, for ${MIGRATION_RESET_LINK_HOURS} hours. Until you use it, you cannot sign in; your mail keeps arriving.`,
      'If you do not know why you got this message, ignore it.',
      '',
    ].join('\n'),
  };
}
