import { AccessKeyRef, CreateAccessKeyInput, SetAccessKeyStatusInput } from '@mailyard/core/access-keys';
import { createAccessKey } from '../services/access-keys/create.ts';
import { deleteAccessKey } from '../services/access-keys/delete.ts';
import { listAccessKeys } from '../services/access-keys/list.ts';
import { setAccessKeyStatus } from '../services/access-keys/set-status.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

/** SigV4 keys of the WorkMail-compatible API (/aws). Console session only (the services refuse API tokens). */
export const accessKeysRouter = router({
  list: operatorProcedure.query(({ ctx }) => listAccessKeys(ctx.deps.db, ctx.operator)),
  create: operatorMutation.input(CreateAccessKeyInput).mutation(({ ctx, input }) => createAccessKey(ctx.deps, ctx.operator, input)),
  setStatus: operatorMutation.input(SetAccessKeyStatusInput).mutation(({ ctx, input }) => setAccessKeyStatus(ctx.deps, ctx.operator, input)),
  delete: operatorMutation.input(AccessKeyRef).mutation(({ ctx, input }) => deleteAccessKey(ctx.deps, ctx.operator, input)),
});
