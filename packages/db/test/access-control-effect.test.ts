import { sql } from 'drizzle-orm';
import { evaluateAccess, type RuleConditions } from '@mailyard/core/access-control';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATION_CASES } from '../../core/src/access-control/evaluation-cases.ts';
import { mailServerAccessEffect, upsertAccessControlRule } from '../src/queries/access-control-rules.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';

/**
 * The mail servers evaluate access control rules in SQL (`mailserver.v1_access_effect`), the rest of Mailyard in
 * TypeScript (core's evaluateAccess): one table of cases through both, so they cannot drift apart.
 */
let database: TestDatabase;
const ACCOUNT = '00000000-0000-0000-0000-0000000000a1';
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`insert into accounts (id, name, aws_account_id, max_organizations) values (${ACCOUNT}, 'a', '111111111111', 100)`);
});
afterAll(() => database.drop());

const full = (rule: (typeof EVALUATION_CASES)[number]['rules'][number]): RuleConditions & { description: string } => ({
  description: '',
  ipRanges: [],
  notIpRanges: [],
  actions: [],
  notActions: [],
  userIds: [],
  notUserIds: [],
  ...rule,
});

describe('mailserver.v1_access_effect agrees with evaluateAccess', () => {
  it.each(EVALUATION_CASES.map((c, i) => ({ ...c, i })))('$name', async ({ rules, request, expected, i }) => {
    const organizationId = `m-${i.toString(16).padStart(32, '0')}`;
    await database.db.execute(
      sql`insert into organizations (id, account_id, alias, state, directory_type, created_at) values (${organizationId}, ${ACCOUNT}, ${`case-${i}`}, 'Active', 'WorkMailDirectory', now())`,
    );
    for (const rule of rules) await upsertAccessControlRule(database.db, organizationId, full(rule), new Date());
    const typescript = evaluateAccess(rules.map(full), request);
    expect(typescript).toEqual(expected);
    expect(await mailServerAccessEffect(database.db, { organizationId, ...request })).toBe(expected.effect);
  });

  it('treats an empty address as unknown, as Dovecot passes one without a client', async () => {
    const organizationId = `m-${'f'.repeat(32)}`;
    await database.db.execute(
      sql`insert into organizations (id, account_id, alias, state, directory_type, created_at) values (${organizationId}, ${ACCOUNT}, 'blank', 'Active', 'WorkMailDirectory', now())`,
    );
    await upsertAccessControlRule(database.db, organizationId, full({ name: 'outside', effect: 'ALLOW', notIpRanges: ['10.0.0.0/8'] }), new Date());
    const request = { organizationId, userId: EVALUATION_CASES[0]!.request.userId, action: 'IMAP' };
    expect(await mailServerAccessEffect(database.db, { ...request, ip: '' })).toBe('ALLOW');
    expect(await mailServerAccessEffect(database.db, { ...request, ip: '10.1.1.1' })).toBe('DENY');
  });
});
