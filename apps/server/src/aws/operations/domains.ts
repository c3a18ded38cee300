import { isDomainError } from '@mailyard/core/errors';
import { MailDomainRef, RegisterMailDomainInput } from '@mailyard/core/mail-domains';
import { deregisterMailDomain } from '../../services/mail-domains/deregister.ts';
import { getMailDomain } from '../../services/mail-domains/get.ts';
import { listMailDomains } from '../../services/mail-domains/list.ts';
import { registerMailDomain } from '../../services/mail-domains/register.ts';
import { setDefaultDomain } from '../../services/mail-domains/set-default.ts';
import { operation } from '../operation.ts';
import { compact } from '../protocol.ts';
import { TokenScope } from '../pagination.ts';
import { IdempotencyClientToken, OrganizationId, page, structure, WorkMailDomainName } from '../model.ts';
import { coreFields, parseCore } from '../validation.ts';

const domainRef = structure({ OrganizationId: OrganizationId(), DomainName: WorkMailDomainName() });

export const RegisterMailDomain = operation(
  structure({ ClientToken: IdempotencyClientToken().optional(), OrganizationId: OrganizationId(), DomainName: WorkMailDomainName() }),
  async ({ deps, actor }, input) => {
    await registerMailDomain(deps, actor, parseCore(RegisterMailDomainInput, coreFields(input)));
    return {};
  },
);

export const ListMailDomains = operation(structure({ OrganizationId: OrganizationId(), ...page }), async ({ deps, actor }, input) => {
  const tokens = new TokenScope('ListMailDomains', { o: input.OrganizationId });
  const result = await listMailDomains(deps.db, actor, { organizationId: input.OrganizationId, ...tokens.page(input) });
  return compact({
    MailDomains: result.items.map((d) => ({ DomainName: d.domain, DefaultDomain: d.isDefault })),
    NextToken: tokens.token(result.nextCursor),
  });
});

/** The test domain has no records to publish (Mailyard serves it): `Records` is empty for it. */
export const GetMailDomain = operation(domainRef, async ({ deps, actor }, input) => {
  const domain = await getMailDomain(deps, actor, parseCore(MailDomainRef, coreFields(input)));
  return {
    Records: domain.records.map((r) => ({ Type: r.type, Hostname: r.hostname, Value: r.value })),
    IsTestDomain: domain.isTestDomain,
    IsDefault: domain.isDefault,
    OwnershipVerificationStatus: domain.ownershipStatus,
    DkimVerificationStatus: domain.dkimStatus,
  };
});

export const UpdateDefaultMailDomain = operation(domainRef, async ({ deps, actor }, input) => {
  await setDefaultDomain(deps, actor, parseCore(MailDomainRef, coreFields(input)));
  return {};
});

/** WorkMail declares no MailDomainNotFoundException here: removing a domain the organization does not have changes nothing. */
export const DeregisterMailDomain = operation(domainRef, async ({ deps, actor }, input) => {
  try {
    await deregisterMailDomain(deps, actor, parseCore(MailDomainRef, coreFields(input)));
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'DOMAIN.NOT_FOUND') throw error;
  }
  return {};
});
