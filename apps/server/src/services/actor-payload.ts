import { z } from 'zod';
import { text } from '@mailyard/core/text';

/**
 * The operator a job acts for, as its payload carries them: the job's changes are made (and audited) as theirs, with
 * the reach and rights of the credential they used.
 */
export const OperatorActorPayload = z.object({
  type: z.literal('operator'),
  operatorId: text(),
  accountId: text(),
  label: text(),
  via: text(),
  readOnly: z.boolean(),
  organizationIds: z.array(text()).nullable(),
});
