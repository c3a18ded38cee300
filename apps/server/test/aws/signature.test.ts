import { createHash, createHmac } from 'node:crypto';
import { CreateUserCommand, DescribeUserCommand, ListOrganizationsCommand } from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccessKey } from '@mailyard/db/queries/access-keys';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { activeOrganization, awsFailure, awsTenant, workMailClient, type AwsTenant } from '../support/aws.ts';

/**
 * Requests signed by hand (node:crypto, following AWS's SigV4 documentation, independent of the server's code),
 * then altered the ways an attacker or a broken client would.
 */
interface Signing {
  accessKeyId: string;
  secret: string;
  at: Date;
  region?: string;
  service?: string;
}

const hex = (data: string) => createHash('sha256').update(data).digest('hex');
const amzDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Signs every header given except those named in `unsigned` (lower-case), which are sent all the same. */
function sign(url: URL, headers: Record<string, string>, body: string, s: Signing, unsigned: string[] = []): string {
  const date = amzDate(s.at);
  const scope = `${date.slice(0, 8)}/${s.region ?? 'us-east-1'}/${s.service ?? 'workmail'}/aws4_request`;
  const names = Object.keys(headers)
    .map((h) => h.toLowerCase())
    .filter((h) => !unsigned.includes(h))
    .sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const canonical = ['POST', url.pathname, '', ...names.map((n) => `${n}:${lower[n]!.trim()}`), '', names.join(';'), hex(body)].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', date, scope, hex(canonical)].join('\n');
  let key: Buffer | string = `AWS4${s.secret}`;
  for (const part of scope.split('/')) key = createHmac('sha256', key).update(part).digest();
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${s.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
}

let deps: TestDeps;
let server: TestServer;
let tenant: AwsTenant;
beforeAll(async () => {
  deps = await createTestDeps();
  server = await startTestServer(deps);
  tenant = await awsTenant(deps, server.url);
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

interface Call {
  target?: string;
  body?: string;
  /** Sent instead of the signed body. */
  sentBody?: string;
  signing?: Partial<Signing>;
  /** More headers, signed. */
  extra?: Record<string, string>;
  /** Headers sent but left out of SignedHeaders (lower-case names). */
  unsigned?: string[];
  /** Changes the headers after signing. */
  alter?: (headers: Record<string, string>) => void;
  path?: string;
}

async function call(c: Call = {}) {
  const url = new URL(`${server.url}${c.path ?? '/aws/'}`);
  const body = c.body ?? '{}';
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-date': amzDate(c.signing?.at ?? deps.clock()),
    'x-amz-content-sha256': hex(body),
    ...(c.target === '' ? {} : { 'x-amz-target': c.target ?? 'WorkMailService.ListOrganizations' }),
    ...c.extra,
  };
  headers.authorization = sign(url, headers, body, { accessKeyId: tenant.accessKeyId, secret: tenant.secretAccessKey, at: deps.clock(), ...c.signing }, c.unsigned);
  c.alter?.(headers);
  const { host: _host, ...sent } = headers;
  const response = await fetch(url, { method: 'POST', headers: sent, body: c.sentBody ?? body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const refused = (type: string, status = 403) => expect.objectContaining({ status, body: expect.objectContaining({ __type: type }) });

describe('SigV4 verification', () => {
  it('accepts a correctly hand-signed request, at /aws/ and at /aws', async () => {
    const ok = await call();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(ok.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(ok.body).toHaveProperty('OrganizationSummaries');
    expect((await call({ path: '/aws' })).status).toBe(200);
  });

  it('refuses a request without Authorization: MissingAuthenticationTokenException', async () => {
    const r = await call({ alter: (h) => delete h.authorization });
    expect(r).toEqual(refused('MissingAuthenticationTokenException'));
    expect(r.body.Message).toBe('Missing Authentication Token');
  });

  it.each([
    ['another scheme', 'Bearer abc'],
    ['no Signature', 'AWS4-HMAC-SHA256 Credential=AKIAX/20260101/us-east-1/workmail/aws4_request, SignedHeaders=host'],
    ['a short Credential', 'AWS4-HMAC-SHA256 Credential=AKIAX/20260101, SignedHeaders=host, Signature=00'],
  ])('refuses a malformed header (%s): IncompleteSignatureException', async (_, authorization) => {
    expect(await call({ alter: (h) => (h.authorization = authorization) })).toEqual(refused('IncompleteSignatureException'));
  });

  it('refuses an unknown key: UnrecognizedClientException', async () => {
    const r = await call({ signing: { accessKeyId: 'AKIAUNKNOWNKEY000000' } });
    expect(r).toEqual(refused('UnrecognizedClientException'));
    expect(r.body.Message).toBe('The security token included in the request is invalid.');
  });

  it('refuses a wrong secret: InvalidSignatureException', async () => {
    const r = await call({ signing: { secret: 'x'.repeat(40) } });
    expect(r).toEqual(refused('InvalidSignatureException'));
    expect(r.body.Message).toMatch(/^The request signature we calculated does not match the signature you provided/);
  });

  it('refuses a tampered body, with or without the original X-Amz-Content-Sha256', async () => {
    const body = '{"MaxResults":1}';
    expect(await call({ body, sentBody: '{"MaxResults":2}' })).toEqual(refused('InvalidSignatureException'));
    const withoutHash = await call({ body, sentBody: '{"MaxResults":2}', alter: (h) => delete h['x-amz-content-sha256'] });
    expect(withoutHash).toEqual(refused('InvalidSignatureException'));
  });

  it('refuses a header changed after signing', async () => {
    expect(await call({ alter: (h) => (h['x-amz-target'] = 'WorkMailService.ListUsers') })).toEqual(refused('InvalidSignatureException'));
  });

  it('refuses an expired or future date: InvalidSignatureException "Signature expired"', async () => {
    const past = new Date(deps.clock().getTime() - 16 * 60_000);
    const expired = await call({ signing: { at: past } });
    expect(expired).toEqual(refused('InvalidSignatureException'));
    expect(expired.body.Message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    const future = await call({ signing: { at: new Date(deps.clock().getTime() + 16 * 60_000) } });
    expect(future.body.Message).toMatch(/^Signature not yet current/);
    expect((await call({ signing: { at: new Date(deps.clock().getTime() - 14 * 60_000) } })).status).toBe(200);
  });

  it('refuses another region or service in the credential scope', async () => {
    const region = await call({ signing: { region: 'eu-west-1' } });
    expect(region).toEqual(refused('InvalidSignatureException'));
    expect(region.body.Message).toMatch(/scoped to a valid region, not 'eu-west-1'/);
    expect(await call({ signing: { service: 'ses' } })).toEqual(refused('InvalidSignatureException'));
    const sdk = workMailClient(deps, server.url, tenant, 'eu-west-1');
    expect(await awsFailure(sdk.send(new ListOrganizationsCommand({})))).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
  });

  it('refuses a deactivated key until it is activated again, and records the last use at most once a minute', async () => {
    const key = await awsTenant(deps, server.url);
    const console = callerFor(deps, key.op.actor);
    await key.client.send(new ListOrganizationsCommand({}));
    const used = (await findAccessKey(deps.db, key.op.actor.accountId, key.accessKeyId))!.lastUsedAt;
    expect(used).toEqual(deps.clock());

    await console.accessKeys.setStatus({ accessKeyId: key.accessKeyId, status: 'Inactive' });
    const refusedCall = await awsFailure(key.client.send(new ListOrganizationsCommand({})));
    expect(refusedCall).toMatchObject({ name: 'UnrecognizedClientException', status: 403, message: 'The security token included in the request is invalid.' });

    await console.accessKeys.setStatus({ accessKeyId: key.accessKeyId, status: 'Active' });
    deps.clock.advance(30_000);
    await key.client.send(new ListOrganizationsCommand({}));
    expect((await findAccessKey(deps.db, key.op.actor.accountId, key.accessKeyId))!.lastUsedAt).toEqual(used);
    deps.clock.advance(31_000);
    await key.client.send(new ListOrganizationsCommand({}));
    expect((await findAccessKey(deps.db, key.op.actor.accountId, key.accessKeyId))!.lastUsedAt).toEqual(deps.clock());
  });

  it.each([
    ['X-Amz-Target', 'x-amz-target', {}],
    ['X-Amz-Date', 'x-amz-date', {}],
    ['X-Amz-Content-Sha256', 'x-amz-content-sha256', {}],
    ['X-Amz-Meta-Note', 'x-amz-meta-note', { 'x-amz-meta-note': 'hello' }],
    ['X-Amz-Security-Token', 'x-amz-security-token', { 'x-amz-security-token': 'token' }],
  ])('refuses a signature that leaves %s unsigned, as AWS does', async (display, header, extra) => {
    const r = await call({ unsigned: [header], extra });
    expect(r).toEqual(refused('InvalidSignatureException'));
    expect(r.body.Message).toBe(`'${display}' must be a 'SignedHeader' in the AWS Authorization.`);
  });

  it('refuses a captured request replayed as another operation when its target was not signed', async () => {
    const { client } = tenant;
    const { organizationId } = await activeOrganization(client);
    const { UserId } = await client.send(new CreateUserCommand({ OrganizationId: organizationId, Name: 'replayed', DisplayName: 'Replayed', Password: 'Replay-Pass-42' }));
    const body = JSON.stringify({ OrganizationId: organizationId, UserId });
    const captured = await call({ target: 'WorkMailService.DescribeUser', body, unsigned: ['x-amz-target'] });
    expect(captured.body.Message).toBe("'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.");
    const replayed = await call({
      target: 'WorkMailService.DescribeUser',
      body,
      unsigned: ['x-amz-target'],
      alter: (h) => (h['x-amz-target'] = 'WorkMailService.DeleteUser'),
    });
    expect(replayed).toEqual(refused('InvalidSignatureException'));
    expect(await client.send(new DescribeUserCommand({ OrganizationId: organizationId, UserId }))).toMatchObject({ State: 'DISABLED' });
  });

  it('refuses an x-amz-* header the real SDK sent unsigned (added after signing)', async () => {
    const client = workMailClient(deps, server.url, tenant);
    const addHeader = (next: (args: unknown) => Promise<unknown>) => (args: { request: { headers: Record<string, string> } }) => {
      args.request.headers['x-amz-meta-added'] = 'after signing';
      return next(args);
    };
    client.middlewareStack.addRelativeTo(addHeader as unknown as Parameters<typeof client.middlewareStack.addRelativeTo>[0], {
      relation: 'after',
      toMiddleware: 'httpSigningMiddleware',
      name: 'addUnsignedHeader',
    });
    expect(await awsFailure(client.send(new ListOrganizationsCommand({})))).toEqual({
      name: 'InvalidSignatureException',
      message: "'X-Amz-Meta-Added' must be a 'SignedHeader' in the AWS Authorization.",
      status: 403,
      fault: 'client',
    });
    // Without the added header the same client's requests pass: the SDK signs every x-amz-* header it sends.
    client.middlewareStack.remove('addUnsignedHeader');
    expect(await client.send(new ListOrganizationsCommand({}))).toHaveProperty('OrganizationSummaries');
  });

  it('refuses session credentials, which Mailyard never issues', async () => {
    const r = await call({ extra: { 'x-amz-security-token': 'token' } });
    expect(r).toEqual(refused('UnrecognizedClientException'));
  });

  it('a key of one account cannot reach another account’s organization', async () => {
    const owner = await awsTenant(deps, server.url);
    const { organizationId } = await activeOrganization(owner.client);
    const r = await call({ target: 'WorkMailService.DescribeOrganization', body: JSON.stringify({ OrganizationId: organizationId }) });
    expect(r).toEqual(refused('OrganizationNotFoundException', 400));
  });
});

describe('AWS JSON 1.1 protocol', () => {
  it('answers an unknown or missing target with UnknownOperationException (400)', async () => {
    expect(await call({ target: 'WorkMailService.RegisterMailDomainX' })).toEqual(refused('UnknownOperationException', 400));
    expect(await call({ target: 'SomeOtherService.ListUsers' })).toEqual(refused('UnknownOperationException', 400));
    expect(await call({ target: '' })).toEqual(refused('UnknownOperationException', 400));
  });

  it('answers a body that is not a JSON object with SerializationException (400)', async () => {
    expect(await call({ body: '{"MaxResults":' })).toEqual(refused('SerializationException', 400));
    expect(await call({ body: '[1]' })).toEqual(refused('SerializationException', 400));
  });

  it('answers a wrongly typed member with InvalidParameterException, never a 5xx', async () => {
    const r = await call({ body: '{"MaxResults":"5"}' });
    expect(r).toEqual(refused('InvalidParameterException', 400));
    expect(r.body.Message).toBe("1 validation error detected: Value at 'MaxResults' failed to satisfy constraint: Member must be an integer");
  });

  it('reads null members as not set, and answers odd input with a 400, never a 5xx', async () => {
    expect((await call({ body: '{"MaxResults":null,"NextToken":null,"Unknown":1}' })).status).toBe(200);
    for (const body of ['{"MaxResults":1.5}', '{"MaxResults":true}', '{"MaxResults":1e400}', '{"NextToken":""}', '{"NextToken":{}}']) {
      expect(await call({ body })).toEqual(refused('InvalidParameterException', 400));
    }
    for (const body of ['"text"', 'null', '\u0000']) expect(await call({ body })).toEqual(refused('SerializationException', 400));
    const missing = await call({ target: 'WorkMailService.DescribeOrganization', body: '{"OrganizationId":null}' });
    expect(missing.body.Message).toBe("1 validation error detected: Value at 'OrganizationId' failed to satisfy constraint: Member must not be null");
    const filters = await call({ target: 'WorkMailService.ListUsers', body: JSON.stringify({ OrganizationId: `m-${'a'.repeat(32)}`, Filters: 'x' }) });
    expect(filters.body.Message).toContain("'Filters'");
    const nested = await call({ target: 'WorkMailService.CreateOrganization', body: '{"Alias":"ok","Domains":[{"HostedZoneId":"z"}]}' });
    expect(nested.body.Message).toContain("'Domains.0.DomainName' failed to satisfy constraint: Member must not be null");
  });

  it('answers a body over the size limit in AWS’s shape, with a 400', async () => {
    const r = await fetch(`${server.url}/aws/`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1' }, body: 'x'.repeat(1_100_000) });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ __type: 'SerializationException' });
  });

  it('answers other methods and paths under /aws in AWS’s error shape', async () => {
    const r = await fetch(`${server.url}/aws/`);
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });
});
