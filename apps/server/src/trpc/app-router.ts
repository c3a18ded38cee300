import { authRouter } from '../routers/auth.ts';
import { organizationsRouter } from '../routers/organizations.ts';
import { router } from './init.ts';

export const appRouter = router({
  auth: authRouter,
  organizations: organizationsRouter,
});

export type AppRouter = typeof appRouter;
