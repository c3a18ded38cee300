import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateAliasCommand,
  DisassociateMemberFromGroupCommand,
  DescribeGroupCommand,
  DescribeUserCommand,
  PutMailboxPermissionsCommand,
  RegisterMailDomainCommand,
  UpdateMailboxQuotaCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-workmail';
import type { OrganizationSnapshot } from '@mailyard/core/migration';
import { setNestedGroupsAllowed } from '@mailyard/db/queries/groups';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkMailOrganization } from '../../src/services/migration/engine/source.ts';
import { activeOrganization, awsTenant, type AwsTenant } from '../support/aws.ts';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, liveClock, type TestDeps } from '../support/deps.ts';
import { startDnsServer, type TestDnsServer } from '../support/dns.ts';
import { mergeZones, uniqueDomain, zoneOf } from '../support/domains.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { seedWorkMailOrganization, type SeededOrganization } from '../support/workmail-seed.ts';
import { runMigrateCli, sidesArgs, type CliRun } from './cli.ts';

let dns: TestDnsServer;
let source: { deps: TestDeps; server: TestServer; tenant: AwsTenant; organizationId: string; testDomain: string };
let target: { deps: TestDeps; server: TestServer; op: TestOperator; token: string; organizationId: string };
let seeded: SeededOrganization;
let own: [string, string];
let sourceZone: ReturnType<typeof zoneOf>;
let dir: string;

beforeAll(async () => {
  own = [uniqueDomain(), uniqueDomain()];
  dns = await startDnsServer(['example.com']);
  // The source follows real time: the run is long, and the AWS SDK's signatures must stay within its 15 minutes.
  const [sourceDeps, targetDeps] = await Promise.all([createTestDeps({ MAILYARD_DNS_SERVERS: dns.address }, liveClock()), createTestDeps({ MAILYARD_DNS_SERVERS: dns.address })]);
  const [sourceServer, targetServer] = await Promise.all([startTestServer(sourceDeps), startTestServer(targetDeps)]);
  const tenant = await awsTenant(sourceDeps, sourceServer.url);
  const org = await activeOrganization(tenant.client, `wm-${Math.random().toString(36).slice(2, 8)}`);
  source = { deps: sourceDeps, server: sourceServer, tenant, organizationId: org.organizationId, testDomain: org.domain };
  for (const DomainName of own) await tenant.client.send(new RegisterMailDomainCommand({ OrganizationId: org.organizationId, DomainName }));
  const records = await Promise.all(own.map((domainName) => callerFor(sourceDeps, tenant.op.actor).domains.get({ organizationId: org.organizationId, domainName })));
  // Both servers publish an autodiscover CNAME for a domain; the DNS can hold one, and neither check needs it.
  sourceZone = mergeZones(...records.map((d) => zoneOf(d.records, ['autodiscover'])));
  await dns.publish(sourceZone);
  for (const domainName of own) await callerFor(sourceDeps, tenant.op.actor).domains.verify({ organizationId: org.organizationId, domainName });
  // The source directory nests groups, as a WorkMail organization connected to Active Directory does.
  await setNestedGroupsAllowed(sourceDeps.db, org.organizationId, true);
  seeded = await seedWorkMailOrganization(tenant.client, org.organizationId, { test: org.domain, own });

  const op = await createOperator(targetDeps);
  const { token } = await callerFor(targetDeps, op.actor).apiTokens.create({ name: 'migration', access: 'read-write' });
  const { organizationId } = await callerFor(targetDeps, op.actor).organizations.create({ alias: `my-${Math.random().toString(36).slice(2, 8)}` });
  target = { deps: targetDeps, server: targetServer, op, token, organizationId };
  dir = await mkdtemp(path.join(tmpdir(), 'mailyard-migrate-'));
  await writeFile(path.join(dir, 'passwords.csv'), ['user,password', ...[...seeded.passwords].map(([u, p]) => `${u},${p}`)].join('\n'));
}, 600_000);

afterAll(async () => {
  await Promise.all([source?.server.close(), target?.server.close()]);
  await dns?.stop();
  await Promise.all([source?.deps.database.drop(), target?.deps.database.drop()]);
});

/** `mailyard migrate` against the two servers, AWS credentials from the environment, the token in MAILYARD_TOKEN. */
function migrate(args: string[], options: { killWhen?: (stderr: string) => boolean } = {}): Promise<CliRun> {
  return runMigrateCli(
    [
      ...sidesArgs({ url: source.server.url, region: source.deps.config.MAILYARD_REGION, organizationId: source.organizationId }, { url: target.server.url, organizationId: target.organizationId }),
      '--passwords-csv',
      path.join(dir, 'passwords.csv'),
      '--skip-mail',
      ...args,
    ],
    { MAILYARD_TOKEN: target.token, AWS_ACCESS_KEY_ID: source.tenant.accessKeyId, AWS_SECRET_ACCESS_KEY: source.tenant.secretAccessKey },
    options.killWhen,
  );
}

/** The target organization read back through its procedures (not the CLI's reader), in the snapshot's terms. */
async function targetView(): Promise<OrganizationSnapshot> {
  const caller = callerFor(target.deps, target.op.actor);
  const organizationId = target.organizationId;
  const users = [];
  const userIds = new Map<string, string>();
  for (let cursor: string | undefined, first = true; first || cursor; first = false) {
    const page = await caller.users.list({ organizationId, cursor, limit: 100 });
    for (const row of page.items) {
      const u = await caller.users.get({ organizationId, userId: row.id });
      userIds.set(u.name, u.id);
      const { firstName, lastName, initials, telephone, street, city, zipCode, country, company, department, jobTitle, office } = u;
      users.push({
        name: u.name,
        displayName: u.displayName,
        details: { firstName, lastName, initials, telephone, street, city, zipCode, country, company, department, jobTitle, office },
        hiddenFromGlobalAddressList: u.hiddenFromGlobalAddressList,
        role: u.role,
        state: u.state,
        email: u.email,
        aliases: u.aliases,
        quotaMb: u.state === 'ENABLED' ? (u.mailbox?.quotaMb ?? null) : null,
      });
    }
    cursor = page.nextCursor ?? undefined;
  }
  const groups = [];
  const groupPage = await caller.groups.list({ organizationId, limit: 100 });
  for (const g of groupPage.items) {
    const members = await caller.groups.listMembers({ organizationId, groupId: g.id, limit: 100 });
    const addresses = await caller.groups.listAddresses({ organizationId, groupId: g.id });
    groups.push({
      name: g.name,
      state: g.state,
      email: g.email,
      aliases: addresses.filter((a) => !a.isPrimary).map((a) => a.address),
      hiddenFromGlobalAddressList: g.hiddenFromGlobalAddressList,
      members: members.items.map((m) => ({ type: m.type, name: m.name })),
    });
  }
  const permissions = [];
  for (const u of users.filter((x) => x.state === 'ENABLED' && x.role !== 'SYSTEM_USER')) {
    for (const p of (await caller.permissions.list({ organizationId, mailboxUserId: userIds.get(u.name)!, limit: 100 })).items) {
      permissions.push({ mailbox: u.name, grantee: { type: p.granteeType, name: p.granteeName }, permissions: p.permissions });
    }
  }
  const resources = [];
  for (const r of (await caller.resources.list({ organizationId, limit: 100 })).items) {
    const detail = await caller.resources.get({ organizationId, resourceId: r.id });
    const delegates = await caller.resources.listDelegates({ organizationId, resourceId: r.id, limit: 100 });
    const { name, type, description, state, email, hiddenFromGlobalAddressList, bookingOptions } = detail;
    resources.push({ name, type, description, state, email, hiddenFromGlobalAddressList, bookingOptions, delegates: delegates.items.map((d) => ({ type: d.type, name: d.name })) });
  }
  const org = await caller.organizations.get({ organizationId });
  return {
    domains: org.domains.map((d) => ({ name: d.domain, isTest: d.isTestDomain, isDefault: d.isDefault, usable: d.verifiedAt !== null || d.isTestDomain })),
    users,
    groups,
    permissions,
    resources,
    nestedGroups: false,
  };
}

const sourceView = () => readWorkMailOrganization(source.tenant.client, source.organizationId, () => {});
const byName = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => a.name.localeCompare(b.name));
const targetAddress = (a: string) => a.replace(`@${source.testDomain}`, `@${targetTestDomain}`);
let targetTestDomain: string;

/** Source and target, entity by entity: every user's attributes, state, addresses and quota, every group and grant. */
function expectSameOrganization(s: OrganizationSnapshot, t: OrganizationSnapshot) {
  const users = byName(t.users.filter((u) => u.role !== 'SYSTEM_USER'));
  expect(users.map((u) => u.name)).toEqual(byName(s.users.filter((u) => u.role !== 'SYSTEM_USER')).map((u) => u.name));
  for (const [i, u] of byName(s.users.filter((x) => x.role !== 'SYSTEM_USER')).entries()) {
    expect(users[i], u.name).toEqual({ ...u, email: u.email && targetAddress(u.email), aliases: u.aliases.map(targetAddress).sort() });
  }
  // Groups in groups stay behind (Mailyard's directory does not nest them); every user member moves.
  const groups = (x: OrganizationSnapshot) => byName(x.groups).map((g) => ({ ...g, aliases: [...g.aliases].sort(), members: byName(g.members.filter((m) => m.type === 'USER')) }));
  expect(groups(t)).toEqual(groups(s));
  expect(s.groups.flatMap((g) => g.members).filter((m) => m.type === 'GROUP')).toHaveLength(4);
  const grants = (x: OrganizationSnapshot) => x.permissions.map((p) => `${p.mailbox} ${p.grantee.type}:${p.grantee.name} ${p.permissions.join('+')}`).sort();
  expect(grants(t)).toEqual(grants(s));
  // Resources: type, description, state and address, hidden flag, booking options, delegates.
  const resources = (x: OrganizationSnapshot) => byName(x.resources).map((r) => ({ ...r, delegates: byName(r.delegates) }));
  expect(resources(t)).toEqual(resources(s).map((r) => ({ ...r, email: r.email && targetAddress(r.email) })));
  expect(resources(t).map((r) => r.name)).toEqual(seeded.resourceNames);
}

describe('mailyard migrate (entities)', () => {
  it('--help documents every option', async () => {
    const run = await migrate(['--help']);
    expect(run.code).toBe(0);
    for (const option of ['--organization-id', '--region', '--endpoint-url', '--profile', '--target-url', '--target-organization-id', '--alias', '--passwords-csv', '--recovery-csv', '--dry-run', '--verbose', '--report', 'MAILYARD_TOKEN']) {
      expect(run.stdout).toContain(option);
    }
    const bad = await migrate(['--alias', 'x', '--recovery-csv', 'r.csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Give --target-organization-id or --alias (exactly one).');
    expect(bad.stderr).toContain('Give --passwords-csv or --recovery-csv, not both.');
  }, 120_000);

  it('plans first: a dry run counts what it will do and says why the rest waits, changing nothing', async () => {
    targetTestDomain = (await callerFor(target.deps, target.op.actor).organizations.get({ organizationId: target.organizationId })).defaultMailDomain!;
    const run = await migrate(['--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\s2 {2}domains to add/);
    // A third of the users are on the test domain and move at once, with the 12 disabled ones (no address); the
    // rest wait for their domains.
    expect(run.stdout).toMatch(/\s108 {2}users to create/);
    expect(run.stdout).toMatch(new RegExp(`\\s101  its address is on ${own[1]}, not verified in the target yet`));
    expect(run.stdout).toContain('Passwords cannot be read from WorkMail. New users get the password of their row in the passwords CSV');
    expect(run.stdout).toContain('Dry run: nothing was changed.');
    expect((await callerFor(target.deps, target.op.actor).users.list({ organizationId: target.organizationId, limit: 10 })).items.map((u) => u.name)).toEqual(['postmaster']);
  }, 300_000);

  it('runs, survives kill -9 in the middle, resumes, and leaves the target equal to the source', async () => {
    // The operator adds the two domains to the target ahead (as the dry run advised), publishes their records and
    // verifies them. (The command adding a missing domain is covered by the plan's unit tests.)
    const caller = callerFor(target.deps, target.op.actor);
    for (const domainName of own) await caller.domains.register({ organizationId: target.organizationId, domainName });
    const records = await Promise.all(own.map((domainName) => caller.domains.get({ organizationId: target.organizationId, domainName })));
    await dns.publish(mergeZones(sourceZone, ...records.map((d) => zoneOf(d.records, ['autodiscover']))));
    for (const domainName of own) expect((await caller.domains.verify({ organizationId: target.organizationId, domainName })).verifiedAt).not.toBeNull();

    const killed = await migrate([], { killWhen: (err) => /Applying \[#{6,}/.test(err) });
    expect(killed.signal).toBe('SIGKILL');
    const partial = (await targetView()).users.length;

    const resumed = await migrate(['--report', path.join(dir, 'report.json')]);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('The target matches the source: a new plan has no steps.');
    // The cut-over checklist names each domain's records to publish and what stays behind.
    expect(resumed.stdout).toContain(`[ ] publish the records of ${own[0]}`);
    expect(resumed.stdout).toMatch(new RegExp(`MX {4}${own[1].replace(/\./g, '\\.')} {2}10 `));
    expect(resumed.stdout).toContain('Stays behind in WorkMail:');
    expect(resumed.stdout).toMatch(/\s4 {2}The built-in directory does not support nested groups in the target/);
    const report = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8'));
    expect(report.failed).toEqual([]);
    // The resumed run did only what the killed one had not.
    expect(partial - 1).toBeGreaterThan(0);
    expect(report.plan.filter((s: string) => s.startsWith('create user')).length).toBe(seeded.userNames.length - (partial - 1));

    expectSameOrganization(await sourceView(), await targetView());
    // Passwords from the CSV work on the portal; a user without a row has none.
    const withPassword = [...seeded.passwords.keys()][0]!;
    const email = (await targetView()).users.find((u) => u.name === withPassword)!.email!;
    await expect(callerFor(target.deps, null).portal.signIn({ email, password: seeded.passwords.get(withPassword)! })).resolves.toBeTruthy();
  }, 900_000);

  it('a second run changes nothing; a change in the source moves only that change', async () => {
    const again = await migrate([]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to change: the target matches the source.');

    const client = source.tenant.client;
    const OrganizationId = source.organizationId;
    const idOf = async (name: string) => (await client.send(new DescribeUserCommand({ OrganizationId, UserId: `${name}@${source.testDomain}` }))).UserId!;
    const user003 = await idOf('user003');
    await client.send(new UpdateUserCommand({ OrganizationId, UserId: user003, DisplayName: 'Renamed Person', Office: 'HQ' }));
    await client.send(new CreateAliasCommand({ OrganizationId, EntityId: user003, Alias: `new-alias@${own[0]}` }));
    await client.send(new UpdateMailboxQuotaCommand({ OrganizationId, UserId: user003, MailboxQuota: 2048 }));
    const team = await client.send(new DescribeGroupCommand({ OrganizationId, GroupId: 'team003' }));
    await client.send(new DisassociateMemberFromGroupCommand({ OrganizationId, GroupId: team.GroupId!, MemberId: user003 }));
    await client.send(new PutMailboxPermissionsCommand({ OrganizationId, EntityId: user003, GranteeId: await idOf('user006'), PermissionValues: ['SEND_AS'] }));

    const run = await migrate(['--verbose']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const steps = run.stdout.split('Steps:\n')[1]!.split('\n\n')[0]!.trim().split('\n').map((l) => l.trim());
    expect(steps).toEqual([
      'update user user003: displayName, office',
      `add alias new-alias@${own[0]} to user user003`,
      'set the mailbox quota of user003 to 2048 MB',
      'remove user user003 from group team003',
      "grant SEND_AS on user003's mailbox to user user006",
    ]);
    expectSameOrganization(await sourceView(), await targetView());
  }, 600_000);
});
