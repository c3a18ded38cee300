import {
  CreateOrganizationCommand,
  DeleteOrganizationCommand,
  DescribeOrganizationCommand,
  GetMailDomainCommand,
  ListMailDomainsCommand,
  ListOrganizationsCommand,
  paginateListOrganizations,
} from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { findAccount } from '@mailyard/db/queries/operators';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { activeOrganization, awsFailure, awsTenant, uniqueAlias, type AwsTenant } from '../support/aws.ts';

let deps: TestDeps;
let server: TestServer;
let tenant: AwsTenant;
let other: AwsTenant;
beforeAll(async () => {
  deps = await createTestDeps();
  server = await startTestServer(deps);
  tenant = await awsTenant(deps, server.url);
  other = await awsTenant(deps, server.url);
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

const waitForState = async (organizationId: string, state: string) => {
  for (let i = 0; i < 200; i++) {
    const org = await tenant.client.send(new DescribeOrganizationCommand({ OrganizationId: organizationId }));
    if (org.State === state) return org;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never reached ${state}`);
};

describe('CreateOrganization and DescribeOrganization', () => {
  it('creates an organization that the workflow makes Active, described in WorkMail’s shape', async () => {
    const alias = uniqueAlias();
    const { OrganizationId, $metadata } = await tenant.client.send(new CreateOrganizationCommand({ Alias: alias }));
    expect(OrganizationId).toMatch(/^m-[0-9a-f]{32}$/);
    expect($metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const org = await waitForState(OrganizationId!, 'Active');
    const account = await findAccount(deps.db, tenant.op.actor.accountId);
    expect(org).toMatchObject({
      OrganizationId,
      Alias: alias,
      State: 'Active',
      DirectoryType: 'WorkMailDirectory',
      DefaultMailDomain: `${alias}.mailyard.test`,
      InteroperabilityEnabled: false,
      ARN: `arn:aws:workmail:us-east-1:${account!.awsAccountId}:organization/${OrganizationId}`,
    });
    expect(org.DirectoryId).toMatch(/^d-[0-9a-f]{10}$/);
    expect(org.CompletedDate).toBeInstanceOf(Date);
    expect(org.ErrorMessage).toBeUndefined();
  });

  it('is idempotent on ClientToken; the SDK fills one in by itself', async () => {
    const alias = uniqueAlias();
    const first = await tenant.client.send(new CreateOrganizationCommand({ Alias: alias, ClientToken: 'retry-1' }));
    const again = await tenant.client.send(new CreateOrganizationCommand({ Alias: alias, ClientToken: 'retry-1' }));
    expect(again.OrganizationId).toBe(first.OrganizationId);
    const mismatch = await awsFailure(tenant.client.send(new CreateOrganizationCommand({ Alias: uniqueAlias(), ClientToken: 'retry-1' })));
    expect(mismatch).toMatchObject({ name: 'InvalidParameterException', message: expect.stringMatching(/different organization name/) });
    // Without a token of its own, each SDK call gets a fresh one: a second call is a second request.
    const taken = await awsFailure(tenant.client.send(new CreateOrganizationCommand({ Alias: alias })));
    expect(taken).toMatchObject({ name: 'NameAvailabilityException', status: 400, fault: 'client' });
  });

  it.each([
    [{ Alias: '' }, "Value at 'Alias' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    [{ Alias: 'a'.repeat(63) }, 'Member must have length less than or equal to 62'],
    [{ Alias: 'd-abc' }, 'Member must satisfy regular expression pattern'],
    [{ Alias: 'has space' }, 'Member must satisfy regular expression pattern'],
    [{}, "Value at 'Alias' failed to satisfy constraint: Member must not be null"],
    [{ Alias: 'ok', ClientToken: 'with space' }, "Value at 'ClientToken'"],
    [{ Alias: 'ok', DirectoryId: 'd-12' }, "Value at 'DirectoryId'"],
    [{ Alias: 'ok', KmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/abc' }, "Value at 'KmsKeyArn'"],
    [{ Alias: 'ok', Domains: [{ DomainName: 'example.com', HostedZoneId: 'Z123' }] }, "Value at 'Domains.HostedZoneId'"],
    [{ Alias: 'ok', Domains: [{ DomainName: 'co.uk' }] }, "Value at 'Domains.0' failed to satisfy constraint: co.uk is a public suffix"],
    [{ Alias: 'ok', Domains: Array.from({ length: 6 }, () => ({ DomainName: 'example.com' })) }, 'Member must have length less than or equal to 5'],
    [{ Alias: 'ok', EnableInteroperability: true }, "Value at 'EnableInteroperability'"],
  ])('refuses %j with InvalidParameterException naming the member', async (input, message) => {
    const error = await awsFailure(tenant.client.send(new CreateOrganizationCommand(input as never)));
    expect(error).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(error.message).toContain(message);
  });

  it('refuses a directory it cannot connect with DirectoryUnavailableException', async () => {
    const error = await awsFailure(tenant.client.send(new CreateOrganizationCommand({ Alias: uniqueAlias(), DirectoryId: 'd-0123456789' })));
    expect(error.name).toBe('DirectoryUnavailableException');
  });

  it('answers OrganizationNotFoundException for an unknown id and for another account’s organization', async () => {
    const unknown = await awsFailure(tenant.client.send(new DescribeOrganizationCommand({ OrganizationId: `m-${'0'.repeat(32)}` })));
    expect(unknown.name).toBe('OrganizationNotFoundException');
    const { OrganizationId } = await other.client.send(new CreateOrganizationCommand({ Alias: uniqueAlias() }));
    const foreign = await awsFailure(tenant.client.send(new DescribeOrganizationCommand({ OrganizationId })));
    expect(foreign).toMatchObject({ name: 'OrganizationNotFoundException', status: 400 });
    const bad = await awsFailure(tenant.client.send(new DescribeOrganizationCommand({ OrganizationId: 'bad' })));
    expect(bad.message).toBe(
      "2 validation errors detected: Value at 'OrganizationId' failed to satisfy constraint: Member must have length greater than or equal to 34; " +
        "Value at 'OrganizationId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^m-[0-9a-f]{32}$",
    );
  });

  it('shows the change in the tRPC API, and a console change through /aws', async () => {
    const alias = uniqueAlias();
    const { OrganizationId } = await tenant.client.send(new CreateOrganizationCommand({ Alias: alias }));
    const viaTrpc = await callerFor(deps, tenant.op.actor).organizations.get({ organizationId: OrganizationId! });
    expect(viaTrpc.alias).toBe(alias);
    const fromConsole = await callerFor(deps, tenant.op.actor).organizations.create({ alias: uniqueAlias() });
    const described = await tenant.client.send(new DescribeOrganizationCommand({ OrganizationId: fromConsole.organizationId }));
    expect(described.OrganizationId).toBe(fromConsole.organizationId);
    const events = await listAuditEvents(deps.db, { accountId: tenant.op.actor.accountId, organizationId: OrganizationId!, after: null, limit: 10 });
    expect(events.find((e) => e.action === 'organization.create')).toMatchObject({ via: `access_key:${tenant.accessKeyId}` });
  });
});

describe('ListOrganizations', () => {
  it('pages with the SDK paginator over several pages, Deleted organizations included', async () => {
    const lister = await awsTenant(deps, server.url);
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      created.push((await lister.client.send(new CreateOrganizationCommand({ Alias: uniqueAlias() }))).OrganizationId!);
      deps.clock.advance(1000);
    }
    const pages = [];
    for await (const page of paginateListOrganizations({ client: lister.client, pageSize: 2 }, {})) pages.push(page);
    expect(pages).toHaveLength(4);
    expect(pages.flatMap((p) => p.OrganizationSummaries!.map((o) => o.OrganizationId))).toEqual([...created].reverse());
    expect(pages[0]!.OrganizationSummaries![0]).toEqual({
      OrganizationId: created.at(-1),
      Alias: expect.any(String),
      State: expect.stringMatching(/Requested|Creating|Active/),
      ...(pages[0]!.OrganizationSummaries![0]!.DefaultMailDomain ? { DefaultMailDomain: expect.any(String) } : {}),
    });
  });

  it('refuses MaxResults out of 1–100 and a token of another list', async () => {
    for (const MaxResults of [0, 101]) {
      expect((await awsFailure(tenant.client.send(new ListOrganizationsCommand({ MaxResults })))).name).toBe('InvalidParameterException');
    }
    const { organizationId } = await activeOrganization(tenant.client);
    const domains = await tenant.client.send(new ListMailDomainsCommand({ OrganizationId: organizationId, MaxResults: 1 }));
    expect(domains.NextToken).toBeUndefined();
    const page = await tenant.client.send(new ListOrganizationsCommand({ MaxResults: 1 }));
    const replay = await awsFailure(tenant.client.send(new ListMailDomainsCommand({ OrganizationId: organizationId, NextToken: page.NextToken })));
    expect(replay).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining("'NextToken'") });
    const garbage = await awsFailure(tenant.client.send(new ListOrganizationsCommand({ NextToken: 'garbage' })));
    expect(garbage.name).toBe('InvalidParameterException');
  });
});

describe('mail domains', () => {
  it('lists and describes the test domain; an unknown domain is MailDomainNotFoundException', async () => {
    const { organizationId, domain } = await activeOrganization(tenant.client);
    const list = await tenant.client.send(new ListMailDomainsCommand({ OrganizationId: organizationId }));
    expect(list.MailDomains).toEqual([{ DomainName: domain, DefaultDomain: true }]);
    const got = await tenant.client.send(new GetMailDomainCommand({ OrganizationId: organizationId, DomainName: domain.toUpperCase() }));
    expect(got).toMatchObject({ Records: [], IsTestDomain: true, IsDefault: true, OwnershipVerificationStatus: 'VERIFIED', DkimVerificationStatus: 'VERIFIED' });
    const missing = await awsFailure(tenant.client.send(new GetMailDomainCommand({ OrganizationId: organizationId, DomainName: 'unknown.example' })));
    expect(missing.name).toBe('MailDomainNotFoundException');
    const short = await awsFailure(tenant.client.send(new GetMailDomainCommand({ OrganizationId: organizationId, DomainName: 'ab' })));
    expect(short.message).toContain("Value at 'DomainName'");
  });
});

describe('DeleteOrganization', () => {
  it('requires DeleteDirectory, goes Deleting → Deleted, stays listed and describable, and frees the alias and domain', async () => {
    const { organizationId, alias, domain } = await activeOrganization(tenant.client);
    const missing = await awsFailure(tenant.client.send(new DeleteOrganizationCommand({ OrganizationId: organizationId } as never)));
    expect(missing.message).toContain("Value at 'DeleteDirectory' failed to satisfy constraint: Member must not be null");

    const deleted = await tenant.client.send(new DeleteOrganizationCommand({ OrganizationId: organizationId, DeleteDirectory: true }));
    expect(deleted).toMatchObject({ OrganizationId: organizationId, State: 'Deleting' });
    const again = await tenant.client.send(new DeleteOrganizationCommand({ OrganizationId: organizationId, DeleteDirectory: true }));
    expect(again.State).toMatch(/Deleting|Deleted/);
    await waitForState(organizationId, 'Deleted');

    const listed = [];
    for await (const page of paginateListOrganizations({ client: tenant.client, pageSize: 50 }, {})) listed.push(...page.OrganizationSummaries!);
    expect(listed.find((o) => o.OrganizationId === organizationId)).toMatchObject({ State: 'Deleted' });

    const state = await awsFailure(tenant.client.send(new ListMailDomainsCommand({ OrganizationId: organizationId })));
    expect(state).toMatchObject({ name: 'OrganizationStateException', message: `Organization ${organizationId} is not Active, state: Deleted` });

    // The alias and its test domain are free again.
    const reused = await activeOrganization(tenant.client, alias);
    expect(reused.domain).toBe(domain);
  });

  it('is reachable from the console too, and not across accounts', async () => {
    const { organizationId } = await activeOrganization(tenant.client);
    const foreign = await awsFailure(other.client.send(new DeleteOrganizationCommand({ OrganizationId: organizationId, DeleteDirectory: true })));
    expect(foreign.name).toBe('OrganizationNotFoundException');
    await expect(callerFor(deps, tenant.op.actor).organizations.delete({ organizationId })).resolves.toMatchObject({ state: 'Deleting' });
    await waitForState(organizationId, 'Deleted');
  });
});
