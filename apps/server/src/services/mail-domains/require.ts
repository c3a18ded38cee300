import { fail } from '@mailyard/core/errors';
import { displayDomain } from '@mailyard/core/mail-domains';
import type { Db } from '@mailyard/db';
import { findMailDomain, type MailDomainState } from '@mailyard/db/queries/mail-domains';

/** One of the organization's domains (A-label form), or DOMAIN.NOT_FOUND naming it; `lock` as `findMailDomain`. */
export async function requireMailDomain(db: Db, organizationId: string, domain: string, lock?: 'key share' | 'update'): Promise<MailDomainState> {
  const found = await findMailDomain(db, organizationId, domain, lock);
  if (!found) fail('DOMAIN.NOT_FOUND', `The domain ${displayDomain(domain)} is not a domain of this organization.`, { field: 'domainName', domain });
  return found;
}
