import { useQuery } from '@tanstack/react-query';
import type { Crumb } from './page.tsx';
import { href } from './navigation.ts';
import { useTRPC } from './trpc.ts';

/**
 * The organization a page inside `/organizations/:organizationId/…` belongs to, and the breadcrumbs up to it
 * (Mailyard › Organizations › alias). The query is shared with the side navigation, so it costs nothing more.
 */
export function useOrganizationCrumbs(organizationId: string) {
  const trpc = useTRPC();
  const organization = useQuery(trpc.organizations.get.queryOptions({ organizationId }));
  const alias = organization.data?.alias ?? organizationId;
  const crumbs: Crumb[] = [
    { text: 'Mailyard', href: href('/organizations') },
    { text: 'Organizations', href: href('/organizations') },
    { text: alias, href: href(`/organizations/${organizationId}`) },
  ];
  return { organization, alias, crumbs };
}
