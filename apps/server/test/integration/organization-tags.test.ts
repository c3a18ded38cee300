import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TAGS } from '@mailyard/core/organizations';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization } from '../support/users.ts';

let deps: TestDeps;
let op: TestOperator;
let other: TestOperator;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  other = await createOperator(deps);
});
afterAll(() => deps.database.drop());

const auditOf = async (organizationId: string) =>
  (await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId, actionPrefix: 'organization.', after: null, limit: 10 })).filter((e) =>
    e.action.includes('tag'),
  );

describe('organization tags', () => {
  it('adds tags, replaces a value by key, removes by key, and audits each change', async () => {
    const caller = callerFor(deps, op.actor);
    const { organizationId } = await createActiveOrganization(deps, op.actor);
    expect(await caller.organizations.listTags({ organizationId })).toEqual([]);

    const tagged = await caller.organizations.tag({ organizationId, tags: [{ key: 'team', value: 'mail' }, { key: 'env', value: 'prod' }] });
    expect(tagged).toEqual([{ key: 'env', value: 'prod' }, { key: 'team', value: 'mail' }]);
    await caller.organizations.tag({ organizationId, tags: [{ key: 'env', value: 'staging' }] });
    expect(await caller.organizations.listTags({ organizationId })).toEqual([{ key: 'env', value: 'staging' }, { key: 'team', value: 'mail' }]);

    expect(await caller.organizations.untag({ organizationId, keys: ['team', 'absent'] })).toEqual([{ key: 'env', value: 'staging' }]);
    const events = await auditOf(organizationId);
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ['organization.untag', { tags: [{ key: 'team', value: 'mail' }] }, null],
      ['organization.tag', { tags: [{ key: 'env', value: 'prod' }] }, { tags: [{ key: 'env', value: 'staging' }] }],
      ['organization.tag', null, { tags: [{ key: 'team', value: 'mail' }, { key: 'env', value: 'prod' }] }],
    ]);

    // Removing keys it does not have changes nothing and records nothing.
    await caller.organizations.untag({ organizationId, keys: ['absent'] });
    expect(await auditOf(organizationId)).toHaveLength(3);
  });

  it(`refuses the tag beyond ${MAX_TAGS}, naming the limit, and keeps what was there`, async () => {
    const caller = callerFor(deps, op.actor);
    const { organizationId } = await createActiveOrganization(deps, op.actor);
    await caller.organizations.tag({ organizationId, tags: Array.from({ length: MAX_TAGS }, (_, i) => ({ key: `k${i}`, value: '' })) });
    const refused = await failure(caller.organizations.tag({ organizationId, tags: [{ key: 'k0', value: 'replaced' }, { key: 'one-more', value: '' }] }));
    expect(refused).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', domainCode: 'TAG.LIMIT_REACHED' });
    expect(refused.fieldErrors).toEqual({ tags: ['An organization has at most 50 tags: it has 50, and these would make 51.'] });
    const tags = await caller.organizations.listTags({ organizationId });
    expect(tags).toHaveLength(MAX_TAGS);
    expect(tags.find((t) => t.key === 'k0')).toEqual({ key: 'k0', value: '' });
  });

  it('requests at once cannot pass the limit together: each counts the tags of those that committed before it', async () => {
    const caller = callerFor(deps, op.actor);
    const { organizationId } = await createActiveOrganization(deps, op.actor);
    await caller.organizations.tag({ organizationId, tags: Array.from({ length: MAX_TAGS - 2 }, (_, i) => ({ key: `k${i}`, value: '' })) });
    // As many requests as the pool has connections, each adding a tag of its own: two fit.
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => caller.organizations.tag({ organizationId, tags: [{ key: `racer${i}`, value: '' }] })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    // The others are refused by the limit, by name (not a deadlock's 500).
    for (const r of results.filter((r) => r.status === 'rejected')) expect(r.reason).toMatchObject({ code: 'UNPROCESSABLE_CONTENT' });
    expect(await caller.organizations.listTags({ organizationId })).toHaveLength(MAX_TAGS);
  });

  it('names a bad key or value by its place in the list', async () => {
    const { organizationId } = await createActiveOrganization(deps, op.actor);
    const refused = await failure(callerFor(deps, op.actor).organizations.tag({ organizationId, tags: [{ key: 'ok', value: '' }, { key: 'aws:x', value: 'a<b' }] }));
    expect(refused.domainCode).toBe('VALIDATION');
    expect(refused.fieldErrors).toEqual({
      'tags.1.key': ['Tag keys starting with "aws:" are reserved.'],
      'tags.1.value': ['A tag value may contain only letters, digits, spaces and _ . : / = + - @.'],
    });
  });

  it("is another account's organization: not found, and read-only tokens cannot tag", async () => {
    const { organizationId } = await createActiveOrganization(deps, op.actor);
    expect((await failure(callerFor(deps, other.actor).organizations.listTags({ organizationId }))).domainCode).toBe('ORGANIZATION.NOT_FOUND');
    expect((await failure(callerFor(deps, other.actor).organizations.tag({ organizationId, tags: [{ key: 'a', value: '' }] }))).domainCode).toBe(
      'ORGANIZATION.NOT_FOUND',
    );
    const readOnly = { ...op.actor, readOnly: true };
    expect((await failure(callerFor(deps, readOnly).organizations.tag({ organizationId, tags: [{ key: 'a', value: '' }] }))).domainCode).toBe('AUTH.READ_ONLY');
  });
});
