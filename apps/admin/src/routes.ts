import type { ComponentType } from 'react';
import { AccessRulesPage } from './pages/access-rules/AccessRulesPage.tsx';
import { AccessKeysPage } from './pages/account/AccessKeysPage.tsx';
import { ApiTokensPage } from './pages/account/ApiTokensPage.tsx';
import { CreateApiTokenPage } from './pages/account/CreateApiTokenPage.tsx';
import { AccountActivityPage } from './pages/activity/AccountActivityPage.tsx';
import { ActivityPage } from './pages/activity/ActivityPage.tsx';
import { DirectoriesPage } from './pages/directories/DirectoriesPage.tsx';
import { RegisterDirectoryPage } from './pages/directories/RegisterDirectoryPage.tsx';
import { DomainDetailPage } from './pages/domains/DomainDetailPage.tsx';
import { DomainsPage } from './pages/domains/DomainsPage.tsx';
import { CreateGroupPage } from './pages/groups/CreateGroupPage.tsx';
import { GroupDetailPage } from './pages/groups/GroupDetailPage.tsx';
import { GroupsPage } from './pages/groups/GroupsPage.tsx';
import { ResourceDetailPage } from './pages/resources/ResourceDetailPage.tsx';
import { ResourcesPage } from './pages/resources/ResourcesPage.tsx';
import { ImportDetailPage } from './pages/imports/ImportDetailPage.tsx';
import { ImportsPage } from './pages/imports/ImportsPage.tsx';
import { NewImportPage } from './pages/imports/NewImportPage.tsx';
import { CreateOrganizationPage } from './pages/organizations/CreateOrganizationPage.tsx';
import { OrganizationDetailPage } from './pages/organizations/OrganizationDetailPage.tsx';
import { OrganizationsPage } from './pages/organizations/OrganizationsPage.tsx';
import { MigrationRunPage } from './pages/migration/MigrationRunPage.tsx';
import { MigrationsPage } from './pages/migration/MigrationsPage.tsx';
import { NewMigrationPage } from './pages/migration/NewMigrationPage.tsx';
import { MobileAccessPage } from './pages/mobile-access/MobileAccessPage.tsx';
import { OutboxPage } from './pages/outbox/OutboxPage.tsx';
import { TagsPage } from './pages/tags/TagsPage.tsx';
import { CreateUserPage } from './pages/users/CreateUserPage.tsx';
import { EditUserPage } from './pages/users/EditUserPage.tsx';
import { UserDetailPage } from './pages/users/UserDetailPage.tsx';
import { UsersPage } from './pages/users/UsersPage.tsx';

export interface PageRoute {
  /** A wouter pattern below the app's base, e.g. `/organizations/:organizationId/users`. */
  path: string;
  component: ComponentType;
  /** Shown in the side navigation of an organization under this label (paths with `:organizationId`). */
  organizationNav?: string;
  /** Shown in the side navigation outside any organization, under this label (account-level pages). */
  accountNav?: string;
}

/**
 * Every page of the console. Adding a page is its file plus one line here; a page inside an organization
 * with `organizationNav` also gets its side-navigation link. More specific paths come first.
 */
export const routes: PageRoute[] = [
  { path: '/organizations', component: OrganizationsPage },
  { path: '/organizations/create', component: CreateOrganizationPage },
  { path: '/organizations/:organizationId', component: OrganizationDetailPage, organizationNav: 'Overview' },
  { path: '/organizations/:organizationId/users', component: UsersPage, organizationNav: 'Users' },
  { path: '/organizations/:organizationId/users/create', component: CreateUserPage },
  { path: '/organizations/:organizationId/users/:userId', component: UserDetailPage },
  { path: '/organizations/:organizationId/users/:userId/edit', component: EditUserPage },
  { path: '/organizations/:organizationId/imports', component: ImportsPage, organizationNav: 'User imports' },
  { path: '/organizations/:organizationId/imports/new', component: NewImportPage },
  { path: '/organizations/:organizationId/imports/:importId', component: ImportDetailPage },
  { path: '/organizations/:organizationId/groups', component: GroupsPage, organizationNav: 'Groups' },
  { path: '/organizations/:organizationId/groups/create', component: CreateGroupPage },
  { path: '/organizations/:organizationId/groups/:groupId', component: GroupDetailPage },
  { path: '/organizations/:organizationId/resources', component: ResourcesPage, organizationNav: 'Resources' },
  { path: '/organizations/:organizationId/resources/:resourceId', component: ResourceDetailPage },
  { path: '/organizations/:organizationId/domains', component: DomainsPage, organizationNav: 'Domains' },
  { path: '/organizations/:organizationId/domains/:domainName', component: DomainDetailPage },
  { path: '/organizations/:organizationId/mobile-access', component: MobileAccessPage, organizationNav: 'Mobile device access' },
  { path: '/organizations/:organizationId/activity', component: ActivityPage, organizationNav: 'Activity' },
  { path: '/organizations/:organizationId/outbox', component: OutboxPage, organizationNav: 'Outbox' },
  { path: '/organizations/:organizationId/access-rules', component: AccessRulesPage, organizationNav: 'Access control rules' },
  { path: '/organizations/:organizationId/tags', component: TagsPage, organizationNav: 'Tags' },
  { path: '/organizations/:organizationId/migration', component: MigrationsPage, organizationNav: 'Migrate from WorkMail' },
  { path: '/organizations/:organizationId/migration/new', component: NewMigrationPage },
  { path: '/organizations/:organizationId/migration/:runId', component: MigrationRunPage },
  { path: '/directories', component: DirectoriesPage, accountNav: 'Directories' },
  { path: '/directories/register', component: RegisterDirectoryPage },
  { path: '/access-keys', component: AccessKeysPage, accountNav: 'Access keys' },
  { path: '/api-tokens', component: ApiTokensPage, accountNav: 'API tokens' },
  { path: '/api-tokens/create', component: CreateApiTokenPage },
  { path: '/activity', component: AccountActivityPage, accountNav: 'Account activity' },
];

/** The link of an organization page for one organization. */
export const organizationPath = (route: PageRoute, organizationId: string) => route.path.replace(':organizationId', organizationId);
