import { CreateUserCommand } from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_WELL_FORMED_MESSAGE } from '@mailyard/core/text';
import { awsFailure, awsTenant, type AwsTenant } from '../support/aws.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { trpcCall } from '../support/trpc-http.ts';
import { createActiveOrganization, createEnabledUser } from '../support/users.ts';

/**
 * A lone UTF-16 surrogate (`"\ud800"` in JSON) through every entry point, over real HTTP: refused as bad input on its
 * field, never a 5xx (which the AWS SDK would retry, and which logged the SQL parameters).
 */
let deps: TestDeps;
let server: TestServer;
let op: TestOperator;
let cookie: string;
let org: { organizationId: string; domain: string };
let user: { userId: string; name: string };
let aws: AwsTenant;

beforeAll(async () => {
  deps = await createTestDeps();
  server = await startTestServer(deps, { worker: false });
  op = await createOperator(deps);
  org = await createActiveOrganization(deps, op.actor);
  user = await createEnabledUser(deps, op.actor, org.organizationId);
  cookie = (await trpcCall(server.url, 'auth.signIn', { email: op.email, password: op.password })).setCookie!.split(';')[0]!;
  aws = await awsTenant(deps, server.url);
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

/** The field errors of a tRPC answer, read from the wire. */
async function fieldErrors(path: string, input: unknown, headers: Record<string, string> = { cookie }) {
  const res = await fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: input }),
  });
  const body = (await res.json()) as { error: { json: { data: { domainCode: string; fieldErrors: Record<string, string[]> } } } };
  return { status: res.status, domainCode: body.error.json.data.domainCode, fieldErrors: body.error.json.data.fieldErrors };
}

describe('a lone surrogate', () => {
  it('in a user’s details is refused on its field (was a 500)', async () => {
    const answer = await fieldErrors('users.updateDetails', { organizationId: org.organizationId, userId: user.userId, displayName: 'Ann \ud800' });
    expect(answer).toEqual({ status: 400, domainCode: 'VALIDATION', fieldErrors: { displayName: [NOT_WELL_FORMED_MESSAGE] } });
  });

  it('in a CSV import is refused on the file (was a 500)', async () => {
    const content = `name,displayName,email\nann,Ann \ud800,ann@${org.domain}\n`;
    const answer = await fieldErrors('imports.validate', { organizationId: org.organizationId, fileName: 'staff.csv', content });
    expect(answer).toEqual({ status: 400, domainCode: 'VALIDATION', fieldErrors: { content: [NOT_WELL_FORMED_MESSAGE] } });
  });

  it('in a password, a search or a signed-out form is refused on its field', async () => {
    expect(await fieldErrors('portal.signIn', { email: 'ann@example.com', password: 'pass\udc00word' }, {})).toMatchObject({
      status: 400,
      fieldErrors: { password: [NOT_WELL_FORMED_MESSAGE] },
    });
    const search = await fetch(`${server.url}/trpc/users.list?input=${encodeURIComponent(JSON.stringify({ json: { organizationId: org.organizationId, search: 'a\ud800' } }))}`, {
      headers: { cookie },
    });
    expect(search.status).toBe(400);
  });

  it('through /aws is an InvalidParameterException naming the member, not an InternalFailure', async () => {
    const owned = await createActiveOrganization(deps, aws.op.actor);
    const refused = await awsFailure(
      aws.client.send(new CreateUserCommand({ OrganizationId: owned.organizationId, Name: 'ann', DisplayName: 'Ann \ud800', Password: 'Secret-Pass-42' })),
    );
    expect(refused).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(refused.message).toContain(`Value at 'DisplayName' failed to satisfy constraint: ${NOT_WELL_FORMED_MESSAGE}`);
  });

  it('in a device’s report is a 400 naming the field', async () => {
    const res = await fetch(`${server.url}/Microsoft-Server-ActiveSync?Cmd=Provision&DeviceId=ApplF17ABC123&DeviceType=iPhone`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${user.name}@${org.domain}:Wonderland-42`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'iPhone\ud800' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION', fieldErrors: { model: [NOT_WELL_FORMED_MESSAGE] } });
  });
});
