import type { Page } from '@mailyard/core/pagination';
import { z } from 'zod';
import type { Db } from '@mailyard/db';
import type { MailDomainSummary } from '@mailyard/core/mail-domains';
import { listMailDomainsPage } from '@mailyard/db/queries/mail-domains';
import type { OperatorActor } from '../actor.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { cursorKey, pageOf } from '../page.ts';
import { text } from '@mailyard/core/text';

/** The organization's mail domains in name order, a page at a time. */
export async function listMailDomains(
  db: Db,
  actor: OperatorActor,
  input: { organizationId: string; cursor?: string | undefined; limit: number },
): Promise<Page<MailDomainSummary>> {
  const org = await requireActiveOrganization(db, actor, input.organizationId);
  const scope = `mail-domains:${org.id}`;
  const after = cursorKey(scope, input.cursor, z.tuple([text()]));
  const rows = await listMailDomainsPage(db, { organizationId: org.id, after: after?.[0] ?? null, limit: input.limit + 1 });
  return pageOf(rows, input.limit, scope, (d) => [d.domain]);
}
