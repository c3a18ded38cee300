import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { insertAddress } from '@mailyard/db/queries/addresses';
import { createUser } from '../../src/services/users/create.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { addDomain, createActiveOrganization, createEnabledUser, uniqueName, type ActiveOrganization } from '../support/users.ts';

let deps: TestDeps;
let op: TestOperator;
let org: ActiveOrganization;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
});
afterAll(() => deps.database.drop());

const users = () => callerFor(deps, op.actor).users;
const addAlias = (entityId: string, localPart: string, domain = org.domain) => users().addAlias({ organizationId: org.organizationId, entityId, localPart, domain });
const removeAlias = (entityId: string, address: string) => users().removeAlias({ organizationId: org.organizationId, entityId, address });
const setPrimary = (entityId: string, address: string) => users().setPrimaryAddress({ organizationId: org.organizationId, entityId, address });
const addresses = async (userId: string) => (await users().listAddresses({ organizationId: org.organizationId, userId })).map((a) => (a.isPrimary ? `*${a.address}` : a.address));
const newUser = async () => {
  const { userId } = await createEnabledUser(deps, op.actor, org.organizationId);
  return { userId, email: (await users().get({ organizationId: org.organizationId, userId })).email! };
};

describe('aliases', () => {
  it('adds aliases on the organization’s domains, listed after the primary address, and audits each', async () => {
    const { userId, email } = await newUser();
    const domain = await addDomain(deps, org.organizationId);
    expect(await addAlias(userId, ' Sales ')).toEqual({ address: `sales@${org.domain}` });
    await addAlias(userId, 'info', domain.toUpperCase());
    expect(await addresses(userId)).toEqual([`*${email}`, `info@${domain}`, `sales@${org.domain}`]);
    expect((await users().get({ organizationId: org.organizationId, userId })).aliases).toEqual([`info@${domain}`, `sales@${org.domain}`]);
    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: userId, after: null, limit: 1 });
    expect(event).toMatchObject({ action: 'user.alias_add', after: { alias: `info@${domain}` } });
  });

  it('refuses an address in use, a domain not of the organization or not verified, and an invalid local part', async () => {
    const { userId, email } = await newUser();
    const other = await newUser();
    const inUse = await failure(addAlias(userId, other.email.split('@')[0]!));
    expect(inUse).toMatchObject({ code: 'CONFLICT', domainCode: 'ADDRESS.IN_USE', fieldErrors: { localPart: [`The email address ${other.email} is already in use.`] } });
    const own = await failure(addAlias(userId, email.split('@')[0]!));
    expect(own.fieldErrors.localPart).toEqual([`${email} is already an address of this user.`]);

    const foreign = await failure(addAlias(userId, 'x', 'elsewhere.example'));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', domainCode: 'DOMAIN.NOT_FOUND', fieldErrors: { domain: ['The domain elsewhere.example is not a domain of this organization.'] } });
    const pending = await addDomain(deps, org.organizationId, 'PENDING');
    expect(await failure(addAlias(userId, 'x', pending))).toMatchObject({ domainCode: 'DOMAIN.NOT_VERIFIED', fieldErrors: { domain: [expect.any(String)] } });

    const invalid = await failure(addAlias(userId, '.bad..local part'));
    expect(invalid.code).toBe('BAD_REQUEST');
    expect(invalid.fieldErrors.localPart).toEqual([
      'The part before the @ may contain only letters (a–z), digits and . _ % + -',
      'The part before the @ may not start or end with a dot, or contain two dots in a row.',
    ]);
    const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.example.com`;
    const tooLong = await failure(addAlias(userId, 'x'.repeat(64), domain));
    expect(tooLong).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'ADDRESS.INVALID', fieldErrors: { localPart: [expect.stringMatching(/at most 254 characters/)] } });
    expect(await addresses(userId)).toEqual([`*${email}`]);
  });

  it('allows at most 100 aliases', async () => {
    const { userId } = await newUser();
    for (let i = 0; i < 100; i++) {
      await insertAddress(deps.db, { address: `bulk${i}-${userId.slice(0, 8)}@${org.domain}`, organizationId: org.organizationId, entityId: userId, entityType: 'USER', isPrimary: false, origin: 'operator', createdAt: deps.clock() });
    }
    expect(await failure(addAlias(userId, `one-more-${userId.slice(0, 8)}`))).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', domainCode: 'ADDRESS.LIMIT_REACHED', message: 'An entity can have at most 100 aliases.' });
  });

  it('needs a user that has a primary address', async () => {
    const { userId } = await createUser(deps, op.actor, { organizationId: org.organizationId, name: uniqueName(), displayName: 'Never enabled' }, { register: false });
    expect(await failure(addAlias(userId, uniqueName()))).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'USER.INVALID_STATE', message: expect.stringMatching(/no email address yet/) });
  });

  it('two requests adding the same alias to two users: one succeeds, the other gets ADDRESS.IN_USE', async () => {
    const a = await newUser();
    const b = await newUser();
    const local = uniqueName('shared');
    const results = await Promise.allSettled([addAlias(a.userId, local), addAlias(b.userId, local)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(await failure(Promise.reject(rejected.reason))).toMatchObject({ domainCode: 'ADDRESS.IN_USE', fieldErrors: { localPart: [expect.any(String)] } });
  });

  it('removes an alias, which anyone may then take; never the primary, nor an address that is not the user’s', async () => {
    const { userId, email } = await newUser();
    const other = await newUser();
    const { address } = await addAlias(userId, uniqueName('old'));
    await removeAlias(userId, address.toUpperCase());
    expect(await addresses(userId)).toEqual([`*${email}`]);
    await addAlias(other.userId, address.split('@')[0]!);
    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: userId, after: null, limit: 1 });
    expect(event).toMatchObject({ action: 'user.alias_remove', before: { alias: address } });

    expect(await failure(removeAlias(userId, email))).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'ADDRESS.IS_PRIMARY', fieldErrors: { address: [expect.stringMatching(/make another address primary first/)] } });
    expect(await failure(removeAlias(userId, address))).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ADDRESS.NOT_FOUND', fieldErrors: { address: [expect.any(String)] } });
  });
});

describe('primary address', () => {
  it('promotes an alias: the two swap, and the user is found by its new address', async () => {
    const { userId, email } = await newUser();
    const { address } = await addAlias(userId, uniqueName('promo'));
    await setPrimary(userId, address);
    expect(await addresses(userId)).toEqual([`*${address}`, email]);
    expect((await users().get({ organizationId: org.organizationId, userId })).email).toBe(address);
    const found = await users().list({ organizationId: org.organizationId, primaryEmailPrefix: address });
    expect(found.items.map((u) => u.id)).toEqual([userId]);
    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: userId, after: null, limit: 1 });
    expect(event).toMatchObject({ action: 'user.primary_address_set', before: { email }, after: { email: address } });
  });

  it('takes a new address: the former primary becomes an alias; the same address again changes nothing', async () => {
    const { userId, email } = await newUser();
    const domain = await addDomain(deps, org.organizationId);
    const address = `${uniqueName('fresh')}@${domain}`;
    await setPrimary(userId, address.toUpperCase());
    expect(await addresses(userId)).toEqual([`*${address}`, email]);
    await setPrimary(userId, address);
    const events = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: userId, actionPrefix: 'user.primary', after: null, limit: 5 });
    expect(events).toHaveLength(1);
  });

  it('refuses an address in use or on a domain not of the organization, changing nothing', async () => {
    const { userId, email } = await newUser();
    const other = await newUser();
    expect(await failure(setPrimary(userId, other.email))).toMatchObject({ code: 'CONFLICT', domainCode: 'ADDRESS.IN_USE', fieldErrors: { address: [expect.any(String)] } });
    expect(await failure(setPrimary(userId, 'me@elsewhere.example'))).toMatchObject({ domainCode: 'DOMAIN.NOT_FOUND', fieldErrors: { address: [expect.any(String)] } });
    expect(await failure(setPrimary(userId, 'not an address'))).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { address: [expect.any(String)] } });
    expect(await addresses(userId)).toEqual([`*${email}`]);
  });
});
