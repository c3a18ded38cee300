import { z } from 'zod';
import { text } from '@mailyard/core/text';
import { normalizeDeviceId } from '@mailyard/core/devices';
import type { ListMobileDeviceAccessOverridesInput, MobileDeviceAccessOverride } from '@mailyard/core/mobile-access';
import type { Page } from '@mailyard/core/pagination';
import type { Db } from '@mailyard/db';
import { listMobileDeviceAccessOverridesPage } from '@mailyard/db/queries/mobile-access';
import type { OperatorActor } from '../actor.ts';
import { requireOrganization } from '../organizations/require.ts';
import { requireUser } from '../users/require.ts';
import { cursorKey, pageOf } from '../page.ts';

const OverrideKey = z.tuple([z.guid(), text().regex(/^[a-z0-9]{1,32}$/)]);

/** A page of the organization's overrides (WorkMail's ListMobileDeviceAccessOverrides), of one user and/or one device. */
export async function listMobileDeviceAccessOverrides(db: Db, actor: OperatorActor, input: ListMobileDeviceAccessOverridesInput): Promise<Page<MobileDeviceAccessOverride>> {
  const org = await requireOrganization(db, actor, input.organizationId);
  const userId = input.userId && (await requireUser(db, org.id, input.userId)).id;
  const deviceId = input.deviceId && normalizeDeviceId(input.deviceId);
  const scope = JSON.stringify(['mobile-access-overrides', org.id, userId ?? null, deviceId ?? null]);
  const after = cursorKey(scope, input.cursor, OverrideKey);
  const rows = await listMobileDeviceAccessOverridesPage(db, { organizationId: org.id, userId, deviceId, after, limit: input.limit + 1 });
  return pageOf(rows, input.limit, scope, (row) => [row.userId, row.deviceId]);
}
