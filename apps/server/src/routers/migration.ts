import { OrganizationRef } from '@mailyard/core/organizations';
import { CreateMigratedUserInput, ListMigrationRunsInput, MigrationRunRef, StartMigrationInput } from '@mailyard/core/migration';
import { applyMigrationRun } from '../services/migration/apply.ts';
import { createMigratedUser } from '../services/migration/create-user.ts';
import { countMigrationRuns, getMigrationRun, listMigrationRuns } from '../services/migration/get.ts';
import { planMigrationRun, planMigrationRunAgain } from '../services/migration/plan.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

/**
 * What `mailyard migrate` needs beyond the console's procedures (a user created whole, as WorkMail had it), and the
 * console's *Migrate from WorkMail*: runs planned and applied by a server job, followed with `get`.
 */
export const migrationRouter = router({
  createUser: operatorMutation.input(CreateMigratedUserInput).mutation(({ ctx, input }) => createMigratedUser(ctx.deps, ctx.operator, input)),
  list: operatorProcedure.input(ListMigrationRunsInput).query(({ ctx, input }) => listMigrationRuns(ctx.deps.db, ctx.operator, input)),
  count: operatorProcedure.input(OrganizationRef).query(({ ctx, input }) => countMigrationRuns(ctx.deps.db, ctx.operator, input)),
  get: operatorProcedure.input(MigrationRunRef).query(({ ctx, input }) => getMigrationRun(ctx.deps.db, ctx.operator, input)),
  /** A new run: reads WorkMail and plans (a dry run); changes nothing. */
  plan: operatorMutation.input(StartMigrationInput).mutation(({ ctx, input }) => planMigrationRun(ctx.deps, ctx.operator, input)),
  /** A new run with an earlier run's settings: plans what differs now. */
  planAgain: operatorMutation.input(MigrationRunRef).mutation(({ ctx, input }) => planMigrationRunAgain(ctx.deps, ctx.operator, input)),
  /** Applies a planned run in the background ("apply" is a word tRPC reserves). */
  start: operatorMutation.input(MigrationRunRef).mutation(({ ctx, input }) => applyMigrationRun(ctx.deps, ctx.operator, input)),
});
