import type { DeviceRef } from '@mailyard/core/devices';
import type { Deps } from '../../deps.ts';
import type { OperatorActor } from '../actor.ts';
import { changeWipe } from './wipe.ts';

/** Withdraws a wipe the device has not been told about yet; once sent it can no longer be stopped. */
export const cancelWipe = (deps: Deps, actor: OperatorActor, ref: DeviceRef) => changeWipe(deps, actor, ref, 'cancel');
