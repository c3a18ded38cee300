import { RECOVERY_CODE_MINUTES, RESET_LINK_MINUTES } from './rules.ts';

/** The words of the portal's notices; the server only fills them in and hands them to the mailer. */
export interface NoticeText {
  subject: string;
  body: string;
  /** What in the text gives access (a code, a link): removed from the outbox once the notice is delivered. */
  secret?: string;
}

interface Account {
  displayName: string;
  /** The account's primary address, so the reader knows which account is meant. */
  address: string;
}

export function recoveryCodeNotice(m: Account & { code: string }): NoticeText {
  return {
    secret: m.code,
    subject: `Your verification code: ${m.code}`,
    body: [
      `Hello ${m.displayName},`,
      '',
      `Enter this code in your account page to use this address to recover the account ${m.address}:`,
      '',
      `    ${m.code}`,
      '',
      `The code works for ${RECOVERY_CODE_MINUTES} minutes.`,
      'If you did not ask for it, ignore this message: nothing changes without the code.',
      '',
    ].join('\n'),
  };
}

export function resetLinkNotice(m: Account & { url: string }): NoticeText {
  return {
    secret: m.url,
    subject: 'Reset your password',
    body: [
      `Hello ${m.displayName},`,
      '',
      `Someone asked to reset the password of ${m.address}. To choose a new password, open this link:`,
      '',
      m.url,
      '',
      `The link works once, for ${RESET_LINK_MINUTES} minutes. Choosing a new password signs you out everywhere.`,
      'If you did not ask for it, ignore this message: your password stays as it is.',
      '',
    ].join('\n'),
  };
}

/** Sent to the former recovery address, so a takeover of the account cannot quietly redirect recovery. */
export function recoveryChangedNotice(m: Account & { newAddress: string | null }): NoticeText {
  return {
    subject: m.newAddress ? 'Your recovery address was changed' : 'Your recovery address was removed',
    body: [
      `Hello ${m.displayName},`,
      '',
      m.newAddress
        ? `The recovery address of ${m.address} is now ${m.newAddress}; this address will no longer receive password-reset links.`
        : `The account ${m.address} no longer has a recovery address; this address will no longer receive password-reset links.`,
      'If you did not make this change, contact your mail administrator at once.',
      '',
    ].join('\n'),
  };
}
