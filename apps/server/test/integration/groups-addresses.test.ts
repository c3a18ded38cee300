import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAddress } from '@mailyard/db/queries/addresses';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createTestGroup, uniqueName, type TestOrganization } from '../support/entities.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization, createMailboxUser } from '../support/mailbox-fixtures.ts';

let deps: TestDeps;
let op: TestOperator;
let org: TestOrganization;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
});
afterAll(() => deps.database.drop());

const groups = () => callerFor(deps, op.actor).groups;
const ref = (groupId: string) => ({ organizationId: org.organizationId, groupId });
const addAlias = (entityId: string, localPart: string) => groups().addAlias({ organizationId: org.organizationId, entityId, localPart, domain: org.domain });
const removeAlias = (entityId: string, address: string) => groups().removeAlias({ organizationId: org.organizationId, entityId, address });
const setPrimary = (entityId: string, address: string) => groups().setPrimaryAddress({ organizationId: org.organizationId, entityId, address });
const addresses = async (groupId: string) => (await groups().listAddresses(ref(groupId))).map((a) => (a.isPrimary ? `*${a.address}` : a.address));
const lastEvent = async (targetId: string, actionPrefix: string) =>
  (await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId, actionPrefix, after: null, limit: 1 }))[0];
const enabledGroup = async () => {
  const local = uniqueName('team');
  const group = await createTestGroup(deps, op.actor, org, uniqueName('Team'), local);
  return { id: group.id, email: `${local}@${org.domain}` };
};

describe('group aliases', () => {
  it('adds aliases, listed after the primary address, each audited on the group', async () => {
    const group = await enabledGroup();
    const { address } = await addAlias(group.id, ' Sales ');
    expect(address).toBe(`sales@${org.domain}`);
    await addAlias(group.id, 'info');
    expect(await addresses(group.id)).toEqual([`*${group.email}`, `info@${org.domain}`, `sales@${org.domain}`]);
    expect(await findAddress(deps.db, address)).toMatchObject({ entityId: group.id, entityType: 'GROUP', isPrimary: false, origin: 'operator' });
    expect(await lastEvent(group.id, 'group.alias_add')).toMatchObject({ targetType: 'group', after: { alias: `info@${org.domain}` } });
  });

  it('refuses a group never enabled, an address in use, and a user id', async () => {
    const never = await groups().create({ organizationId: org.organizationId, name: uniqueName('Quiet') });
    expect(await failure(addAlias(never.id, uniqueName('q')))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      domainCode: 'GROUP.INVALID_STATE',
      message: `Group "${never.name}" has no email address yet: enable it with one first.`,
    });
    const group = await enabledGroup();
    const user = await createMailboxUser(deps, op.actor, org, uniqueName('holder'));
    expect(await failure(addAlias(group.id, user.email.split('@')[0]!))).toMatchObject({ code: 'CONFLICT', domainCode: 'ADDRESS.IN_USE' });
    // Each router reaches its own kind: a user through `groups`, a group through `users`, is not found.
    expect(await failure(addAlias(user.userId, uniqueName('x')))).toMatchObject({ code: 'NOT_FOUND', domainCode: 'GROUP.NOT_FOUND' });
    const asUser = callerFor(deps, op.actor).users.addAlias({ organizationId: org.organizationId, entityId: group.id, localPart: uniqueName('x'), domain: org.domain });
    expect(await failure(asUser)).toMatchObject({ code: 'NOT_FOUND', domainCode: 'USER.NOT_FOUND' });
    expect(await failure(groups().listAddresses(ref(user.userId)))).toMatchObject({ code: 'NOT_FOUND', domainCode: 'GROUP.NOT_FOUND' });
  });

  it('removes an alias, which anyone may then take; never the primary, nor an address that is not the group’s', async () => {
    const group = await enabledGroup();
    const { address } = await addAlias(group.id, uniqueName('old'));
    await removeAlias(group.id, address.toUpperCase());
    expect(await addresses(group.id)).toEqual([`*${group.email}`]);
    expect(await lastEvent(group.id, 'group.alias_remove')).toMatchObject({ before: { alias: address } });
    expect(await failure(removeAlias(group.id, group.email))).toMatchObject({ domainCode: 'ADDRESS.IS_PRIMARY', fieldErrors: { address: [expect.any(String)] } });
    const missing = await failure(removeAlias(group.id, address));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ADDRESS.NOT_FOUND' });
    expect(missing.message).toMatch(/is not an address of group "/);
  });

  it('records aliases made with an API token as made by a script', async () => {
    const group = await enabledGroup();
    const script = callerFor(deps, { ...op.actor, via: 'api_token:0b5c8f2e-3c1a-4f7e-9a52-1d2e3f4a5b6c' }).groups;
    const { address } = await script.addAlias({ organizationId: org.organizationId, entityId: group.id, localPart: uniqueName('bot'), domain: org.domain });
    expect(await findAddress(deps.db, address)).toMatchObject({ origin: 'api' });
  });
});

describe('group primary address', () => {
  it('promotes an alias: the two swap, and the group shows its new address', async () => {
    const group = await enabledGroup();
    const { address } = await addAlias(group.id, uniqueName('promo'));
    await setPrimary(group.id, address);
    expect(await addresses(group.id)).toEqual([`*${address}`, group.email]);
    expect((await groups().get(ref(group.id))).email).toBe(address);
    const found = await groups().list({ organizationId: org.organizationId, primaryEmailPrefix: address });
    expect(found.items.map((g) => g.id)).toEqual([group.id]);
    expect(await lastEvent(group.id, 'group.primary_address_set')).toMatchObject({ before: { email: group.email }, after: { email: address } });
  });

  it('refuses an address in use and a group never enabled, changing nothing', async () => {
    const group = await enabledGroup();
    const other = await enabledGroup();
    expect(await failure(setPrimary(group.id, other.email))).toMatchObject({ code: 'CONFLICT', domainCode: 'ADDRESS.IN_USE', fieldErrors: { address: [expect.any(String)] } });
    const never = await groups().create({ organizationId: org.organizationId, name: uniqueName('Never') });
    expect(await failure(setPrimary(never.id, `${uniqueName('n')}@${org.domain}`))).toMatchObject({ domainCode: 'GROUP.INVALID_STATE' });
    expect(await addresses(group.id)).toEqual([`*${group.email}`]);
  });

  it('a disabled group keeps its aliases; enabled again with one of them, that one becomes primary and the old one is freed', async () => {
    const group = await enabledGroup();
    const { address } = await addAlias(group.id, uniqueName('keep'));
    await groups().disable(ref(group.id));
    expect(await addresses(group.id)).toEqual([`*${group.email}`, address]);
    await groups().enable({ ...ref(group.id), email: address });
    expect(await addresses(group.id)).toEqual([`*${address}`]);
    expect(await findAddress(deps.db, group.email)).toBeNull();
    expect(await groups().get(ref(group.id))).toMatchObject({ state: 'ENABLED', email: address });
  });

  it('deleting a group frees its aliases too', async () => {
    const group = await enabledGroup();
    const { address } = await addAlias(group.id, uniqueName('gone'));
    await groups().disable(ref(group.id));
    await groups().delete(ref(group.id));
    expect(await findAddress(deps.db, address)).toBeNull();
    expect(await findAddress(deps.db, group.email)).toBeNull();
  });
});
