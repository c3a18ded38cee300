import { isDomainUsable } from '@mailyard/core/mail-domains';
import type { AliasPolicy } from '@mailyard/core/addresses';
import { storedAliasPolicy } from '@mailyard/core/portal';
import type { Db } from '@mailyard/db';
import { listMailDomains } from '@mailyard/db/queries/mail-domains';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';

/** The organization's self-service alias policy, with the domains an operator can choose from. */
export async function getAliasPolicy(
  db: Db,
  actor: OperatorActor,
  organizationId: string,
): Promise<{ policy: AliasPolicy; domains: { domain: string; verified: boolean }[] }> {
  const org = await requireOrganization(db, actor, organizationId);
  const domains = await listMailDomains(db, organizationId);
  return {
    policy: storedAliasPolicy(org.aliasPolicy),
    domains: domains.map((d) => ({ domain: d.domain, verified: isDomainUsable(d) })),
  };
}
