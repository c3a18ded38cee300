import { fail } from '@mailyard/core/errors';
import { displayDomain, MAX_DOMAINS_PER_ORGANIZATION, testSuffixProblem, type RegisterMailDomainInput } from '@mailyard/core/mail-domains';
import { inTransaction, violatedUniqueConstraint, type Db } from '@mailyard/db';
import {
  countMailDomains,
  findMailDomain,
  findMailDomainByClientToken,
  findVerifiedDomainOwner,
  insertMailDomain,
} from '@mailyard/db/queries/mail-domains';
import { lockOrganizationLimits } from '@mailyard/db/queries/organizations';
import type { Deps } from '../../deps.ts';
import { addMs } from '../../platform/clock.ts';
import { randomHex } from '../../platform/tokens.ts';
import type { Actor, OperatorActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireActiveOrganization } from '../organizations/require.ts';
import { checkMailDomain } from './check.ts';
import { newDkimKeyPair, storeDkimKey, type DkimKeyPair } from './dkim-key.ts';

/** The test suffix is the installation's, known from its configuration: the one name rule core cannot apply alone. */
export function refuseTestSuffix(deps: Deps, domain: string, field: string): void {
  const problem = testSuffixProblem(domain, deps.config.MAILYARD_TEST_DOMAIN_SUFFIX);
  if (problem) fail('VALIDATION', problem, { field });
}

/** A domain proven by another organization is refused, naming no one (an operator must not learn other tenants' domains). */
export async function refuseProvenElsewhere(tx: Db, organizationId: string | null, domain: string, field: string): Promise<void> {
  const owner = await findVerifiedDomainOwner(tx, domain);
  if (owner && owner !== organizationId) fail('DOMAIN.IN_USE', `The domain ${displayDomain(domain)} is already in use by another organization.`, { field, domain });
}

/**
 * Adds a domain to the organization, pending proof of ownership, with its ownership token and first DKIM key, in
 * the caller's transaction. Another organization may hold a claim pending proof too — whoever publishes their token
 * first proves it — but a domain already proven elsewhere is refused without saying by whom.
 */
export async function addMailDomain(
  deps: Deps,
  tx: Db,
  actor: Actor,
  org: { id: string; accountId: string },
  domain: string,
  pair: DkimKeyPair,
  options: { clientToken?: string | undefined; field: string },
): Promise<void> {
  const shown = displayDomain(domain);
  // Locked before counting, so requests racing to add domains cannot together pass the limit.
  await lockOrganizationLimits(tx, org.id);
  const [own, count] = await Promise.all([findMailDomain(tx, org.id, domain), countMailDomains(tx, org.id)]);
  if (own) fail('DOMAIN.IN_USE', `The domain ${shown} is already a domain of this organization.`, { field: options.field, domain });
  await refuseProvenElsewhere(tx, org.id, domain, options.field);
  if (count >= MAX_DOMAINS_PER_ORGANIZATION) {
    fail('DOMAIN.LIMIT_REACHED', `An organization can have at most ${MAX_DOMAINS_PER_ORGANIZATION} domains.`, { limit: MAX_DOMAINS_PER_ORGANIZATION });
  }
  const now = deps.clock();
  const inserted = await insertMailDomain(tx, {
    organizationId: org.id,
    domain,
    isTestDomain: false,
    isDefault: false,
    ownershipStatus: 'PENDING',
    dkimStatus: 'PENDING',
    ownershipToken: randomHex(16),
    verifiedAt: null,
    nextCheckAt: addMs(now, deps.config.MAILYARD_DOMAIN_CHECK_SECONDS * 1000),
    clientToken: options.clientToken ?? null,
    createdAt: now,
  });
  // A racing request of the same organization added it first.
  if (!inserted) fail('DOMAIN.IN_USE', `The domain ${shown} is already a domain of this organization.`, { field: options.field, domain });
  const selector = await storeDkimKey(deps, tx, { organizationId: org.id, domain }, pair, 'active');
  await recordAudit(
    tx,
    actor,
    {
      action: 'domain.register',
      accountId: org.accountId,
      organizationId: org.id,
      target: { type: 'domain', id: domain, label: shown },
      after: { domain, ownershipStatus: 'PENDING', dkimStatus: 'PENDING', dkimSelector: selector },
    },
    now,
  );
}

/**
 * RegisterMailDomain: adds the domain, then asks DNS at once (records published beforehand verify it right away).
 * A retried request with the same client token succeeds without a second registration.
 */
export async function registerMailDomain(deps: Deps, actor: OperatorActor, input: RegisterMailDomainInput): Promise<{ domain: string }> {
  const domain = input.domainName;
  refuseTestSuffix(deps, domain, 'domainName');
  const pair = await newDkimKeyPair();
  const register = () =>
    inTransaction(deps.db, async (tx) => {
      const org = await requireActiveOrganization(tx, actor, input.organizationId);
      if (input.clientToken) {
        const earlier = await findMailDomainByClientToken(tx, org.id, input.clientToken);
        if (earlier === domain) return null;
        if (earlier) fail('VALIDATION', 'This client token was already used to add a different domain.', { field: 'clientToken' });
      }
      await addMailDomain(deps, tx, actor, org, domain, pair, { clientToken: input.clientToken, field: 'domainName' });
      return org;
    });
  let org;
  try {
    org = await register();
  } catch (error) {
    // The same token raced itself: the retry answers as a replay.
    if (violatedUniqueConstraint(error) !== 'mail_domains_client_token_key') throw error;
    org = await register();
  }
  if (org) await checkMailDomain(deps, actor, org, domain);
  return { domain };
}
