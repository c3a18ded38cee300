import { DirectoryConnectionSettings, DirectoryRef, ListDirectoriesInput, RegisterDirectoryInput, SyncDirectoryInput } from '@mailyard/core/directories';
import { deregisterDirectory } from '../services/directories/deregister.ts';
import { getDirectory } from '../services/directories/get.ts';
import { listDirectories } from '../services/directories/list.ts';
import { registerDirectory } from '../services/directories/register.ts';
import { syncDirectoryNow } from '../services/directories/sync-now.ts';
import { testDirectory, testDirectorySettings } from '../services/directories/test-connection.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

export const directoriesRouter = router({
  list: operatorProcedure.input(ListDirectoriesInput).query(({ ctx, input }) => listDirectories(ctx.deps.db, ctx.operator, input)),
  get: operatorProcedure.input(DirectoryRef).query(({ ctx, input }) => getDirectory(ctx.deps.db, ctx.operator, input)),
  register: operatorMutation.input(RegisterDirectoryInput).mutation(({ ctx, input }) => registerDirectory(ctx.deps, ctx.operator, input)),
  /** The register form's *Test connection*: binds with the settings typed, saves nothing. */
  testSettings: operatorMutation.input(DirectoryConnectionSettings).mutation(({ ctx, input }) => testDirectorySettings(ctx.deps, ctx.operator, input)),
  test: operatorMutation.input(DirectoryRef).mutation(({ ctx, input }) => testDirectory(ctx.deps, ctx.operator, input)),
  /** *Sync now*: the organization using the directory takes what it holds at once; answers the report. */
  sync: operatorMutation.input(SyncDirectoryInput).mutation(({ ctx, input }) => syncDirectoryNow(ctx.deps, ctx.operator, input)),
  deregister: operatorMutation.input(DirectoryRef).mutation(({ ctx, input }) => deregisterDirectory(ctx.deps, ctx.operator, input)),
});
