import {
  CountResourcesInput,
  CreateResourceInput,
  EnableResourceInput,
  ListResourceDelegatesInput,
  ListResourcesInput,
  ResourceDelegateInput,
  ResourceRef,
  UpdateResourceInput,
} from '@mailyard/core/resources';
import { addResourceDelegate } from '../services/resources/add-delegate.ts';
import { createResource } from '../services/resources/create.ts';
import { deleteResource } from '../services/resources/delete.ts';
import { disableResource } from '../services/resources/disable.ts';
import { enableResource } from '../services/resources/enable.ts';
import { getResource } from '../services/resources/get.ts';
import { listResourceDelegates } from '../services/resources/list-delegates.ts';
import { countResources, listResources } from '../services/resources/list.ts';
import { removeResourceDelegate } from '../services/resources/remove-delegate.ts';
import { updateResource } from '../services/resources/update.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

export const resourcesRouter = router({
  list: operatorProcedure.input(ListResourcesInput).query(({ ctx, input }) => listResources(ctx.deps.db, ctx.operator, input)),
  count: operatorProcedure.input(CountResourcesInput).query(({ ctx, input }) => countResources(ctx.deps.db, ctx.operator, input)),
  get: operatorProcedure.input(ResourceRef).query(({ ctx, input }) => getResource(ctx.deps.db, ctx.operator, input)),
  listDelegates: operatorProcedure.input(ListResourceDelegatesInput).query(({ ctx, input }) => listResourceDelegates(ctx.deps.db, ctx.operator, input)),
  create: operatorMutation.input(CreateResourceInput).mutation(({ ctx, input }) => createResource(ctx.deps, ctx.operator, input)),
  update: operatorMutation.input(UpdateResourceInput).mutation(({ ctx, input }) => updateResource(ctx.deps, ctx.operator, input)),
  enable: operatorMutation.input(EnableResourceInput).mutation(({ ctx, input }) => enableResource(ctx.deps, ctx.operator, input)),
  disable: operatorMutation.input(ResourceRef).mutation(({ ctx, input }) => disableResource(ctx.deps, ctx.operator, input)),
  delete: operatorMutation.input(ResourceRef).mutation(({ ctx, input }) => deleteResource(ctx.deps, ctx.operator, input)),
  addDelegate: operatorMutation.input(ResourceDelegateInput).mutation(({ ctx, input }) => addResourceDelegate(ctx.deps, ctx.operator, input)),
  removeDelegate: operatorMutation.input(ResourceDelegateInput).mutation(({ ctx, input }) => removeResourceDelegate(ctx.deps, ctx.operator, input)),
});
