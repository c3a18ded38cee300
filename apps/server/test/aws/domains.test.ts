import {
  CreateOrganizationCommand,
  DeregisterMailDomainCommand,
  DescribeOrganizationCommand,
  GetMailDomainCommand,
  ListMailDomainsCommand,
  paginateListMailDomains,
  RegisterMailDomainCommand,
  UpdateDefaultMailDomainCommand,
} from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { startDnsServer, type TestDnsServer } from '../support/dns.ts';
import { uniqueDomain, zoneOf } from '../support/domains.ts';
import { failure } from '../support/errors.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createEnabledUser } from '../support/users.ts';
import { activeOrganization, awsFailure, awsTenant, uniqueAlias, type AwsTenant } from '../support/aws.ts';

let deps: TestDeps;
let dns: TestDnsServer;
let server: TestServer;
let tenant: AwsTenant;
let other: AwsTenant;
let organizationId: string;
let testDomain: string;
beforeAll(async () => {
  dns = await startDnsServer(['example.com']);
  deps = await createTestDeps({ MAILYARD_DNS_SERVERS: dns.address, MAILYARD_MX_HOST: 'mx.mailyard.example' });
  server = await startTestServer(deps);
  tenant = await awsTenant(deps, server.url);
  other = await awsTenant(deps, server.url);
  ({ organizationId, domain: testDomain } = await activeOrganization(tenant.client));
});
afterAll(async () => {
  await server.close();
  await dns.stop();
  await deps.database.drop();
});

const domainsOf = async (id = organizationId) =>
  (await tenant.client.send(new ListMailDomainsCommand({ OrganizationId: id }))).MailDomains!.map((d) => d.DomainName).sort();
/** Verify now, as the console's button does (WorkMail has no such operation: its service checks by itself). */
const verifyNow = (domainName: string, id = organizationId, who = tenant) => callerFor(deps, who.op.actor).domains.verify({ organizationId: id, domainName });

describe('RegisterMailDomain, GetMailDomain, UpdateDefaultMailDomain, DeregisterMailDomain, ListMailDomains', () => {
  const domain = uniqueDomain();

  it('registers a domain pending verification, with the records to publish in WorkMail’s shape', async () => {
    const token = crypto.randomUUID();
    expect(await tenant.client.send(new RegisterMailDomainCommand({ OrganizationId: organizationId, DomainName: domain, ClientToken: token }))).toMatchObject({
      $metadata: { httpStatusCode: 200 },
    });
    // The same ClientToken again: success, no second registration.
    await tenant.client.send(new RegisterMailDomainCommand({ OrganizationId: organizationId, DomainName: domain, ClientToken: token }));
    const again = await awsFailure(tenant.client.send(new RegisterMailDomainCommand({ OrganizationId: organizationId, DomainName: domain })));
    expect(again).toMatchObject({ name: 'MailDomainInUseException', message: `The domain ${domain} is already a domain of this organization.` });
    const reused = await awsFailure(tenant.client.send(new RegisterMailDomainCommand({ OrganizationId: organizationId, DomainName: uniqueDomain(), ClientToken: token })));
    expect(reused).toMatchObject({ name: 'InvalidParameterException', message: 'This client token was already used to add a different domain.' });

    const got = await tenant.client.send(new GetMailDomainCommand({ OrganizationId: organizationId, DomainName: domain }));
    expect(got).toMatchObject({ IsTestDomain: false, IsDefault: false, OwnershipVerificationStatus: 'PENDING', DkimVerificationStatus: 'PENDING' });
    expect(got.Records!.map((r) => [r.Type, r.Hostname])).toEqual([
      ['TXT', `_mailyard.${domain}`],
      ['MX', domain],
      ['TXT', domain],
      ['TXT', expect.stringMatching(new RegExp(`^mailyard-\\d{8}-[0-9a-f]{4}\\._domainkey\\.${domain.replace(/\./g, '\\.')}$`))],
      ['TXT', `_dmarc.${domain}`],
      ['CNAME', `autodiscover.${domain}`],
    ]);
    expect(got.Records![1]!.Value).toBe('10 mx.mailyard.example');
    expect(await domainsOf()).toEqual([domain, testDomain].sort());
  });

  it('refuses to make an unverified domain the default (MailDomainStateException), then does once verified', async () => {
    const refused = await awsFailure(tenant.client.send(new UpdateDefaultMailDomainCommand({ OrganizationId: organizationId, DomainName: domain })));
    expect(refused).toMatchObject({ name: 'MailDomainStateException', status: 400, message: expect.stringMatching(/is not verified yet/) });
    const got = await tenant.client.send(new GetMailDomainCommand({ OrganizationId: organizationId, DomainName: domain }));
    await dns.publish(zoneOf((await callerFor(deps, tenant.op.actor).domains.get({ organizationId, domainName: domain })).records));
    expect(got.Records).toHaveLength(6);
    await verifyNow(domain);
    expect(await tenant.client.send(new GetMailDomainCommand({ OrganizationId: organizationId, DomainName: domain }))).toMatchObject({
      OwnershipVerificationStatus: 'VERIFIED',
      DkimVerificationStatus: 'VERIFIED',
    });
    await tenant.client.send(new UpdateDefaultMailDomainCommand({ OrganizationId: organizationId, DomainName: domain }));
    expect((await tenant.client.send(new DescribeOrganizationCommand({ OrganizationId: organizationId }))).DefaultMailDomain).toBe(domain);
    const listed = (await tenant.client.send(new ListMailDomainsCommand({ OrganizationId: organizationId }))).MailDomains!;
    expect(listed).toEqual(expect.arrayContaining([{ DomainName: domain, DefaultDomain: true }, { DomainName: testDomain, DefaultDomain: false }]));
  });

  it('pages through ListMailDomains with the SDK paginator', async () => {
    const pages = [];
    for await (const page of paginateListMailDomains({ client: tenant.client, pageSize: 1 }, { OrganizationId: organizationId })) pages.push(page.MailDomains!.length);
    expect(pages).toEqual([1, 1]);
  });

  it('refuses a domain another account has verified (MailDomainInUseException), naming no one', async () => {
    const theirs = await activeOrganization(other.client);
    const error = await awsFailure(other.client.send(new RegisterMailDomainCommand({ OrganizationId: theirs.organizationId, DomainName: domain })));
    expect(error).toEqual({ name: 'MailDomainInUseException', status: 400, fault: 'client', message: `The domain ${domain} is already in use by another organization.` });
    expect(await domainsOf(organizationId)).toContain(domain);
    expect((await other.client.send(new ListMailDomainsCommand({ OrganizationId: theirs.organizationId }))).MailDomains!.map((d) => d.DomainName)).toEqual([theirs.domain]);
    // Another account's organization is not found, whatever its domains.
    expect((await awsFailure(other.client.send(new GetMailDomainCommand({ OrganizationId: organizationId, DomainName: domain })))).name).toBe('OrganizationNotFoundException');
  });

  it('deregisters only what WorkMail would: not the test or default domain (InvalidParameterException), not a domain in use (MailDomainInUseException)', async () => {
    const deregister = (name: string) => tenant.client.send(new DeregisterMailDomainCommand({ OrganizationId: organizationId, DomainName: name }));
    expect(await awsFailure(deregister(domain))).toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(/default domain/) });
    await tenant.client.send(new UpdateDefaultMailDomainCommand({ OrganizationId: organizationId, DomainName: testDomain }));
    expect(await awsFailure(deregister(testDomain))).toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(/free test domain/) });
    await createEnabledUser(deps, tenant.op.actor, organizationId, { email: `ann@${domain}` });
    expect(await awsFailure(deregister(domain))).toMatchObject({ name: 'MailDomainInUseException', message: expect.stringMatching(/used by 1 address of users/) });
    // Not a domain of the organization: nothing to remove, no error (WorkMail declares no MailDomainNotFoundException here).
    await deregister(uniqueDomain());
    const spare = uniqueDomain();
    await tenant.client.send(new RegisterMailDomainCommand({ OrganizationId: organizationId, DomainName: spare }));
    await deregister(spare);
    expect(await domainsOf()).not.toContain(spare);
  });

  it('answers MailDomainNotFoundException for a domain the organization does not have', async () => {
    const error = await awsFailure(tenant.client.send(new GetMailDomainCommand({ OrganizationId: organizationId, DomainName: uniqueDomain() })));
    expect(error.name).toBe('MailDomainNotFoundException');
  });
});

describe('CreateOrganization with Domains', () => {
  it('adds the domains pending verification while the organization is created', async () => {
    const [a, b] = [uniqueDomain(), uniqueDomain()];
    const { OrganizationId } = await tenant.client.send(
      new CreateOrganizationCommand({ Alias: uniqueAlias(), Domains: [{ DomainName: a }, { DomainName: b.toUpperCase() }] }),
    );
    for (let i = 0; i < 200 && (await tenant.client.send(new DescribeOrganizationCommand({ OrganizationId }))).State !== 'Active'; i++) await new Promise((r) => setTimeout(r, 50));
    const listed = await domainsOf(OrganizationId);
    expect(listed).toEqual(expect.arrayContaining([a, b]));
    expect(await tenant.client.send(new GetMailDomainCommand({ OrganizationId, DomainName: a }))).toMatchObject({ OwnershipVerificationStatus: 'PENDING', IsDefault: false });
  });

  it('refuses a domain proven elsewhere at once, and creates nothing', async () => {
    const alias = uniqueAlias();
    const taken = (await callerFor(deps, tenant.op.actor).organizations.get({ organizationId })).domains.find((d) => !d.isTestDomain && d.verifiedAt)!.domain;
    const error = await awsFailure(other.client.send(new CreateOrganizationCommand({ Alias: alias, Domains: [{ DomainName: taken }] })));
    expect(error).toMatchObject({ name: 'MailDomainInUseException', message: `The domain ${taken} is already in use by another organization.` });
    const orgs = await callerFor(deps, other.op.actor).organizations.list({ limit: 100 });
    expect(orgs.items.map((o) => o.alias)).not.toContain(alias);
  });
});

/** Hostile or malformed names: every one refused with a message naming the field, and nothing stored. */
const hostile = [
  '',
  ' ',
  'exa mple.com',
  'example..com',
  '.example.com',
  'example.com..',
  'example',
  '-example.com',
  'example-.com',
  'ex--ample.com',
  'xn--zz.com',
  `${'a'.repeat(64)}.com`,
  `${Array.from({ length: 4 }, () => 'b'.repeat(63)).join('.')}.com`,
  'jane@example.com',
  'http://example.com',
  'example.com/x',
  'exa_mple.com',
  'example.com;drop table mail_domains',
  "example.com'--",
  '<script>.com',
  'exam\u0000ple.com',
  'exam\u200bple.com',
  '127.0.0.1',
  '[::1]',
  'com',
  'co.uk',
  'github.io',
  'example.invalidtld',
  'раypal.com',
  'аррӏе.com',
  'gοοgle.com',
  'xn--80ak6aa92e.com',
  'acme.mailyard.test',
  'mailyard.test',
  `${'c'.repeat(210)}.com`,
];

describe('hostile domain names', () => {
  it(`refuses all ${hostile.length} through the console API with a field message, storing nothing`, async () => {
    const caller = callerFor(deps, tenant.op.actor);
    const before = await domainsOf();
    for (const name of hostile) {
      const refused = await failure(caller.domains.register({ organizationId, domainName: name }));
      expect(refused.code, name).toBe('BAD_REQUEST');
      expect(refused.fieldErrors.domainName?.[0] ?? '', JSON.stringify(name)).toMatch(/\S/);
    }
    expect(await domainsOf()).toEqual(before);
  });

  it(`refuses all ${hostile.length} through RegisterMailDomain with InvalidParameterException naming DomainName, storing nothing`, async () => {
    const before = await domainsOf();
    for (const name of hostile) {
      const error = await awsFailure(tenant.client.send(new RegisterMailDomainCommand({ OrganizationId: organizationId, DomainName: name })));
      expect(error, JSON.stringify(name)).toMatchObject({ name: 'InvalidParameterException', status: 400, message: expect.stringMatching(/Value at 'DomainName'/) });
    }
    expect(await domainsOf()).toEqual(before);
  });
});
