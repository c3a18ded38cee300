import type { ComponentType } from 'react';
import { CreateOrganizationPage } from './pages/organizations/CreateOrganizationPage.tsx';
import { OrganizationDetailPage } from './pages/organizations/OrganizationDetailPage.tsx';
import { OrganizationsPage } from './pages/organizations/OrganizationsPage.tsx';

export interface PageRoute {
  /** A wouter pattern below the app's base, e.g. `/organizations/:organizationId/users`. */
  path: string;
  component: ComponentType;
  /** Shown in the side navigation of an organization under this label (paths with `:organizationId`). */
  organizationNav?: string;
}

/**
 * Every page of the console. Adding a page is its file plus one line here; a page inside an organization
 * with `organizationNav` also gets its side-navigation link. More specific paths come first.
 */
export const routes: PageRoute[] = [
  { path: '/organizations', component: OrganizationsPage },
  { path: '/organizations/create', component: CreateOrganizationPage },
  { path: '/organizations/:organizationId', component: OrganizationDetailPage, organizationNav: 'Overview' },
];

/** The link of an organization page for one organization. */
export const organizationPath = (route: PageRoute, organizationId: string) => route.path.replace(':organizationId', organizationId);
