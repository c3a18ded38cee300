import { z } from 'zod';
import { emailAddressSchema } from '../addresses/address.ts';
import { entityId } from '../entities/ids.ts';
import { organizationId } from '../organizations/ids.ts';
import { quotaSchema, type UsageState } from './quota.ts';

export const UpdateQuotaInput = z.object({ organizationId, userId: entityId, quotaMb: quotaSchema });
export type UpdateQuotaInput = z.infer<typeof UpdateQuotaInput>;

/**
 * What the mail server reports for one mailbox: its size now. It names the mailbox by any of its addresses or by
 * the user id, exactly one of the two.
 */
export const UsageReportInput = z
  .object({
    address: emailAddressSchema.optional(),
    userId: entityId.optional(),
    usageBytes: z
      .number()
      .int('Usage must be a whole number of bytes.')
      .min(0, 'Usage cannot be negative.')
      .max(Number.MAX_SAFE_INTEGER, 'Usage is too large.'),
  })
  .refine((r) => (r.address === undefined) !== (r.userId === undefined), {
    message: 'Name the mailbox by address or by userId (exactly one).',
    path: ['address'],
  });
export type UsageReportInput = z.infer<typeof UsageReportInput>;

/** A mail server reports many mailboxes per request (a `doveadm quota get -A` run), at most this many. */
export const MAX_USAGE_REPORTS = 1000;

/**
 * The body of the mail server's usage report. Mail servers know mailboxes by address (the Dovecot user name), and an
 * address finds its mailbox through the one global address table; a bare user id would need the organization too.
 */
export const MailServerUsageReport = z.object({
  reports: z
    .array(
      UsageReportInput.refine((r) => r.address !== undefined, {
        message: 'Name the mailbox by its address.',
        path: ['address'],
      }),
    )
    .min(1, 'Send at least one report.')
    .max(MAX_USAGE_REPORTS, `Send at most ${MAX_USAGE_REPORTS} reports per request.`),
});
export type MailServerUsageReport = z.infer<typeof MailServerUsageReport>;

/** The Quota tab: the quota, the last reported usage and what the usage bar shows. */
export interface MailboxView {
  userId: string;
  quotaMb: number;
  usageBytes: number;
  usageMb: number;
  usageState: UsageState;
  usageReportedAt: Date | null;
  /** When the 90 % notice went out for the current crossing; `null` while usage is below the line. */
  quotaWarningSentAt: Date | null;
  /** A disabled user's mailbox is deleted then; `null` while the user is enabled. */
  deletionDueAt: Date | null;
}

/** A mail server's request for the key that opens a mailbox's encrypted mail: the mailbox by its primary address. */
export const MailboxKeyInput = z.object({ mailbox: emailAddressSchema });
export type MailboxKeyInput = z.infer<typeof MailboxKeyInput>;
