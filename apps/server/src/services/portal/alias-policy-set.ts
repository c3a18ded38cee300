import type { AliasPolicy } from '@mailyard/core/addresses';
import { fail } from '@mailyard/core/errors';
import { storedAliasPolicy, type SetAliasPolicyInput } from '@mailyard/core/portal';
import { inTransaction } from '@mailyard/db';
import { listMailDomains } from '@mailyard/db/queries/mail-domains';
import { updateOrganization } from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';

/**
 * Sets whether users may add their own aliases, on which domains, how many, and matching which pattern. The
 * domains must be the organization's; aliases users already have stay (the limit applies to adding).
 */
export async function setAliasPolicy(deps: Deps, actor: OperatorActor, input: SetAliasPolicyInput): Promise<{ policy: AliasPolicy }> {
  const now = deps.clock();
  const org = await requireActiveOrganization(deps.db, actor, input.organizationId);
  const own = new Set((await listMailDomains(deps.db, org.id)).map((d) => d.domain));
  input.policy.domains.forEach((domain, i) => {
    if (!own.has(domain)) fail('DOMAIN.NOT_FOUND', `The domain ${domain} is not a domain of this organization.`, { field: `policy.domains.${i}`, domain });
  });
  const policy: AliasPolicy = { ...input.policy, domains: [...new Set(input.policy.domains)] };
  await inTransaction(deps.db, async (tx) => {
    await updateOrganization(tx, org.id, { aliasPolicy: policy });
    await recordAudit(
      tx,
      actor,
      {
        action: 'organization.alias_policy_update',
        organizationId: org.id,
        target: { type: 'organization', id: org.id, label: org.alias },
        before: storedAliasPolicy(org.aliasPolicy),
        after: policy,
      },
      now,
    );
  });
  return { policy };
}
