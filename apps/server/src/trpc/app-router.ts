import { accessKeysRouter } from '../routers/access-keys.ts';
import { activityRouter } from '../routers/activity.ts';
import { apiTokensRouter } from '../routers/api-tokens.ts';
import { authRouter } from '../routers/auth.ts';
import { devicesRouter } from '../routers/devices.ts';
import { domainsRouter } from '../routers/domains.ts';
import { groupsRouter } from '../routers/groups.ts';
import { importsRouter } from '../routers/imports.ts';
import { mailboxesRouter } from '../routers/mailboxes.ts';
import { organizationsRouter } from '../routers/organizations.ts';
import { outboxRouter } from '../routers/outbox.ts';
import { permissionsRouter } from '../routers/permissions.ts';
import { portalRouter } from '../routers/portal.ts';
import { portalAdminRouter } from '../routers/portal-admin.ts';
import { usersRouter } from '../routers/users.ts';
import { router } from './init.ts';

export const appRouter = router({
  auth: authRouter,
  organizations: organizationsRouter,
  domains: domainsRouter,
  users: usersRouter,
  imports: importsRouter,
  groups: groupsRouter,
  permissions: permissionsRouter,
  apiTokens: apiTokensRouter,
  accessKeys: accessKeysRouter,
  mailboxes: mailboxesRouter,
  devices: devicesRouter,
  activity: activityRouter,
  outbox: outboxRouter,
  portal: portalRouter,
  portalAdmin: portalAdminRouter,
});

export type AppRouter = typeof appRouter;
