import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUOTA_MB } from '@mailyard/core/mailboxes';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { findPasswordHash } from '@mailyard/db/queries/portal-accounts';
import { recentPasswordHashes } from '@mailyard/db/queries/self-service';
import { verifyPassword } from '../../src/platform/passwords.ts';
import { createUser } from '../../src/services/users/create.ts';
import { registerUser } from '../../src/services/users/register.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { addDomain, createActiveOrganization, PASSWORD, uniqueName, type ActiveOrganization } from '../support/users.ts';

let deps: TestDeps;
let op: TestOperator;
let org: ActiveOrganization;
beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
});
afterAll(() => deps.database.drop());

const input = (fields: Record<string, unknown> = {}) => ({
  organizationId: org.organizationId,
  name: uniqueName(),
  displayName: 'Alice Liddell',
  password: PASSWORD,
  repeatPassword: PASSWORD,
  ...fields,
});

describe('create user (console)', () => {
  it('creates the user enabled, with name@default domain and a mailbox of the default quota', async () => {
    const caller = callerFor(deps, op.actor);
    const name = uniqueName('Alice');
    const { userId } = await caller.users.create(input({ name, firstName: 'Alice', lastName: 'Liddell' }));
    const user = await caller.users.get({ organizationId: org.organizationId, userId });
    expect(user).toMatchObject({
      id: userId,
      name,
      displayName: 'Alice Liddell',
      firstName: 'Alice',
      lastName: 'Liddell',
      email: `${name.toLowerCase()}@${org.domain}`,
      state: 'ENABLED',
      role: 'USER',
      aliases: [],
      enabledAt: deps.clock(),
      disabledAt: null,
      mailbox: { quotaMb: DEFAULT_QUOTA_MB, usageBytes: 0, provisionedAt: deps.clock(), deprovisionedAt: null, deletionDueAt: null, deletedAt: null },
    });
    expect(user).not.toHaveProperty('passwordHash');
  });

  it('stores the password as argon2id, also in the password history, and audits without it', async () => {
    const caller = callerFor(deps, op.actor);
    const { userId, ...rest } = await caller.users.create(input());
    expect(rest).toEqual({});
    const key = { organizationId: org.organizationId, userId };
    const hash = (await findPasswordHash(deps.db, key))!;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    expect(await recentPasswordHashes(deps.db, key, 5)).toEqual([hash]);

    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: userId, after: null, limit: 5 });
    expect(event).toMatchObject({ action: 'user.create', actorLabel: op.email, organizationId: org.organizationId, before: null });
    expect(event!.after).toMatchObject({ state: 'ENABLED', displayName: 'Alice Liddell', role: 'USER' });
    expect(JSON.stringify(event)).not.toContain(PASSWORD);
    expect(JSON.stringify(event)).not.toContain('argon2');
  });

  it('takes an edited address on another verified domain of the organization', async () => {
    const domain = await addDomain(deps, org.organizationId);
    const caller = callerFor(deps, op.actor);
    const { userId } = await caller.users.create(input({ email: ` Alice.L@${domain.toUpperCase()}` }));
    expect((await caller.users.get({ organizationId: org.organizationId, userId })).email).toBe(`alice.l@${domain}`);
  });

  it('refuses a name taken in the organization, whatever the case', async () => {
    const caller = callerFor(deps, op.actor);
    const name = uniqueName('bob');
    await caller.users.create(input({ name }));
    const error = await failure(caller.users.create(input({ name: name.toUpperCase() })));
    expect(error).toMatchObject({ code: 'CONFLICT', domainCode: 'USER.NAME_TAKEN' });
    expect(error.fieldErrors.name![0]).toMatch(/already in use/);
  });

  it('allows the same name in another organization', async () => {
    const other = await createActiveOrganization(deps, op.actor);
    const name = uniqueName('carol');
    await callerFor(deps, op.actor).users.create(input({ name }));
    await expect(callerFor(deps, op.actor).users.create({ ...input({ name }), organizationId: other.organizationId })).resolves.toBeTruthy();
  });

  it('refuses an address in use — a primary or an alias, in any case — naming the field', async () => {
    const caller = callerFor(deps, op.actor);
    const taken = `${uniqueName('dave')}@${org.domain}`;
    await caller.users.create(input({ email: taken }));
    const error = await failure(caller.users.create(input({ email: taken.toUpperCase() })));
    expect(error).toMatchObject({ code: 'CONFLICT', domainCode: 'ADDRESS.IN_USE', message: `The email address ${taken} is already in use.` });
    expect(Object.keys(error.fieldErrors)).toEqual(['email']);

    const alias = `${uniqueName('alias')}@${org.domain}`;
    const { userId } = await caller.users.create(input());
    await caller.users.addAlias({ organizationId: org.organizationId, entityId: userId, localPart: alias.split('@')[0]!, domain: org.domain });
    expect((await failure(caller.users.create(input({ email: alias })))).domainCode).toBe('ADDRESS.IN_USE');
  });

  it('refuses a domain that is not the organization’s, and one not verified yet', async () => {
    const caller = callerFor(deps, op.actor);
    const foreign = await failure(caller.users.create(input({ email: 'eve@elsewhere.example' })));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', domainCode: 'DOMAIN.NOT_FOUND' });
    expect(foreign.fieldErrors.email![0]).toBe('The domain elsewhere.example is not a domain of this organization.');

    const pending = await addDomain(deps, org.organizationId, 'PENDING');
    const unverified = await failure(caller.users.create(input({ email: `eve@${pending}` })));
    expect(unverified).toMatchObject({ domainCode: 'DOMAIN.NOT_VERIFIED', fieldErrors: { email: [expect.stringMatching(/not verified/)] } });
  });

  it('refuses a name whose default address would be invalid, and asks for another address', async () => {
    const error = await failure(callerFor(deps, op.actor).users.create(input({ name: 'a..b' })));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'ADDRESS.INVALID' });
    expect(error.fieldErrors.email![0]).toMatch(/two dots in a row/);
  });

  it('refuses a weak password naming every rule it breaks, and a mismatched repeat', async () => {
    const error = await failure(callerFor(deps, op.actor).users.create(input({ password: 'short', repeatPassword: 'shorT' })));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fieldErrors.password).toEqual([
      'Password must be at least 8 characters.',
      expect.stringMatching(/^Password must contain characters from at least 3 of these 5 groups/),
    ]);
    expect(error.fieldErrors.repeatPassword).toEqual(['Passwords do not match.']);
  });

  it('refuses reserved names, invalid names and over-long attributes naming the field', async () => {
    const caller = callerFor(deps, op.actor);
    const reserved = await failure(caller.users.create(input({ name: 'Postmaster' })));
    expect(reserved.fieldErrors.name).toEqual(['"Postmaster" is reserved for the mail system and cannot be used as a user name.']);
    const bad = await failure(caller.users.create(input({ name: 'john doe', displayName: 'x'.repeat(257), lastName: 'a\nb' })));
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['displayName', 'lastName', 'name']);
    expect(bad.fieldErrors.displayName).toEqual(['Display name must be at most 256 characters.']);
  });

  it('creates nothing when refused: the name stays free', async () => {
    const caller = callerFor(deps, op.actor);
    const name = uniqueName('frank');
    await failure(caller.users.create(input({ name, email: 'frank@elsewhere.example' })));
    const page = await caller.users.list({ organizationId: org.organizationId, usernamePrefix: name });
    expect(page.items).toEqual([]);
    await expect(caller.users.create(input({ name }))).resolves.toBeTruthy();
  });
});

describe('races', () => {
  it('two requests creating the same address: one succeeds, the other gets ADDRESS.IN_USE', async () => {
    const email = `${uniqueName('race')}@${org.domain}`;
    const results = await Promise.allSettled([
      callerFor(deps, op.actor).users.create(input({ email })),
      callerFor(deps, op.actor).users.create(input({ email })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(await failure(Promise.reject(rejected.reason))).toMatchObject({ code: 'CONFLICT', domainCode: 'ADDRESS.IN_USE', fieldErrors: { email: [expect.any(String)] } });
  });

  it('two requests creating the same user name: one succeeds, the other gets USER.NAME_TAKEN', async () => {
    const name = uniqueName('twin');
    const results = await Promise.allSettled([
      callerFor(deps, op.actor).users.create(input({ name, email: `${name}-1@${org.domain}` })),
      callerFor(deps, op.actor).users.create(input({ name: name.toUpperCase(), email: `${name}-2@${org.domain}` })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(await failure(Promise.reject(rejected.reason))).toMatchObject({ code: 'CONFLICT', domainCode: 'USER.NAME_TAKEN', fieldErrors: { name: [expect.any(String)] } });
  });
});

describe('WorkMail semantics (the services the /aws adapter calls)', () => {
  it('CreateUser makes a DISABLED user without address; RegisterToWorkMail enables it, then is a no-op or refused', async () => {
    const caller = callerFor(deps, op.actor);
    const name = uniqueName('wm');
    const { userId } = await createUser(deps, op.actor, { organizationId: org.organizationId, name, displayName: 'WM', role: 'REMOTE_USER' }, { register: false });
    expect(await caller.users.get({ organizationId: org.organizationId, userId })).toMatchObject({ state: 'DISABLED', email: null, role: 'REMOTE_USER', mailbox: null });
    expect(await findPasswordHash(deps.db, { organizationId: org.organizationId, userId })).toBeNull();

    const email = `${name}@${org.domain}`;
    await registerUser(deps, op.actor, { organizationId: org.organizationId, userId, email });
    expect(await caller.users.get({ organizationId: org.organizationId, userId })).toMatchObject({ state: 'ENABLED', email, mailbox: { quotaMb: DEFAULT_QUOTA_MB } });

    await registerUser(deps, op.actor, { organizationId: org.organizationId, userId, email: email.toUpperCase() });
    const events = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: userId, after: null, limit: 10 });
    expect(events.map((e) => e.action)).toEqual(['user.enable', 'user.create']);

    const again = await failure(caller.users.enable({ organizationId: org.organizationId, users: [{ userId, email: `other-${email}` }] }));
    expect(again).toMatchObject({ code: 'CONFLICT', domainCode: 'USER.ALREADY_REGISTERED', fieldErrors: { 'users.0.email': [expect.stringMatching(/already enabled/)] } });
  });

  it('CreateUser refuses the roles only the system gives', async () => {
    const refused = createUser(deps, op.actor, { organizationId: org.organizationId, name: uniqueName(), displayName: 'S', role: 'SYSTEM_USER' }, { register: false });
    await expect(refused).rejects.toMatchObject({ code: 'USER.ROLE_NOT_ALLOWED' });
  });
});
