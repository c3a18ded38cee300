import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANIZATION_LIMIT_MESSAGE } from '@mailyard/core/organizations';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { callerFor } from '../support/caller.ts';
import { failure } from '../support/errors.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';

let deps: TestDeps;
let op: TestOperator;
let other: TestOperator;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  other = await createOperator(deps);
});
afterAll(() => deps.database.drop());

const unique = () => `org-${Math.random().toString(36).slice(2, 10)}`;

describe('create organization (Quick setup)', () => {
  it('records the organization as Requested and returns at once; the workflow makes it Active', async () => {
    const caller = callerFor(deps, op.actor);
    const alias = unique();
    const { organizationId } = await caller.organizations.create({ alias });
    expect(organizationId).toMatch(/^m-[0-9a-f]{32}$/);
    expect((await caller.organizations.get({ organizationId })).state).toBe('Requested');

    await runDueJobs(deps, jobRegistry);
    const org = await caller.organizations.get({ organizationId });
    expect(org).toMatchObject({
      state: 'Active',
      alias,
      defaultMailDomain: `${alias}.mailyard.test`,
      directoryType: 'WorkMailDirectory',
      interoperabilityEnabled: false,
      kmsKeyArn: null,
    });
    expect(org.directoryId).toMatch(/^d-[0-9a-f]{10}$/);
    expect(org.completedAt).toBeInstanceOf(Date);
    expect(org.domains).toEqual([expect.objectContaining({ domain: `${alias}.mailyard.test`, isTestDomain: true, isDefault: true, ownershipStatus: 'VERIFIED', dkimStatus: 'VERIFIED' })]);

    const events = await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId, after: null, limit: 10 });
    expect(events.map((e) => e.action).reverse()).toEqual(['organization.create', 'organization.start', 'user.create', 'organization.provisioned']);
    expect(events.at(-1)).toMatchObject({ actorLabel: op.email, after: expect.objectContaining({ alias }) });
  });

  it.each([
    ['', /required/],
    ['a'.repeat(63), /at most 62 characters/],
    ['has space', /only letters/],
    ['under_score', /only letters/],
    ['-lead', /hyphen/],
    ['trail-', /hyphen/],
    ['dou--ble', /hyphen/],
    ['d-1234567890', /may not start with "d-"/],
    ['ünicode', /only letters/],
  ])('refuses the alias %j naming the rule', async (alias, rule) => {
    const error = await failure(callerFor(deps, op.actor).organizations.create({ alias }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(rule);
    expect(error.fieldErrors.alias![0]).toMatch(rule);
  });

  it('accepts the longest alias (62 characters)', async () => {
    const alias = `x${'a'.repeat(55)}${Math.random().toString(36).slice(2, 8)}`.slice(0, 62);
    await expect(callerFor(deps, op.actor).organizations.create({ alias })).resolves.toBeTruthy();
  });

  it('refuses a taken alias, also in another case and from another account', async () => {
    const alias = unique();
    await callerFor(deps, op.actor).organizations.create({ alias });
    for (const [who, attempt] of [[op, alias], [op, alias.toUpperCase()], [other, alias]] as const) {
      const error = await failure(callerFor(deps, who.actor).organizations.create({ alias: attempt }));
      expect(error.code).toBe('CONFLICT');
      expect(error.domainCode).toBe('ORGANIZATION.ALIAS_TAKEN');
      expect(error.message).toMatch(/already in use/);
    }
  });

  it('lets exactly one of two racing requests take an alias', async () => {
    const alias = unique();
    const results = await Promise.allSettled([
      callerFor(deps, op.actor).organizations.create({ alias }),
      callerFor(deps, other.actor).organizations.create({ alias }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((await failure(Promise.reject(rejected.reason))).domainCode).toBe('ORGANIZATION.ALIAS_TAKEN');
  });

  it('returns the same organization for a repeated client token', async () => {
    const caller = callerFor(deps, op.actor);
    const alias = unique();
    const first = await caller.organizations.create({ alias, clientToken: 'token-1' });
    const again = await caller.organizations.create({ alias, clientToken: 'token-1' });
    expect(again.organizationId).toBe(first.organizationId);
  });

  it('enforces the account limit with the seed message', async () => {
    const small = await createOperator(deps, { maxOrganizations: 2 });
    const caller = callerFor(deps, small.actor);
    await caller.organizations.create({ alias: unique() });
    await caller.organizations.create({ alias: unique() });
    const error = await failure(caller.organizations.create({ alias: unique() }));
    expect(error.domainCode).toBe('ORGANIZATION.LIMIT_REACHED');
    expect(error.message).toBe(ORGANIZATION_LIMIT_MESSAGE);
  });
});

describe('tenant isolation', () => {
  it('an operator of another account can neither see nor reach the organization', async () => {
    const { organizationId } = await callerFor(deps, op.actor).organizations.create({ alias: unique() });
    const intruder = callerFor(deps, other.actor);
    await expect(intruder.organizations.get({ organizationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const page = await intruder.organizations.list({ limit: 100 });
    expect(page.items.map((o) => o.id)).not.toContain(organizationId);
  });
});

describe('list organizations', () => {
  it('pages with a cursor, newest first, without gaps or repeats', async () => {
    const tenant = await createOperator(deps);
    const caller = callerFor(deps, tenant.actor);
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      created.push((await caller.organizations.create({ alias: unique() })).organizationId);
      deps.clock.advance(1000);
    }
    const first = await caller.organizations.list({ limit: 2 });
    const second = await caller.organizations.list({ limit: 2, cursor: first.nextCursor! });
    const third = await caller.organizations.list({ limit: 2, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((o) => o.id)).toEqual(created.reverse());
    expect(third.nextCursor).toBeNull();
  });

  it('refuses a forged cursor', async () => {
    await expect(callerFor(deps, op.actor).organizations.list({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
