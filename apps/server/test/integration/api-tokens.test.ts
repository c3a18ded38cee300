import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { findApiTokenByHash } from '@mailyard/db/queries/api-tokens';
import { hashToken } from '../../src/platform/tokens.ts';
import { callerFor } from '../support/caller.ts';
import { clientFor, isMailyardError, mailyardError, refusedWith } from '../support/client.ts';
import { createTestDeps, testClock, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let deps: TestDeps;
let server: TestServer;
let op: TestOperator;
let other: TestOperator;
let orgA: string;
let orgB: string;
let otherOrg: string;
const DAY = 24 * 60 * 60 * 1000;

const unique = () => `tok-${Math.random().toString(36).slice(2, 10)}`;

/** A fetch that counts the HTTP requests it sends. */
function countingFetch() {
  let sent = 0;
  const counting: typeof fetch = (input, init) => {
    sent++;
    return fetch(input, init);
  };
  return { counting, requests: () => sent };
}

beforeAll(async () => {
  deps = await createTestDeps({}, testClock());
  server = await startTestServer(deps, { worker: false });
  op = await createOperator(deps);
  other = await createOperator(deps);
  orgA = (await callerFor(deps, op.actor).organizations.create({ alias: unique() })).organizationId;
  orgB = (await callerFor(deps, op.actor).organizations.create({ alias: unique() })).organizationId;
  otherOrg = (await callerFor(deps, other.actor).organizations.create({ alias: unique() })).organizationId;
});
afterAll(async () => {
  await server.close();
  await deps.database.drop();
});

/** A token made in the console by `who`. */
async function issue(who: TestOperator, input: Partial<Parameters<ReturnType<typeof callerFor>['apiTokens']['create']>[0]> = {}) {
  return callerFor(deps, who.actor).apiTokens.create({ name: 'script', access: 'read-write', ...input });
}

describe('creating a token in the console', () => {
  it('shows the token once, stores only its hash, and lists it with prefix and status', async () => {
    const { token, apiToken } = await issue(op, { name: 'nightly export', access: 'read-only' });
    expect(token).toMatch(/^myd_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ name: 'nightly export', prefix: token.slice(0, 12), access: 'read-only', organizationIds: null, expiresAt: null, status: 'active' });
    expect(await findApiTokenByHash(deps.db, hashToken(token))).toMatchObject({ id: apiToken.id });
    expect(await findApiTokenByHash(deps.db, token)).toBeNull();

    const page = await callerFor(deps, op.actor).apiTokens.list({ limit: 100 });
    const listed = page.items.find((t) => t.id === apiToken.id)!;
    expect(listed).toMatchObject({ prefix: apiToken.prefix, createdBy: op.email, lastUsedAt: null, status: 'active' });
    expect(listed).not.toHaveProperty('token');
    expect(listed).not.toHaveProperty('tokenHash');

    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: apiToken.id, after: null, limit: 5 });
    expect(event).toMatchObject({ action: 'api_token.create', after: expect.objectContaining({ name: 'nightly export', access: 'read-only' }) });
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it('computes the expiry from days or takes a date in the future', async () => {
    const now = deps.clock();
    expect((await issue(op, { expiresInDays: 30 })).apiToken.expiresAt).toEqual(new Date(now.getTime() + 30 * DAY));
    const at = new Date(now.getTime() + 7 * DAY);
    expect((await issue(op, { expiresAt: at })).apiToken.expiresAt).toEqual(at);
  });

  it.each([
    [{ name: '' }, 'name', /Name is required/],
    [{ name: 'x'.repeat(101) }, 'name', /at most 100/],
    [{ expiresAt: new Date(Date.UTC(2000, 0, 1)) }, 'expiresAt', /must be in the future/],
    [{ organizationIds: [] }, 'organizationIds', /at least one/],
  ])('refuses %j naming the field', async (input, field, rule) => {
    const error = await failure(issue(op, input));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.fieldErrors[field]![0]).toMatch(rule);
  });

  it("refuses a scope naming another account's organization as not found, naming the field", async () => {
    const error = await failure(issue(op, { organizationIds: [orgA, otherOrg] }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ORGANIZATION.NOT_FOUND', fieldErrors: { 'organizationIds.1': [expect.stringContaining(otherOrg)] } });
  });

  it('pages through the tokens of the account, newest first', async () => {
    const tenant = await createOperator(deps);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await issue(tenant, { name: `t${i}` })).apiToken.id);
      deps.clock.advance(1000);
    }
    const caller = callerFor(deps, tenant.actor);
    const first = await caller.apiTokens.list({ limit: 2 });
    const second = await caller.apiTokens.list({ limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((t) => t.id)).toEqual(ids.reverse());
    expect(second.nextCursor).toBeNull();
    // The account's own tokens only: every other test's tokens belong to other accounts.
    expect(await caller.apiTokens.count()).toEqual({ count: 3, exact: true });
  });
});

describe('bearer authentication on /trpc', () => {
  it('acts as the operator, and audit events record which token acted', async () => {
    const { token, apiToken } = await issue(op);
    const client = clientFor(server, token);
    expect(await client.auth.me.query()).toMatchObject({ accountId: op.actor.accountId, via: `api_token:${apiToken.id}` });

    const { organizationId } = await client.organizations.create.mutate({ alias: unique() });
    const [event] = await listAuditEvents(deps.db, { accountId: op.actor.accountId, organizationId, after: null, limit: 1 });
    expect(event).toMatchObject({ action: 'organization.create', actorLabel: op.email, via: `api_token:${apiToken.id}` });
  });

  it('needs no CSRF proof: a bearer request is not authenticated by a cookie', async () => {
    const { token } = await issue(op);
    const crossSite: typeof fetch = (input, init) =>
      fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' } });
    await expect(clientFor(server, token, { fetch: crossSite }).organizations.create.mutate({ alias: unique() })).resolves.toBeTruthy();
  });

  it('records the last use at most once a minute', async () => {
    const { token, apiToken } = await issue(op);
    const lastUsed = async () => (await findApiTokenByHash(deps.db, hashToken(token)))!.lastUsedAt;
    const client = clientFor(server, token);
    const first = deps.clock();
    await client.organizations.list.query({});
    expect(await lastUsed()).toEqual(first);
    deps.clock.advance(30_000);
    await client.organizations.list.query({});
    expect(await lastUsed()).toEqual(first);
    deps.clock.advance(31_000);
    await client.organizations.list.query({});
    expect(await lastUsed()).toEqual(deps.clock());
    const listed = (await callerFor(deps, op.actor).apiTokens.list({ limit: 100 })).items.find((t) => t.id === apiToken.id);
    expect(listed?.lastUsedAt).toEqual(deps.clock());
  });

  it('refuses an unknown or malformed token, whatever the procedure', async () => {
    for (const token of [`myd_${'x'.repeat(43)}`, 'not-a-token']) {
      const error = await refusedWith(clientFor(server, token).auth.me.query());
      expect(error).toMatchObject({ code: 'AUTH.REQUIRED', message: 'Invalid API token.', httpStatus: 401 });
    }
    // A bare scheme is a bad token too, not an anonymous request.
    const response = await fetch(`${server.url}/trpc/auth.me`, { headers: { authorization: 'Bearer' } });
    expect(response.status).toBe(401);
  });

  it('a token cannot create, list or revoke tokens', async () => {
    const { token, apiToken } = await issue(op);
    const client = clientFor(server, token);
    const calls = [
      () => client.apiTokens.create.mutate({ name: 'child', access: 'read-write' }),
      () => client.apiTokens.list.query({}),
      () => client.apiTokens.count.query(),
      () => client.apiTokens.revoke.mutate({ tokenId: apiToken.id }),
    ];
    for (const call of calls) {
      expect(await refusedWith(call())).toMatchObject({ code: 'AUTH.SESSION_REQUIRED', httpStatus: 403 });
    }
    expect((await callerFor(deps, op.actor).apiTokens.list({ limit: 100 })).items.find((t) => t.id === apiToken.id)?.status).toBe('active');
  });
});

describe('scopes', () => {
  it('a read-only token reads but cannot mutate', async () => {
    const { token } = await issue(op, { access: 'read-only' });
    const client = clientFor(server, token);
    expect((await client.organizations.get.query({ organizationId: orgA })).id).toBe(orgA);
    const alias = unique();
    const error = await refusedWith(client.organizations.create.mutate({ alias }));
    expect(error).toMatchObject({ code: 'AUTH.READ_ONLY', httpStatus: 403, message: 'This API token is read-only.' });
    const all = await callerFor(deps, op.actor).organizations.list({ limit: 100 });
    expect(all.items.map((o) => o.alias)).not.toContain(alias);
  });

  it('an organization-scoped token sees only its organizations: others are not found and not listed', async () => {
    const { token } = await issue(op, { organizationIds: [orgA] });
    const client = clientFor(server, token);
    expect((await client.organizations.get.query({ organizationId: orgA })).id).toBe(orgA);
    const error = await refusedWith(client.organizations.get.query({ organizationId: orgB }));
    expect(error).toMatchObject({ code: 'ORGANIZATION.NOT_FOUND', httpStatus: 404 });
    expect((await client.organizations.list.query({ limit: 100 })).items.map((o) => o.id)).toEqual([orgA]);
  });
});

describe('expiry and revocation', () => {
  it('refuses an expired token, saying when it expired', async () => {
    const { token, apiToken } = await issue(op, { expiresInDays: 1 });
    const client = clientFor(server, token);
    await expect(client.organizations.list.query({})).resolves.toBeTruthy();
    deps.clock.advance(DAY);
    const error = await refusedWith(client.organizations.list.query({}));
    const date = apiToken.expiresAt!.toISOString().slice(0, 16).replace('T', ' ');
    expect(error).toMatchObject({ code: 'AUTH.TOKEN_EXPIRED', httpStatus: 401, message: `This API token expired on ${date} UTC.` });
    const listed = (await callerFor(deps, op.actor).apiTokens.list({ limit: 100 })).items.find((t) => t.id === apiToken.id);
    expect(listed?.status).toBe('expired');
  });

  it('refuses a revoked token from the next request on; revoking again changes nothing', async () => {
    const { token, apiToken } = await issue(op);
    const client = clientFor(server, token);
    await expect(client.organizations.list.query({})).resolves.toBeTruthy();
    const admin = callerFor(deps, op.actor);
    const revoked = await admin.apiTokens.revoke({ tokenId: apiToken.id });
    expect(revoked).toMatchObject({ status: 'revoked', revokedAt: deps.clock() });
    const error = await refusedWith(client.organizations.list.query({}));
    expect(error).toMatchObject({ code: 'AUTH.TOKEN_REVOKED', httpStatus: 401, message: expect.stringMatching(/^This API token was revoked on /) });

    deps.clock.advance(1000);
    expect((await admin.apiTokens.revoke({ tokenId: apiToken.id })).revokedAt).toEqual(revoked.revokedAt);
    const events = await listAuditEvents(deps.db, { accountId: op.actor.accountId, targetId: apiToken.id, after: null, limit: 10 });
    expect(events.map((e) => e.action)).toEqual(['api_token.revoke', 'api_token.create']);
  });
});

describe('tenant isolation', () => {
  it("a token of one account reaches nothing of another's", async () => {
    const { token } = await issue(other);
    const client = clientFor(server, token);
    for (const organizationId of [orgA, orgB]) {
      expect(await refusedWith(client.organizations.get.query({ organizationId }))).toMatchObject({ code: 'ORGANIZATION.NOT_FOUND' });
    }
    expect((await client.organizations.list.query({ limit: 100 })).items.map((o) => o.id)).toEqual([otherOrg]);
  });

  it("an operator can neither list nor revoke another account's tokens", async () => {
    const { apiToken } = await issue(op);
    const intruder = callerFor(deps, other.actor);
    expect((await intruder.apiTokens.list({ limit: 100 })).items.map((t) => t.id)).not.toContain(apiToken.id);
    expect(await failure(intruder.apiTokens.revoke({ tokenId: apiToken.id }))).toMatchObject({ code: 'NOT_FOUND', domainCode: 'API_TOKEN.NOT_FOUND' });
  });
});

describe('the client', () => {
  it('exposes the domain code and the field errors of a refusal', async () => {
    const { token } = await issue(op);
    const client = clientFor(server, token);
    const invalid = await refusedWith(client.organizations.create.mutate({ alias: 'has space' }));
    expect(invalid).toMatchObject({ code: 'VALIDATION', httpStatus: 400, fieldErrors: { alias: [expect.stringMatching(/only letters/)] } });

    const alias = unique();
    await client.organizations.create.mutate({ alias });
    try {
      await client.organizations.create.mutate({ alias });
      expect.unreachable();
    } catch (error) {
      expect(isMailyardError(error, 'ORGANIZATION.ALIAS_TAKEN')).toBe(true);
      expect(isMailyardError(error, 'ORGANIZATION.NOT_FOUND')).toBe(false);
      expect(mailyardError(error)!.fieldErrors.alias![0]).toMatch(/already in use/);
    }
  });

  it('batches the calls of one tick into one HTTP request', async () => {
    const { token } = await issue(op);
    const { counting, requests } = countingFetch();
    const client = clientFor(server, token, { fetch: counting });
    const [a, b, page] = await Promise.all([
      client.organizations.get.query({ organizationId: orgA }),
      client.organizations.get.query({ organizationId: orgB }),
      client.organizations.list.query({}),
    ]);
    expect([a.id, b.id, page.items.length > 0]).toEqual([orgA, orgB, true]);
    expect(requests()).toBe(1);
  });

  it('sends each call at once as its own request with batch: false, with the same answers and refusals', async () => {
    const { token } = await issue(op);
    const { counting, requests } = countingFetch();
    const client = clientFor(server, token, { fetch: counting, batch: false });
    const [a, b] = await Promise.all([client.organizations.get.query({ organizationId: orgA }), client.organizations.get.query({ organizationId: orgB })]);
    expect([a.id, b.id, a.createdAt instanceof Date]).toEqual([orgA, orgB, true]);
    expect(requests()).toBe(2);
    const refused = await refusedWith(client.organizations.get.query({ organizationId: 'm-00000000000000000000000000000000' }));
    expect([refused.code, refused.httpStatus]).toEqual(['ORGANIZATION.NOT_FOUND', 404]);
  });

  it('pulls in no server or database code: the router is imported as a type only', async () => {
    const entry = fileURLToPath(new URL('../../../../packages/client/src/index.ts', import.meta.url));
    const { metafile } = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, format: 'esm', platform: 'node', logLevel: 'silent' });
    const inputs = Object.keys(metafile.inputs);
    expect(inputs.some((path) => path.includes('@trpc/client'))).toBe(true);
    const ours = inputs.filter((path) => !path.includes('node_modules/'));
    expect(ours.map((path) => path.replace(/^(\.\.\/)+/, ''))).toEqual(['packages/client/src/index.ts']);
    expect(inputs.filter((path) => /\/node_modules\/(drizzle-orm|postgres|fastify|@node-rs)\//.test(path))).toEqual([]);
  });

  it('abandons a request after its timeout', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const client = clientFor(server, 'myd_whatever', { fetch: hanging, timeoutMs: 50 });
    const started = performance.now();
    const error = await refusedWith(client.organizations.list.query({}));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(error).toMatchObject({ code: null, message: expect.stringMatching(/timeout|abort/i) });
  });
});
