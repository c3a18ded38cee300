import { useAddressDomains } from '../../components/addresses/useAddressDomains.ts';
import { href } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import type { Crumb } from '../../lib/page.tsx';
import { usersPath } from './paths.ts';

/**
 * The organization of a Users page (its query is shared with the side navigation): alias, breadcrumbs up to Users,
 * and the verified domains that addresses may use, the default domain first.
 */
export function useOrganization(organizationId: string) {
  const { organization: query, alias, crumbs } = useOrganizationCrumbs(organizationId);
  const { domains: verified, defaultDomain } = useAddressDomains(organizationId);
  /** Mailyard › Organizations › alias › Users › …rest. */
  const usersCrumbs = (...rest: Crumb[]): Crumb[] => [...crumbs, { text: 'Users', href: href(usersPath(organizationId)) }, ...rest];
  return { query, alias, usersCrumbs, verified, defaultDomain };
}
