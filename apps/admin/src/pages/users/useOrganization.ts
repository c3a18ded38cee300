import { isDomainUsable } from '@mailyard/core/mail-domains';
import { useMemo } from 'react';
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
  const domains = useMemo(() => {
    const org = query.data;
    if (!org) return { verified: [] as string[], defaultDomain: null as string | null };
    const verified = org.domains
      .filter(isDomainUsable)
      .map((d) => d.domain)
      .sort((a, b) => (a === org.defaultMailDomain ? -1 : b === org.defaultMailDomain ? 1 : a.localeCompare(b)));
    const defaultDomain = org.defaultMailDomain && verified.includes(org.defaultMailDomain) ? org.defaultMailDomain : (verified[0] ?? null);
    return { verified, defaultDomain };
  }, [query.data]);
  /** Mailyard › Organizations › alias › Users › …rest. */
  const usersCrumbs = (...rest: Crumb[]): Crumb[] => [...crumbs, { text: 'Users', href: href(usersPath(organizationId)) }, ...rest];
  return { query, alias, usersCrumbs, ...domains };
}
