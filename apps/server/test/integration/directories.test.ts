import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { findLdapConnection } from '@mailyard/db/queries/ldap-directories';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { directoryLdif, SERVICE_PASSWORD } from '../support/directory-seed.ts';
import { activeDirectorySettings, openLdapSettings } from '../support/directories.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startSlapd, type RunningSlapd } from '../support/slapd.ts';

let deps: TestDeps;
let slapd: RunningSlapd;
let op: TestOperator;
let other: TestOperator;
beforeAll(async () => {
  [deps, slapd] = await Promise.all([createTestDeps(), startSlapd(directoryLdif(200))]);
  op = await createOperator(deps);
  other = await createOperator(deps);
}, 60_000);
afterAll(async () => {
  await slapd?.close();
  await deps?.database.drop();
});

describe('test connection', () => {
  it('binds and counts the users and groups the settings find, with either preset', async () => {
    const caller = callerFor(deps, op.actor);
    expect(await caller.directories.testSettings(openLdapSettings(slapd.url))).toEqual({ users: 200, groups: 4 });
    expect(await caller.directories.testSettings(activeDirectorySettings(slapd.url))).toEqual({ users: 3, groups: 1 });
  });

  it('says the bind was refused, on the password field, for a wrong password', async () => {
    const refused = await failure(callerFor(deps, op.actor).directories.testSettings({ ...openLdapSettings(slapd.url), bindPassword: 'wrong' }));
    expect(refused).toMatchObject({ domainCode: 'DIRECTORY.BIND_REFUSED' });
    expect(refused.fieldErrors).toEqual({
      bindPassword: ['The directory refused to bind as "cn=mailyard,ou=services,dc=example,dc=org": the bind DN or its password is wrong, or the account is locked.'],
    });
  });

  it('says the directory cannot be reached, on the URL field, for a wrong host or port', async () => {
    const refused = await failure(callerFor(deps, op.actor).directories.testSettings(openLdapSettings('ldap://127.0.0.1:1')));
    expect(refused).toMatchObject({ domainCode: 'DIRECTORY.UNREACHABLE' });
    expect(refused.fieldErrors?.url?.[0]).toBe(
      "Cannot reach the directory at ldap://127.0.0.1:1 (connection refused). Check the host name and port, and that Mailyard's network can reach the directory.",
    );
  });

  it('names the base DN the directory does not have', async () => {
    const refused = await failure(callerFor(deps, op.actor).directories.testSettings({ ...openLdapSettings(slapd.url), groupBaseDn: 'ou=nowhere,dc=example,dc=org' }));
    expect(refused).toMatchObject({ domainCode: 'DIRECTORY.BASE_NOT_FOUND', fieldErrors: { groupBaseDn: [expect.stringContaining('check the group base DN')] } });
  });
});

describe('register', () => {
  it('registers a reachable directory with a d- id, seals the bind password, audits without it, and lists it', async () => {
    const caller = callerFor(deps, op.actor);
    const directory = await caller.directories.register({ name: 'Corp LDAP', ...openLdapSettings(slapd.url) });
    expect(directory).toMatchObject({ id: expect.stringMatching(/^d-[0-9a-f]{10}$/), name: 'Corp LDAP', preset: 'OpenLDAP', health: 'Healthy', organizationId: null });
    expect(directory).not.toHaveProperty('bindPassword');

    const row = await findLdapConnection(deps.db, directory.id);
    expect(row!.sealedBindPassword).not.toContain(SERVICE_PASSWORD);
    expect(deps.masterKey.open(row!.sealedBindPassword).toString()).toBe(SERVICE_PASSWORD);

    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId: null, actionPrefix: 'directory.', after: null, limit: 5 });
    expect(event).toMatchObject({ action: 'directory.register', targetId: directory.id });
    expect(JSON.stringify(event)).not.toContain(SERVICE_PASSWORD);

    expect((await caller.directories.list({})).items.map((d) => d.id)).toContain(directory.id);
    expect(await caller.directories.test({ directoryId: directory.id })).toEqual({ users: 200, groups: 4 });
  });

  it('refuses a directory it cannot bind to, and a taken name', async () => {
    const caller = callerFor(deps, op.actor);
    expect(await failure(caller.directories.register({ name: 'Bad', ...openLdapSettings(slapd.url), bindPassword: 'nope' }))).toMatchObject({
      domainCode: 'DIRECTORY.BIND_REFUSED',
    });
    await caller.directories.register({ name: 'Twice', ...openLdapSettings(slapd.url) });
    expect(await failure(caller.directories.register({ name: 'twice', ...openLdapSettings(slapd.url) }))).toMatchObject({
      domainCode: 'DIRECTORY.NAME_TAKEN',
      fieldErrors: { name: ['A directory named "twice" is already registered. Choose another name.'] },
    });
  });

  it("keeps each account's directories to itself", async () => {
    const mine = await callerFor(deps, op.actor).directories.register({ name: 'Private', ...openLdapSettings(slapd.url) });
    const theirs = callerFor(deps, other.actor);
    expect((await theirs.directories.list({})).items).toEqual([]);
    expect(await failure(theirs.directories.get({ directoryId: mine.id }))).toMatchObject({ domainCode: 'DIRECTORY.NOT_FOUND' });
    expect(await failure(theirs.directories.test({ directoryId: mine.id }))).toMatchObject({ domainCode: 'DIRECTORY.NOT_FOUND' });
    expect(await failure(theirs.directories.deregister({ directoryId: mine.id }))).toMatchObject({ domainCode: 'DIRECTORY.NOT_FOUND' });
  });

  it('deregisters a directory no organization uses', async () => {
    const caller = callerFor(deps, op.actor);
    const directory = await caller.directories.register({ name: 'Short-lived', ...openLdapSettings(slapd.url) });
    await caller.directories.deregister({ directoryId: directory.id });
    expect(await failure(caller.directories.get({ directoryId: directory.id }))).toMatchObject({ domainCode: 'DIRECTORY.NOT_FOUND' });
  });
});
