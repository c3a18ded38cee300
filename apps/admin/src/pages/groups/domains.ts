import { isDomainUsable } from '@mailyard/core/mail-domains';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.ts';

export interface OrganizationDomains {
  /** Verified domains: the only ones an address may use. */
  domains: string[];
  /** The default mail domain when it is verified, else the first verified one. */
  defaultDomain: string;
  isPending: boolean;
}

/** The domains a group address may use, from the organization the side navigation has already loaded. */
export function useOrganizationDomains(organizationId: string): OrganizationDomains {
  const trpc = useTRPC();
  const org = useQuery(trpc.organizations.get.queryOptions({ organizationId }));
  const verified = (org.data?.domains ?? []).filter(isDomainUsable);
  const domains = verified.map((d) => d.domain);
  const defaultDomain = verified.find((d) => d.isDefault)?.domain ?? domains[0] ?? '';
  return { domains, defaultDomain, isPending: org.isPending };
}
