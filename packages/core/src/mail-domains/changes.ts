import { refusal, type Refusal } from '../errors/refusal.ts';
import { isDomainUsable, type MailDomainSummary } from './models.ts';
import { displayDomain } from './names.ts';

/** Why a domain may not be removed, or null: the free test domain and the default domain stay (the server also counts its addresses). */
export function domainRemovalRefusal(d: Pick<MailDomainSummary, 'domain' | 'isTestDomain' | 'isDefault'>): Refusal | null {
  const shown = displayDomain(d.domain);
  if (d.isTestDomain) return refusal('DOMAIN.PROTECTED', `${shown} is the organization's free test domain: it cannot be removed.`, { field: 'domainName' });
  if (d.isDefault) return refusal('DOMAIN.PROTECTED', `${shown} is the default domain: make another domain the default first.`, { field: 'domainName' });
  return null;
}

/** Why a domain may not become the default, or null: new users' addresses use it, so its ownership must be proven. */
export function defaultDomainRefusal(d: Pick<MailDomainSummary, 'domain' | 'verifiedAt'>): Refusal | null {
  if (isDomainUsable(d)) return null;
  return refusal('DOMAIN.NOT_VERIFIED', `The domain ${displayDomain(d.domain)} is not verified yet: publish its records and verify it before making it the default.`, {
    field: 'domainName',
    domain: d.domain,
  });
}
