import { DescribeOrganizationCommand, ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { activeOrganization, awsFailure, awsTenant, type AwsTenant } from '../support/aws.ts';

let deps: TestDeps;
let server: TestServer;
let tenant: AwsTenant;
let other: AwsTenant;
let arn: string;
beforeAll(async () => {
  deps = await createTestDeps();
  server = await startTestServer(deps);
  tenant = await awsTenant(deps, server.url);
  other = await awsTenant(deps, server.url);
  const { organizationId } = await activeOrganization(tenant.client);
  arn = (await tenant.client.send(new DescribeOrganizationCommand({ OrganizationId: organizationId }))).ARN!;
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

const tagsOf = async (resourceArn: string) => (await tenant.client.send(new ListTagsForResourceCommand({ ResourceARN: resourceArn }))).Tags;

describe('tags through the AWS SDK', () => {
  it("tags the organization DescribeOrganization's ARN names, replaces by key, and untags", async () => {
    expect(await tagsOf(arn)).toEqual([]);
    await tenant.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'team', Value: 'mail' }, { Key: 'env', Value: 'prod' }] }));
    await tenant.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'env', Value: '' }] }));
    expect(await tagsOf(arn)).toEqual([{ Key: 'env', Value: '' }, { Key: 'team', Value: 'mail' }]);
    await tenant.client.send(new UntagResourceCommand({ ResourceARN: arn, TagKeys: ['env', 'never-there'] }));
    expect(await tagsOf(arn)).toEqual([{ Key: 'team', Value: 'mail' }]);
  });

  it('answers TooManyTagsException beyond 50 tags', async () => {
    const { organizationId } = await activeOrganization(tenant.client);
    const resource = (await tenant.client.send(new DescribeOrganizationCommand({ OrganizationId: organizationId }))).ARN!;
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await tenant.client.send(new TagResourceCommand({ ResourceARN: resource, Tags: fifty }));
    const refused = await awsFailure(tenant.client.send(new TagResourceCommand({ ResourceARN: resource, Tags: [{ Key: 'one-more', Value: 'v' }] })));
    expect(refused).toMatchObject({ name: 'TooManyTagsException', status: 400, fault: 'client' });
    expect(refused.message).toContain('at most 50 tags');
  });

  it("answers ResourceNotFoundException for another account's organization, an unknown one, another region's, or another resource", async () => {
    const elsewhere = [
      arn,
      arn.replace(/m-[0-9a-f]{32}/, `m-${'0'.repeat(32)}`),
      arn.replace(':us-east-1:', ':eu-west-1:'),
      arn.replace('organization/', 'user/'),
    ];
    for (const resource of elsewhere) {
      const client = resource === arn ? other.client : tenant.client;
      expect(await awsFailure(client.send(new ListTagsForResourceCommand({ ResourceARN: resource })))).toMatchObject({ name: 'ResourceNotFoundException', status: 400 });
    }
    expect(await awsFailure(other.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'a', Value: 'b' }] })))).toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect(await tagsOf(arn)).toEqual([{ Key: 'team', Value: 'mail' }]);
  });

  it('names a refused key by its member', async () => {
    const refused = await awsFailure(tenant.client.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'aws:reserved', Value: 'x' }] })));
    expect(refused).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(refused.message).toBe(`1 validation error detected: Value at 'Tags.0.key' failed to satisfy constraint: Tag keys starting with "aws:" are reserved.`);
  });
});
