import { z } from 'zod';
import { emailAddressSchema } from '../addresses/address.ts';
import { entityId } from '../entities/ids.ts';
import { organizationId } from '../organizations/schemas.ts';
import { quotaSchema } from './quota.ts';

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
