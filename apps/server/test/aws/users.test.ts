import {
  CreateUserCommand,
  DeleteOrganizationCommand,
  DeleteUserCommand,
  DeregisterFromWorkMailCommand,
  DescribeOrganizationCommand,
  DescribeUserCommand,
  GetMailboxDetailsCommand,
  ListGroupsCommand,
  ListResourcesCommand,
  ListUsersCommand,
  paginateListUsers,
  RegisterToWorkMailCommand,
  ResetPasswordCommand,
  UpdateMailboxQuotaCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { activeOrganization, awsFailure, awsTenant, type AwsTenant } from '../support/aws.ts';

let deps: TestDeps;
let server: TestServer;
let tenant: AwsTenant;
let org: { organizationId: string; alias: string; domain: string };
beforeAll(async () => {
  deps = await createTestDeps();
  server = await startTestServer(deps);
  tenant = await awsTenant(deps, server.url);
  org = await activeOrganization(tenant.client);
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

let n = 0;
const uniqueName = (prefix = 'user') => `${prefix}${++n}-${Math.random().toString(36).slice(2, 7)}`;
const createUser = async (name = uniqueName(), extra: Record<string, unknown> = {}) => {
  const { UserId } = await tenant.client.send(
    new CreateUserCommand({ OrganizationId: org.organizationId, Name: name, DisplayName: `Display ${name}`, Password: 'Str0ng!Passw0rd', ...extra }),
  );
  return { id: UserId!, name };
};
const describeUser = (UserId: string) => tenant.client.send(new DescribeUserCommand({ OrganizationId: org.organizationId, UserId }));
const register = (EntityId: string, Email: string) => tenant.client.send(new RegisterToWorkMailCommand({ OrganizationId: org.organizationId, EntityId, Email }));

describe('the user lifecycle (§2.4)', () => {
  it('CreateUser makes a DISABLED user without an email; RegisterToWorkMail enables it with its mailbox', async () => {
    const { id, name } = await createUser(undefined, { FirstName: 'Jane', LastName: 'Doe', HiddenFromGlobalAddressList: true });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const created = await describeUser(id);
    expect(created).toMatchObject({ UserId: id, Name: name, DisplayName: `Display ${name}`, State: 'DISABLED', UserRole: 'USER', FirstName: 'Jane', LastName: 'Doe', HiddenFromGlobalAddressList: true });
    expect(created.Email).toBeUndefined();
    expect(created.EnabledDate).toBeUndefined();

    const email = `${name}@${org.domain}`;
    await register(name, email);
    const enabled = await describeUser(email);
    expect(enabled).toMatchObject({ UserId: id, State: 'ENABLED', Email: email });
    expect(enabled.EnabledDate).toBeInstanceOf(Date);
    expect(enabled.MailboxProvisionedDate).toBeInstanceOf(Date);
    // Registering again with the same address changes nothing; with another it is refused.
    await register(id, email);
    expect((await awsFailure(register(id, `other-${name}@${org.domain}`))).name).toBe('EntityAlreadyRegisteredException');

    expect((await awsFailure(tenant.client.send(new DeleteUserCommand({ OrganizationId: org.organizationId, UserId: id }))))).toMatchObject({
      name: 'EntityStateException',
      message: expect.stringMatching(/enabled: disable it before deleting it/),
    });

    await tenant.client.send(new DeregisterFromWorkMailCommand({ OrganizationId: org.organizationId, EntityId: id }));
    const disabled = await describeUser(id);
    expect(disabled).toMatchObject({ State: 'DISABLED' });
    expect(disabled.DisabledDate).toBeInstanceOf(Date);
    expect(disabled.MailboxDeprovisionedDate).toBeInstanceOf(Date);

    await tenant.client.send(new DeleteUserCommand({ OrganizationId: org.organizationId, UserId: id }));
    expect(await describeUser(id)).toMatchObject({ State: 'DELETED' });
    expect((await awsFailure(describeUser(name))).name).toBe('EntityNotFoundException');
    expect((await awsFailure(register(id, `again-${name}@${org.domain}`))).name).toBe('EntityStateException');
  });

  it('refuses a taken name, a reserved name, a SYSTEM_USER role and bad members', async () => {
    const { name } = await createUser();
    expect((await awsFailure(createUser(name.toUpperCase()))).name).toBe('NameAvailabilityException');
    expect((await awsFailure(createUser('postmaster'))).name).toBe('ReservedNameException');
    expect(await awsFailure(createUser(uniqueName(), { Role: 'SYSTEM_USER' }))).toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(/SYSTEM_USER/) });
    expect((await awsFailure(createUser(uniqueName(), { Role: 'RESOURCE' }))).name).toBe('InvalidParameterException');
    const cases: [Record<string, unknown>, string][] = [
      [{ Name: 'has space' }, 'Name'],
      [{ Name: 'x'.repeat(65) }, 'Name'],
      [{ DisplayName: 'x'.repeat(257) }, 'DisplayName'],
      [{ DisplayName: '' }, 'DisplayName'],
      [{ LastName: 'x'.repeat(257) }, 'LastName'],
      [{ Role: 'ADMIN' }, 'Role'],
      [{ OrganizationId: 'bad' }, 'OrganizationId'],
      [{ IdentityProviderUserId: '0123456789-not-a-uuid' }, 'IdentityProviderUserId'],
    ];
    for (const [extra, member] of cases) {
      const error = await awsFailure(tenant.client.send(new CreateUserCommand({ OrganizationId: org.organizationId, DisplayName: 'X', Name: uniqueName(), ...extra } as never)));
      expect(error.name).toBe('InvalidParameterException');
      expect(error.message).toContain(`'${member}'`);
    }
  });

  it.each([
    ['Sh0rt!', /at least 8 characters/],
    ['alllowercase', /at least 3 of these 5 groups/],
    [`Aa1!${'x'.repeat(60)}`, /fewer than 64 characters/],
  ])('refuses the password %j with InvalidPasswordException naming the rule', async (password, rule) => {
    const created = await awsFailure(createUser(uniqueName(), { Password: password }));
    expect(created).toMatchObject({ name: 'InvalidPasswordException', message: expect.stringMatching(rule) });
    const { id } = await createUser();
    const reset = await awsFailure(tenant.client.send(new ResetPasswordCommand({ OrganizationId: org.organizationId, UserId: id, Password: password })));
    expect(reset).toMatchObject({ name: 'InvalidPasswordException', message: expect.stringMatching(rule) });
  });

  it('ResetPassword takes an id only and sets a password that meets the policy', async () => {
    const { id, name } = await createUser(uniqueName('reset-name-'));
    await tenant.client.send(new ResetPasswordCommand({ OrganizationId: org.organizationId, UserId: id, Password: 'N3w!Passw0rd' }));
    expect((await awsFailure(tenant.client.send(new ResetPasswordCommand({ OrganizationId: org.organizationId, UserId: name, Password: 'N3w!Passw0rd' })))).name).toBe(
      'EntityNotFoundException',
    );
    expect((await awsFailure(tenant.client.send(new ResetPasswordCommand({ OrganizationId: org.organizationId, UserId: 'short', Password: 'N3w!Passw0rd' })))).name).toBe(
      'InvalidParameterException',
    );
  });

  it('RegisterToWorkMail: an address in use, a domain the organization lacks, an unknown entity', async () => {
    const first = await createUser();
    const email = `${first.name}@${org.domain}`;
    await register(first.id, email);
    const second = await createUser();
    expect((await awsFailure(register(second.id, email.toUpperCase()))).name).toBe('EmailAddressInUseException');
    expect((await awsFailure(register(second.id, `${second.name}@unknown.example`))).name).toBe('MailDomainNotFoundException');
    expect((await awsFailure(register('nobody-here', `nobody@${org.domain}`))).name).toBe('EntityNotFoundException');
    expect((await awsFailure(register(second.id, 'not-an-address'))).message).toContain("'Email'");
  });
});

describe('DescribeUser and UpdateUser', () => {
  it('finds a user by id, name or email; UpdateUser changes only the members present', async () => {
    const { id, name } = await createUser(undefined, { FirstName: 'Ann' });
    await register(id, `${name}@${org.domain}`);
    for (const ref of [id, id.toUpperCase(), name, name.toUpperCase(), `${name}@${org.domain}`]) expect((await describeUser(ref)).UserId).toBe(id);

    await tenant.client.send(new UpdateUserCommand({ OrganizationId: org.organizationId, UserId: name, City: 'Paris', JobTitle: 'Engineer', HiddenFromGlobalAddressList: true, Role: 'USER' }));
    expect(await describeUser(id)).toMatchObject({ City: 'Paris', JobTitle: 'Engineer', FirstName: 'Ann', HiddenFromGlobalAddressList: true });
    await tenant.client.send(new UpdateUserCommand({ OrganizationId: org.organizationId, UserId: id, City: '', IdentityProviderUserId: '' }));
    const cleared = await describeUser(id);
    expect(cleared.City).toBeUndefined();
    expect(cleared.JobTitle).toBe('Engineer');

    for (const [input, name_] of [
      [{ DisplayName: '' }, 'InvalidParameterException'],
      [{ Office: 'x'.repeat(257) }, 'InvalidParameterException'],
      [{ Role: 'SYSTEM_USER' }, 'InvalidParameterException'],
      [{ Role: 'RESOURCE' }, 'InvalidParameterException'],
      [{ IdentityProviderUserId: 'not-a-uuid' }, 'InvalidParameterException'],
    ] as const) {
      expect((await awsFailure(tenant.client.send(new UpdateUserCommand({ OrganizationId: org.organizationId, UserId: id, ...input } as never)))).name).toBe(name_);
    }
    expect((await awsFailure(tenant.client.send(new UpdateUserCommand({ OrganizationId: org.organizationId, UserId: 'ghost', City: 'x' })))).name).toBe(
      'EntityNotFoundException',
    );
  });

  it('a change through /aws shows in the tRPC API, and a console change through /aws', async () => {
    const { id, name } = await createUser();
    const console = callerFor(deps, tenant.op.actor);
    expect(await console.users.get({ organizationId: org.organizationId, userId: id })).toMatchObject({ name, state: 'DISABLED' });
    const fromConsole = await console.users.create({
      organizationId: org.organizationId,
      name: uniqueName('console'),
      displayName: 'From the console',
      password: 'Str0ng!Passw0rd',
      repeatPassword: 'Str0ng!Passw0rd',
    });
    expect(await describeUser(fromConsole.userId)).toMatchObject({ DisplayName: 'From the console', State: 'ENABLED' });
  });
});

describe('ListUsers', () => {
  it('pages with the SDK paginator over 3+ pages and applies every filter', async () => {
    const prefix = `lst${Math.random().toString(36).slice(2, 6)}`;
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await createUser(`${prefix}-${i}`, { DisplayName: i % 2 ? `Odd ${i}` : `Even ${i}` }));
    await register(made[0]!.id, `${prefix}-0@${org.domain}`);

    const pages = [];
    for await (const page of paginateListUsers({ client: tenant.client, pageSize: 2 }, { OrganizationId: org.organizationId, Filters: { UsernamePrefix: prefix } })) {
      pages.push(page);
    }
    expect(pages.length).toBe(4);
    expect(pages.flatMap((p) => p.Users!.map((u) => u.Name))).toEqual(made.map((u) => u.name));
    expect(pages[0]!.Users![0]).toMatchObject({ Id: made[0]!.id, Email: `${prefix}-0@${org.domain}`, State: 'ENABLED', UserRole: 'USER', DisplayName: 'Even 0' });

    const list = (Filters: object, extra: object = {}) => tenant.client.send(new ListUsersCommand({ OrganizationId: org.organizationId, Filters, ...extra }));
    expect((await list({ UsernamePrefix: prefix.toUpperCase(), State: 'ENABLED' })).Users!.map((u) => u.Name)).toEqual([`${prefix}-0`]);
    expect((await list({ UsernamePrefix: prefix, DisplayNamePrefix: 'odd' })).Users!.map((u) => u.Name)).toEqual([`${prefix}-1`, `${prefix}-3`, `${prefix}-5`]);
    expect((await list({ PrimaryEmailPrefix: `${prefix}-0@` })).Users!.map((u) => u.Id)).toEqual([made[0]!.id]);
    expect((await list({ UsernamePrefix: prefix, State: 'DELETED' })).Users).toEqual([]);
    // System users are listed too, as in WorkMail.
    const system = await list({ UsernamePrefix: 'postmaster' });
    expect(system.Users).toEqual([expect.objectContaining({ Name: 'postmaster', UserRole: 'SYSTEM_USER', State: 'ENABLED' })]);

    const first = await list({ UsernamePrefix: prefix }, { MaxResults: 2 });
    expect((await awsFailure(list({ UsernamePrefix: `${prefix}-1` }, { NextToken: first.NextToken }))).message).toContain("'NextToken'");
    expect((await awsFailure(list({}, { MaxResults: 0 }))).message).toContain("'MaxResults'");
    expect((await awsFailure(list({ State: 'ACTIVE' }))).message).toContain("'Filters.State'");
    expect((await awsFailure(list({ IdentityProviderUserIdPrefix: 'xyz' }))).message).toContain("'Filters.IdentityProviderUserIdPrefix'");
  });
});

describe('roles and identity-provider links', () => {
  const update = (UserId: string, members: Record<string, unknown>) =>
    tenant.client.send(new UpdateUserCommand({ OrganizationId: org.organizationId, UserId, ...members }));

  it('UpdateUser moves a user between USER and REMOTE_USER, audited; never to SYSTEM_USER, never a system user', async () => {
    const { id, name } = await createUser();
    await update(id, { Role: 'REMOTE_USER' });
    expect((await describeUser(id)).UserRole).toBe('REMOTE_USER');
    const listed = await tenant.client.send(new ListUsersCommand({ OrganizationId: org.organizationId, Filters: { UsernamePrefix: name } }));
    expect(listed.Users!.map((u) => u.UserRole)).toEqual(['REMOTE_USER']);
    await update(name, { Role: 'USER' });
    expect((await describeUser(id)).UserRole).toBe('USER');
    const events = await listAuditEvents(deps.db, { accountId: tenant.op.actor.accountId, targetId: id, actionPrefix: 'user.update', after: null, limit: 5 });
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ role: 'REMOTE_USER' }, { role: 'USER' }],
      [{ role: 'USER' }, { role: 'REMOTE_USER' }],
    ]);

    expect(await awsFailure(update('postmaster', { Role: 'USER' }))).toMatchObject({ name: 'EntityStateException', message: expect.stringMatching(/system user/) });
    expect((await awsFailure(update('postmaster', { Role: 'SYSTEM_USER' }))).name).toBe('InvalidParameterException');
    expect((await describeUser('postmaster')).UserRole).toBe('SYSTEM_USER');
  });

  it('IdentityProviderUserId: kept by CreateUser and UpdateUser, returned by DescribeUser and ListUsers, filtered by prefix, cleared by ""', async () => {
    const store = Array.from({ length: 10 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
    const first = `${store}-00000001-89ab-cdef-0123-456789abcdef`;
    const second = `${store}-00000002-89AB-CDEF-0123-456789ABCDEF`;
    const a = await createUser(undefined, { IdentityProviderUserId: first });
    const b = await createUser();
    await update(b.id, { IdentityProviderUserId: second });
    expect((await describeUser(a.id)).IdentityProviderUserId).toBe(first);
    expect((await describeUser(b.name)).IdentityProviderUserId).toBe(second);

    const pages = [];
    for await (const page of paginateListUsers({ client: tenant.client, pageSize: 1 }, { OrganizationId: org.organizationId, Filters: { IdentityProviderUserIdPrefix: store.toUpperCase() } })) {
      pages.push(page);
    }
    expect(pages.flatMap((p) => p.Users!.map((u) => [u.Id, u.IdentityProviderUserId]))).toEqual([
      [a.id, first],
      [b.id, second],
    ]);
    const byBoth = await tenant.client.send(
      new ListUsersCommand({ OrganizationId: org.organizationId, Filters: { UsernamePrefix: b.name, IdentityProviderUserIdPrefix: `${store}-00000002-89ab` } }),
    );
    expect(byBoth.Users!.map((u) => u.Id)).toEqual([b.id]);

    await update(a.id, { IdentityProviderUserId: '' });
    expect((await describeUser(a.id)).IdentityProviderUserId).toBeUndefined();
    const after = await tenant.client.send(new ListUsersCommand({ OrganizationId: org.organizationId, Filters: { IdentityProviderUserIdPrefix: store } }));
    expect(after.Users!.map((u) => u.Id)).toEqual([b.id]);
    const console = await callerFor(deps, tenant.op.actor).users.get({ organizationId: org.organizationId, userId: b.id });
    expect(console.identityProviderUserId).toBe(second);
  });
});

describe('mailbox quota', () => {
  it('GetMailboxDetails and UpdateMailboxQuota in MB, within 1–51,200', async () => {
    const { id, name } = await createUser();
    expect((await awsFailure(tenant.client.send(new GetMailboxDetailsCommand({ OrganizationId: org.organizationId, UserId: id })))).name).toBe('EntityNotFoundException');
    await register(id, `${name}@${org.domain}`);
    expect(await tenant.client.send(new GetMailboxDetailsCommand({ OrganizationId: org.organizationId, UserId: name }))).toMatchObject({ MailboxQuota: 51200, MailboxSize: 0 });
    await tenant.client.send(new UpdateMailboxQuotaCommand({ OrganizationId: org.organizationId, UserId: name, MailboxQuota: 10240 }));
    expect(await tenant.client.send(new GetMailboxDetailsCommand({ OrganizationId: org.organizationId, UserId: id }))).toMatchObject({ MailboxQuota: 10240 });
    for (const MailboxQuota of [0, 51201]) {
      const error = await awsFailure(tenant.client.send(new UpdateMailboxQuotaCommand({ OrganizationId: org.organizationId, UserId: id, MailboxQuota })));
      expect(error).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining("'MailboxQuota'") });
    }
    expect((await awsFailure(tenant.client.send(new UpdateMailboxQuotaCommand({ OrganizationId: org.organizationId, UserId: 'ghost', MailboxQuota: 5 })))).name).toBe(
      'EntityNotFoundException',
    );
  });
});

describe('organization state', () => {
  it('answers OrganizationStateException on a deleted organization, with AWS’s message', async () => {
    const doomed = await activeOrganization(tenant.client);
    await tenant.client.send(new DeleteOrganizationCommand({ OrganizationId: doomed.organizationId, DeleteDirectory: true }));
    for (let i = 0; i < 100 && (await tenant.client.send(new DescribeOrganizationCommand({ OrganizationId: doomed.organizationId }))).State !== 'Deleted'; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const message = `Organization ${doomed.organizationId} is not Active, state: Deleted`;
    // The lists check the state with their page (one round trip), each of them.
    const OrganizationId = doomed.organizationId;
    expect(await awsFailure(tenant.client.send(new ListUsersCommand({ OrganizationId })))).toMatchObject({ name: 'OrganizationStateException', message });
    expect(await awsFailure(tenant.client.send(new ListGroupsCommand({ OrganizationId })))).toMatchObject({ name: 'OrganizationStateException', message });
    expect(await awsFailure(tenant.client.send(new ListResourcesCommand({ OrganizationId })))).toMatchObject({ name: 'OrganizationStateException', message });
    expect(await awsFailure(tenant.client.send(new CreateUserCommand({ OrganizationId: doomed.organizationId, Name: 'x', DisplayName: 'x' })))).toMatchObject({
      name: 'OrganizationStateException',
    });
    expect((await awsFailure(tenant.client.send(new DescribeUserCommand({ OrganizationId: doomed.organizationId, UserId: 'x' })))).name).toBe('OrganizationStateException');
  });

  it('needs ForceDelete while users are enabled', async () => {
    const busy = await activeOrganization(tenant.client);
    const { UserId } = await tenant.client.send(new CreateUserCommand({ OrganizationId: busy.organizationId, Name: 'busy', DisplayName: 'Busy' }));
    await tenant.client.send(new RegisterToWorkMailCommand({ OrganizationId: busy.organizationId, EntityId: UserId, Email: `busy@${busy.domain}` }));
    const refused = await awsFailure(tenant.client.send(new DeleteOrganizationCommand({ OrganizationId: busy.organizationId, DeleteDirectory: true })));
    expect(refused).toMatchObject({ name: 'OrganizationStateException', message: expect.stringMatching(/1 enabled user.*ForceDelete/) });
    const forced = await tenant.client.send(new DeleteOrganizationCommand({ OrganizationId: busy.organizationId, DeleteDirectory: true, ForceDelete: true }));
    expect(forced.State).toBe('Deleting');
    for (let i = 0; i < 100 && (await tenant.client.send(new DescribeOrganizationCommand({ OrganizationId: busy.organizationId }))).State !== 'Deleted'; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    // The alias, its domain and the user's address are free again.
    const reborn = await activeOrganization(tenant.client, busy.alias);
    const again = await tenant.client.send(new CreateUserCommand({ OrganizationId: reborn.organizationId, Name: 'busy', DisplayName: 'Busy again' }));
    await tenant.client.send(new RegisterToWorkMailCommand({ OrganizationId: reborn.organizationId, EntityId: again.UserId, Email: `busy@${busy.domain}` }));
  });
});
