import { DeviceRef, ListDevicesInput } from '@mailyard/core/devices';
import { cancelWipe } from '../services/devices/cancel-wipe.ts';
import { getDevice } from '../services/devices/get.ts';
import { listDevices } from '../services/devices/list.ts';
import { removeDevice } from '../services/devices/remove.ts';
import { requestWipe } from '../services/devices/wipe.ts';
import { operatorMutation, operatorProcedure, router } from '../trpc/init.ts';

export const devicesRouter = router({
  list: operatorProcedure.input(ListDevicesInput).query(({ ctx, input }) => listDevices(ctx.deps.db, ctx.operator, input)),
  get: operatorProcedure.input(DeviceRef).query(({ ctx, input }) => getDevice(ctx.deps.db, ctx.operator, input)),
  remove: operatorMutation.input(DeviceRef).mutation(({ ctx, input }) => removeDevice(ctx.deps, ctx.operator, input)),
  wipe: operatorMutation.input(DeviceRef).mutation(({ ctx, input }) => requestWipe(ctx.deps, ctx.operator, input)),
  cancelWipe: operatorMutation.input(DeviceRef).mutation(({ ctx, input }) => cancelWipe(ctx.deps, ctx.operator, input)),
});
