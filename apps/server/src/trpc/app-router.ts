import { accessRulesRouter } from '../routers/access-rules.ts';
import { accessKeysRouter } from '../routers/access-keys.ts';
import { activityRouter } from '../routers/activity.ts';
import { apiTokensRouter } from '../routers/api-tokens.ts';
import { authRouter } from '../routers/auth.ts';
import { devicesRouter } from '../routers/devices.ts';
import { directoriesRouter } from '../routers/directories.ts';
import { domainsRouter } from '../routers/domains.ts';
import { groupsRouter } from '../routers/groups.ts';
import { importsRouter } from '../routers/imports.ts';
import { mailboxesRouter } from '../routers/mailboxes.ts';
import { migrationRouter } from '../routers/migration.ts';
import { mobileAccessRouter } from '../routers/mobile-access.ts';
import { organizationsRouter } from '../routers/organizations.ts';
import { outboxRouter } from '../routers/outbox.ts';
import { permissionsRouter } from '../routers/permissions.ts';
import { portalRouter } from '../routers/portal.ts';
import { portalAdminRouter } from '../routers/portal-admin.ts';
import { resourcesRouter } from '../routers/resources.ts';
import { usersRouter } from '../routers/users.ts';
import { router } from './init.ts';

export const appRouter = router({
  auth: authRouter,
  organizations: organizationsRouter,
  domains: domainsRouter,
  directories: directoriesRouter,
  users: usersRouter,
  accessRules: accessRulesRouter,
  imports: importsRouter,
  groups: groupsRouter,
  resources: resourcesRouter,
  permissions: permissionsRouter,
  apiTokens: apiTokensRouter,
  accessKeys: accessKeysRouter,
  mailboxes: mailboxesRouter,
  migration: migrationRouter,
  devices: devicesRouter,
  mobileAccess: mobileAccessRouter,
  activity: activityRouter,
  outbox: outboxRouter,
  portal: portalRouter,
  portalAdmin: portalAdminRouter,
});

export type AppRouter = typeof appRouter;
