import { fail } from '@mailyard/core/errors';
import type { Db } from '@mailyard/db';
import { findMailDomain, type MailDomainSummary } from '@mailyard/db/queries/mail-domains';
import type { OperatorActor } from '../actor.ts';
import { requireActiveOrganization } from '../organizations/access.ts';

/** One of the organization's mail domains; a domain of another organization is "not found" too. */
export async function getMailDomain(db: Db, actor: OperatorActor, input: { organizationId: string; domain: string }): Promise<MailDomainSummary> {
  const org = await requireActiveOrganization(db, actor, input.organizationId);
  const domain = await findMailDomain(db, org.id, input.domain);
  if (!domain) fail('DOMAIN.NOT_FOUND', `The domain ${input.domain.toLowerCase()} is not a domain of this organization.`, { field: 'domain', domain: input.domain });
  return domain;
}
