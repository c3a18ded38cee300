import type { MailDomainDetail, MailDomainRef } from '@mailyard/core/mail-domains';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { checkMailDomain } from './check.ts';
import { getMailDomain } from './get.ts';
import { requireMailDomain } from './require.ts';

/** *Verify now*: asks DNS at once instead of waiting for the next scheduled check, and answers what it found. */
export async function verifyMailDomain(deps: Deps, actor: OperatorActor, input: MailDomainRef): Promise<MailDomainDetail> {
  const org = await requireActiveOrganization(deps.db, actor, input.organizationId);
  await requireMailDomain(deps.db, org.id, input.domainName);
  await checkMailDomain(deps, actor, org, input.domainName);
  return getMailDomain(deps, actor, input);
}
