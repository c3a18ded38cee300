import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { skipToken, useQuery } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { ORGANIZATION_ID_PATTERN } from '@mailyard/core/organizations';
import { organizationPath, routes } from '../routes.ts';
import { href, useFollow } from '../lib/navigation.ts';
import { useTRPC } from '../lib/trpc.ts';

/** The organization the current page belongs to, from `/organizations/m-…`. */
function currentOrganizationId(location: string): string | null {
  const id = /^\/organizations\/([^/]+)/.exec(location)?.[1];
  return id && ORGANIZATION_ID_PATTERN.test(id) ? id : null;
}

/** Left navigation: Organizations, and inside an organization the pages that exist for it. */
export function Navigation() {
  const [location] = useLocation();
  const onFollow = useFollow();
  const trpc = useTRPC();
  const organizationId = currentOrganizationId(location);
  const organization = useQuery(trpc.organizations.get.queryOptions(organizationId ? { organizationId } : skipToken));

  const items: SideNavigationProps.Item[] = [
    { type: 'link', text: 'Organizations', href: href('/organizations') },
    ...routes.filter((route) => route.accountNav).map((route): SideNavigationProps.Item => ({ type: 'link', text: route.accountNav!, href: href(route.path) })),
  ];
  if (organizationId) {
    items.push(
      { type: 'divider' },
      {
        type: 'section-group',
        title: organization.data?.alias ?? organizationId,
        items: routes
          .filter((route) => route.organizationNav)
          .map((route) => ({ type: 'link', text: route.organizationNav!, href: href(organizationPath(route, organizationId)) })),
      },
    );
  }
  // The link of the page, or of the page it belongs to (a group's page lights "Groups"): the longest link above it.
  const activeHref = activeLink(items, href(location));

  return <SideNavigation header={{ text: 'Mailyard', href: href('/organizations') }} items={items} activeHref={activeHref} onFollow={onFollow} />;
}

/** The href among the navigation's links that is the longest path prefix of `current`. */
function activeLink(items: readonly SideNavigationProps.Item[], current: string): string | undefined {
  const links: string[] = [];
  const collect = (list: readonly SideNavigationProps.Item[]) => {
    for (const item of list) {
      if (item.type === 'link') links.push(item.href);
      if (item.type === 'section-group' || item.type === 'section') collect(item.items);
    }
  };
  collect(items);
  return links.filter((link) => current === link || current.startsWith(`${link}/`)).sort((a, b) => b.length - a.length)[0];
}
