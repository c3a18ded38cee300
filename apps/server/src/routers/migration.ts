import { CreateMigratedUserInput } from '@mailyard/core/migration';
import { createMigratedUser } from '../services/migration/create-user.ts';
import { operatorMutation, router } from '../trpc/init.ts';

/** What `mailyard migrate` needs beyond the console's procedures: a user created whole, as WorkMail had it. */
export const migrationRouter = router({
  createUser: operatorMutation.input(CreateMigratedUserInput).mutation(({ ctx, input }) => createMigratedUser(ctx.deps, ctx.operator, input)),
});
