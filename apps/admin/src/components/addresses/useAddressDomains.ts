import { useQuery } from '@tanstack/react-query';
import { addressDomains } from '@mailyard/core/mail-domains';
import { useTRPC } from '../../lib/trpc.ts';

/**
 * The domains new addresses of the organization may use, the default first, and the one to propose (core's
 * `addressDomains`), from the organization the side navigation has already loaded.
 */
export function useAddressDomains(organizationId: string) {
  const trpc = useTRPC();
  const organization = useQuery(trpc.organizations.get.queryOptions({ organizationId }));
  return organization.data ? addressDomains(organization.data) : { domains: [] as string[], defaultDomain: null as string | null };
}
