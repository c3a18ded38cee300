import { quotaSchema } from '@mailyard/core/mailboxes';
import { z } from 'zod';
import { getMailbox } from '../../services/mailboxes/get.ts';
import { updateQuota } from '../../services/mailboxes/update-quota.ts';
import { entityNamed } from '../entities.ts';
import { EntityIdentifier, integer, OrganizationId, structure } from '../model.ts';
import { operation } from '../operation.ts';
import { parseCore } from '../validation.ts';

/** Quota and size in MB, as WorkMail reports them (the size as the mail server last reported it). */
export const GetMailboxDetails = operation(structure({ OrganizationId: OrganizationId(), UserId: EntityIdentifier() }), async (ctx, input) => {
  const user = await entityNamed(ctx, input.OrganizationId, input.UserId, 'UserId', ['USER']);
  const mailbox = await getMailbox(ctx.deps.db, ctx.actor, { organizationId: input.OrganizationId, userId: user.id });
  return { MailboxQuota: mailbox.quotaMb, MailboxSize: mailbox.usageMb };
});

/** The model sets no maximum; Mailyard's quota rule does (1–51,200 MB), answered as InvalidParameterException. */
export const UpdateMailboxQuota = operation(
  structure({ OrganizationId: OrganizationId(), UserId: EntityIdentifier(), MailboxQuota: integer({ min: 1 }) }),
  async (ctx, input) => {
    const { quotaMb } = parseCore(z.object({ quotaMb: quotaSchema }), { quotaMb: input.MailboxQuota }, { quotaMb: 'MailboxQuota' });
    const user = await entityNamed(ctx, input.OrganizationId, input.UserId, 'UserId', ['USER']);
    await updateQuota(ctx.deps, ctx.actor, { organizationId: input.OrganizationId, userId: user.id, quotaMb });
    return {};
  },
);
