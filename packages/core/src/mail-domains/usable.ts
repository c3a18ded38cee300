import { isDomainUsable, type MailDomainSummary } from './models.ts';

/**
 * The domains new addresses of an organization may use — its usable (proven) ones, the default first, then alphabetical —
 * and the one to propose: the default mail domain when it is usable, else the first usable one.
 */
export function addressDomains(org: {
  defaultMailDomain: string | null;
  domains: readonly Pick<MailDomainSummary, 'domain' | 'verifiedAt'>[];
}): { domains: string[]; defaultDomain: string | null } {
  const first = org.defaultMailDomain;
  const domains = org.domains
    .filter(isDomainUsable)
    .map((d) => d.domain)
    .sort((a, b) => (a === first ? -1 : b === first ? 1 : a.localeCompare(b)));
  return { domains, defaultDomain: first && domains.includes(first) ? first : (domains[0] ?? null) };
}
