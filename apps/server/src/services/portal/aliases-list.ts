import { isDomainUsable } from '@mailyard/core/mail-domains';
import { MAX_ALIASES_PER_ENTITY, type AliasPolicy } from '@mailyard/core/addresses';
import { fail } from '@mailyard/core/errors';
import { storedAliasPolicy, type MyAddresses } from '@mailyard/core/portal';
import type { Db } from '@mailyard/db';
import { listEntityAddresses } from '@mailyard/db/queries/addresses';
import { listMailDomains } from '@mailyard/db/queries/mail-domains';
import { findOrganization } from '@mailyard/db/queries/organizations';
import type { UserActor } from '../actor.ts';

/** The organization's policy and the domains it lets users choose (verified domains only). */
export async function selfServiceAliasRules(db: Db, actor: UserActor): Promise<{ policy: AliasPolicy; domains: string[] }> {
  const org = await findOrganization(db, actor.accountId, actor.organizationId);
  if (!org) fail('AUTH.REQUIRED', 'Sign in to continue.');
  const policy = storedAliasPolicy(org.aliasPolicy);
  const verified = (await listMailDomains(db, actor.organizationId)).filter(isDomainUsable).map((d) => d.domain);
  return { policy, domains: verified };
}

/** The user's addresses and what the policy lets them add. */
export async function listMyAddresses(db: Db, actor: UserActor): Promise<MyAddresses> {
  const [rows, { policy, domains }] = await Promise.all([
    listEntityAddresses(db, { organizationId: actor.organizationId, entityId: actor.userId }),
    selfServiceAliasRules(db, actor),
  ]);
  const aliases = rows.filter((r) => !r.isPrimary).map(({ address, origin, createdAt }) => ({ address, origin, createdAt }));
  const limit = Math.min(policy.maxPerUser, MAX_ALIASES_PER_ENTITY);
  return {
    primary: rows.find((r) => r.isPrimary)?.address ?? null,
    aliases,
    policy: {
      allowed: policy.allowed,
      domains: policy.domains.length === 0 ? domains : domains.filter((d) => policy.domains.includes(d)),
      maxPerUser: limit,
      localPartPattern: policy.localPartPattern,
      remaining: policy.allowed ? Math.max(0, limit - aliases.length) : 0,
    },
  };
}
