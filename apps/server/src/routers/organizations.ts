import {
  CreateOrganizationInput,
  DeleteOrganizationInput,
  CountOrganizationsInput,
  ListOrganizationsInput,
  OrganizationRef,
  TagOrganizationInput,
  UntagOrganizationInput,
} from '@mailyard/core/organizations';
import { createOrganization } from '../services/organizations/create.ts';
import { deleteOrganization } from '../services/organizations/delete.ts';
import { getOrganization } from '../services/organizations/get.ts';
import { listTags } from '../services/organizations/list-tags.ts';
import { countOrganizations, listOrganizations } from '../services/organizations/list.ts';
import { setupDefaults } from '../services/organizations/setup-defaults.ts';
import { tagOrganization } from '../services/organizations/tag.ts';
import { untagOrganization } from '../services/organizations/untag.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

export const organizationsRouter = router({
  list: operatorProcedure.input(ListOrganizationsInput).query(({ ctx, input }) => listOrganizations(ctx.deps.db, ctx.operator, input)),
  count: operatorProcedure.input(CountOrganizationsInput).query(({ ctx, input }) => countOrganizations(ctx.deps.db, ctx.operator, input)),
  get: operatorProcedure.input(OrganizationRef).query(({ ctx, input }) => getOrganization(ctx.deps.db, ctx.operator, input.organizationId)),
  /** What the create form previews: the free test domain's suffix of this installation. */
  setupDefaults: operatorProcedure.query(({ ctx }) => setupDefaults(ctx.deps)),
  create: operatorMutation.input(CreateOrganizationInput).mutation(({ ctx, input }) => createOrganization(ctx.deps, ctx.operator, input)),
  delete: operatorMutation.input(DeleteOrganizationInput).mutation(({ ctx, input }) => deleteOrganization(ctx.deps, ctx.operator, input)),
  listTags: operatorProcedure.input(OrganizationRef).query(({ ctx, input }) => listTags(ctx.deps.db, ctx.operator, input.organizationId)),
  tag: operatorMutation.input(TagOrganizationInput).mutation(({ ctx, input }) => tagOrganization(ctx.deps, ctx.operator, input)),
  untag: operatorMutation.input(UntagOrganizationInput).mutation(({ ctx, input }) => untagOrganization(ctx.deps, ctx.operator, input)),
});
