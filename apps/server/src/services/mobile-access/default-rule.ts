import { randomUUID } from 'node:crypto';
import { DEFAULT_RULE } from '@mailyard/core/mobile-access';
import type { Db } from '@mailyard/db';
import { insertMobileDeviceAccessRule } from '@mailyard/db/queries/mobile-access';

/** A new organization's first rule, in its creating transaction: WorkMail's default, which allows every device. */
export const addDefaultMobileDeviceAccessRule = (tx: Db, organizationId: string, now: Date) =>
  insertMobileDeviceAccessRule(tx, { ...DEFAULT_RULE, organizationId, id: randomUUID(), clientToken: null, at: now });
