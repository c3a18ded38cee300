import { getMailDomain } from '../../services/mail-domains/get.ts';
import { listMailDomains } from '../../services/mail-domains/list.ts';
import { operation } from '../operation.ts';
import { compact } from '../protocol.ts';
import { TokenScope } from '../pagination.ts';
import { OrganizationId, page, structure, WorkMailDomainName } from '../model.ts';

export const ListMailDomains = operation(structure({ OrganizationId: OrganizationId(), ...page }), async ({ deps, actor }, input) => {
  const tokens = new TokenScope('ListMailDomains', { o: input.OrganizationId });
  const result = await listMailDomains(deps.db, actor, { organizationId: input.OrganizationId, ...tokens.page(input) });
  return compact({
    MailDomains: result.items.map((d) => ({ DomainName: d.domain, DefaultDomain: d.isDefault })),
    NextToken: tokens.token(result.nextCursor),
  });
});

/**
 * The test domain needs no DNS records (Mailyard serves it), so `Records` is empty for it; the records of added
 * domains arrive with domain management.
 */
export const GetMailDomain = operation(structure({ OrganizationId: OrganizationId(), DomainName: WorkMailDomainName() }), async ({ deps, actor }, input) => {
  const domain = await getMailDomain(deps.db, actor, { organizationId: input.OrganizationId, domain: input.DomainName });
  return {
    Records: [],
    IsTestDomain: domain.isTestDomain,
    IsDefault: domain.isDefault,
    OwnershipVerificationStatus: domain.verificationStatus,
    DkimVerificationStatus: domain.verificationStatus,
  };
});
