import { DeleteAccessControlRuleInput, GetAccessControlEffectInput, PutAccessControlRuleInput } from '@mailyard/core/access-control';
import { OrganizationRef } from '@mailyard/core/organizations';
import { deleteAccessControlRule } from '../services/access-control/delete-rule.ts';
import { getAccessControlEffect } from '../services/access-control/effect.ts';
import { listAccessRules } from '../services/access-control/list-rules.ts';
import { putAccessControlRule } from '../services/access-control/put-rule.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

/** An organization's access control rules (WorkMail's), and what they decide for a user: the console's evaluate panel. */
export const accessRulesRouter = router({
  list: operatorProcedure.input(OrganizationRef).query(({ ctx, input }) => listAccessRules(ctx.deps.db, ctx.operator, input.organizationId)),
  put: operatorMutation.input(PutAccessControlRuleInput).mutation(({ ctx, input }) => putAccessControlRule(ctx.deps, ctx.operator, input)),
  delete: operatorMutation.input(DeleteAccessControlRuleInput).mutation(({ ctx, input }) => deleteAccessControlRule(ctx.deps, ctx.operator, input)),
  effect: operatorProcedure.input(GetAccessControlEffectInput).query(({ ctx, input }) => getAccessControlEffect(ctx.deps.db, ctx.operator, input)),
});
