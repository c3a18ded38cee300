import { OrganizationRef } from '@mailyard/core/organizations';
import { SetAliasPolicyInput } from '@mailyard/core/portal';
import { UserRef } from '@mailyard/core/users';
import { getAliasPolicy } from '../services/portal/alias-policy-get.ts';
import { setAliasPolicy } from '../services/portal/alias-policy-set.ts';
import { issueResetLink } from '../services/portal/issue-reset-link.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

/** What operators set for the self-service portal: the alias policy, and one-time reset links. */
export const portalAdminRouter = router({
  getAliasPolicy: operatorProcedure.input(OrganizationRef).query(({ ctx, input }) => getAliasPolicy(ctx.deps.db, ctx.operator, input.organizationId)),
  setAliasPolicy: operatorMutation.input(SetAliasPolicyInput).mutation(({ ctx, input }) => setAliasPolicy(ctx.deps, ctx.operator, input)),
  /** The link is in this answer only: show it once. */
  issueResetLink: operatorMutation.input(UserRef).mutation(({ ctx, input }) => issueResetLink(ctx.deps, ctx.operator, input)),
});
