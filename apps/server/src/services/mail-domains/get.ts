import type { MailDomainDetail, MailDomainRef } from '@mailyard/core/mail-domains';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { recordsOf } from './records.ts';
import { requireMailDomain } from './require.ts';

/** One of the organization's domains with the records to publish and the last check; another organization's is "not found". */
export async function getMailDomain(deps: Deps, actor: OperatorActor, input: MailDomainRef): Promise<MailDomainDetail> {
  const org = await requireActiveOrganization(deps.db, actor, input.organizationId);
  const domain = await requireMailDomain(deps.db, org.id, input.domainName);
  return { ...domain, records: await recordsOf(deps.db, deps.config, org.id, domain) };
}
