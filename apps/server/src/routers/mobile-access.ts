import { ListDevicesInput } from '@mailyard/core/devices';
import {
  CreateMobileDeviceAccessRuleInput,
  ListMobileDeviceAccessOverridesInput,
  ListMobileDeviceAccessRulesInput,
  MobileDeviceAccessEffectInput,
  MobileDeviceAccessOverrideRef,
  MobileDeviceAccessRuleRef,
  PutMobileDeviceAccessOverrideInput,
  UpdateMobileDeviceAccessRuleInput,
} from '@mailyard/core/mobile-access';
import { createMobileDeviceAccessRule } from '../services/mobile-access/create-rule.ts';
import { deleteMobileDeviceAccessOverride } from '../services/mobile-access/delete-override.ts';
import { deleteMobileDeviceAccessRule } from '../services/mobile-access/delete-rule.ts';
import { listUserDevicesAccess } from '../services/mobile-access/device-access.ts';
import { getMobileDeviceAccessOverride } from '../services/mobile-access/get-override.ts';
import { listMobileDeviceAccessOverrides } from '../services/mobile-access/list-overrides.ts';
import { listRules } from '../services/mobile-access/list-rules.ts';
import { putMobileDeviceAccessOverride } from '../services/mobile-access/put-override.ts';
import { simulateMobileDeviceAccess } from '../services/mobile-access/simulate.ts';
import { updateMobileDeviceAccessRule } from '../services/mobile-access/update-rule.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

/** Mobile device access rules and overrides (WorkMail's MobileDeviceAccess* operations) on the console's services. */
export const mobileAccessRouter = router({
  listRules: operatorProcedure.input(ListMobileDeviceAccessRulesInput).query(({ ctx, input }) => listRules(ctx.deps.db, ctx.operator, input)),
  createRule: operatorMutation.input(CreateMobileDeviceAccessRuleInput).mutation(({ ctx, input }) => createMobileDeviceAccessRule(ctx.deps, ctx.operator, input)),
  updateRule: operatorMutation.input(UpdateMobileDeviceAccessRuleInput).mutation(({ ctx, input }) => updateMobileDeviceAccessRule(ctx.deps, ctx.operator, input)),
  deleteRule: operatorMutation.input(MobileDeviceAccessRuleRef).mutation(({ ctx, input }) => deleteMobileDeviceAccessRule(ctx.deps, ctx.operator, input)),
  evaluate: operatorProcedure.input(MobileDeviceAccessEffectInput).query(({ ctx, input }) => simulateMobileDeviceAccess(ctx.deps.db, ctx.operator, input)),
  listOverrides: operatorProcedure.input(ListMobileDeviceAccessOverridesInput).query(({ ctx, input }) => listMobileDeviceAccessOverrides(ctx.deps.db, ctx.operator, input)),
  getOverride: operatorProcedure.input(MobileDeviceAccessOverrideRef).query(({ ctx, input }) => getMobileDeviceAccessOverride(ctx.deps.db, ctx.operator, input)),
  putOverride: operatorMutation.input(PutMobileDeviceAccessOverrideInput).mutation(({ ctx, input }) => putMobileDeviceAccessOverride(ctx.deps, ctx.operator, input)),
  deleteOverride: operatorMutation.input(MobileDeviceAccessOverrideRef).mutation(({ ctx, input }) => deleteMobileDeviceAccessOverride(ctx.deps, ctx.operator, input)),
  /** Each device of a user with the access it gets now, and why: the user's Mobile devices tab. */
  userDevices: operatorProcedure.input(ListDevicesInput).query(({ ctx, input }) => listUserDevicesAccess(ctx.deps.db, ctx.operator, input)),
});
