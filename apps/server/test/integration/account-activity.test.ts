import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountActivityEvent } from '@mailyard/core/activity';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization } from '../support/mailbox-fixtures.ts';

let deps: TestDeps;
let op: TestOperator;
let other: TestOperator;
let org: { organizationId: string; domain: string };

beforeAll(async () => {
  deps = await createTestDeps({ MAILYARD_TEST_DOMAIN_SUFFIX: 'mail.example.net', MAILYARD_REGION: 'eu-west-1' });
  op = await createOperator(deps);
  other = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
  deps.clock.advance(1000);
  await callerFor(deps, op.actor).accessKeys.create({ description: 'backup script' });
  deps.clock.advance(1000);
  await callerFor(deps, op.actor).apiTokens.create({ name: 'export', access: 'read-only', organizationIds: [org.organizationId] });
  deps.clock.advance(1000);
  await callerFor(deps, op.actor).groups.create({ organizationId: org.organizationId, name: 'Sales' });
  await callerFor(deps, other.actor).accessKeys.create({ description: 'someone else' });
});
afterAll(() => deps.database.drop());

describe('organizations.setupDefaults', () => {
  it("tells the console the installation's test domain suffix and region", async () => {
    expect(await callerFor(deps, op.actor).organizations.setupDefaults()).toEqual({ testDomainSuffix: 'mail.example.net', region: 'eu-west-1' });
    expect(org.domain.endsWith('.mail.example.net')).toBe(true);
  });

  it('needs a signed-in operator', async () => {
    expect((await failure(callerFor(deps, null).organizations.setupDefaults())).domainCode).toBe('AUTH.REQUIRED');
  });
});

describe('account activity', () => {
  it("lists the account's own events and its organizations' events, newest first", async () => {
    const { items } = await callerFor(deps, op.actor).activity.listAccount({});
    const actions = items.map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['group.create', 'api_token.create', 'access_key.create']);
    expect(actions).toContain('organization.create');
    const byAction = (action: string) => items.find((e) => e.action === action)!;
    expect(byAction('access_key.create')).toMatchObject({ organizationId: null, actorLabel: op.email, targetLabel: 'backup script' });
    expect(byAction('group.create')).toMatchObject({ organizationId: org.organizationId, targetLabel: 'Sales' });
    // Another account's key is not in this trail.
    expect(items.some((e) => e.targetLabel === 'someone else')).toBe(false);
  });

  it('filters by action and actor prefixes and pages with a cursor bound to the filters', async () => {
    const account = callerFor(deps, op.actor).activity;
    const keys = await account.listAccount({ action: 'access_key.' });
    expect(keys.items.map((e) => e.action)).toEqual(['access_key.create']);
    expect((await account.listAccount({ actor: 'nobody@' })).items).toEqual([]);
    // The totals under the same filters, this account's events only.
    expect(await account.countAccount({ action: 'access_key.' })).toEqual({ count: 1, exact: true });
    expect(await account.countAccount({ actor: 'nobody@' })).toEqual({ count: 0, exact: true });
    expect(await account.countAccount({})).toEqual({ count: (await account.listAccount({ limit: 100 })).items.length, exact: true });

    const seen: AccountActivityEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await account.listAccount({ limit: 1, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.map((e) => e.id)).toEqual((await account.listAccount({})).items.map((e) => e.id));

    const first = await account.listAccount({ limit: 1 });
    const replayed = await failure(account.listAccount({ action: 'group.', cursor: first.nextCursor! }));
    expect(replayed.fieldErrors.cursor).toBeDefined();
  });

  it('is refused to a token limited to some organizations', async () => {
    const scoped = { ...op.actor, via: 'api_token:x', readOnly: true, organizationIds: [org.organizationId] };
    expect((await failure(callerFor(deps, scoped).activity.listAccount({}))).domainCode).toBe('AUTH.SESSION_REQUIRED');
    expect((await failure(callerFor(deps, scoped).activity.countAccount({}))).domainCode).toBe('AUTH.SESSION_REQUIRED');
    const all = { ...op.actor, via: 'api_token:y', readOnly: true, organizationIds: null };
    expect((await callerFor(deps, all).activity.listAccount({})).items.length).toBeGreaterThan(0);
  });
});
