import { BYTES_PER_MB, QUOTA_WARNING_PERCENT, quotaBytes } from './quota.ts';

const mb = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** The words of the 90 % notice a user receives ("WorkMail notifies users when they reach 90 percent of their quota"). */
export function quotaWarningNotice(m: { displayName: string; address: string; usageBytes: number; quotaMb: number }): {
  subject: string;
  body: string;
} {
  const percent = Math.floor((m.usageBytes * 100) / quotaBytes(m.quotaMb));
  return {
    subject: `Your mailbox is ${percent >= 100 ? 'full' : 'almost full'}`,
    body: [
      `Hello ${m.displayName},`,
      '',
      `Your mailbox ${m.address} uses ${mb(m.usageBytes / BYTES_PER_MB)} of its ${mb(m.quotaMb)} quota (${percent} %).`,
      `You are told once when it passes ${QUOTA_WARNING_PERCENT} %. When it is full, new mail to you is refused.`,
      'Delete messages you no longer need, or ask your mail administrator for a larger quota.',
      '',
    ].join('\n'),
  };
}
