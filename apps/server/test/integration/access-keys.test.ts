import { ListOrganizationsCommand } from '@aws-sdk/client-workmail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ACCESS_KEYS_PER_ACCOUNT } from '@mailyard/core/access-keys';
import { findAccessKeyForSigning } from '@mailyard/db/queries/access-keys';
import { listAuditEvents } from '@mailyard/db/queries/audit';
import { loadConfig } from '../../src/config.ts';
import { ensureRootAccessKey } from '../../src/services/access-keys/ensure-root.ts';
import { workMailClient } from '../support/aws.ts';
import { callerFor } from '../support/caller.ts';
import { failure } from '../support/errors.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { startTestServer } from '../support/server.ts';

let deps: TestDeps;
let first: TestOperator;
let other: TestOperator;
beforeAll(async () => {
  deps = await createTestDeps();
  first = await createOperator(deps);
  other = await createOperator(deps);
});
afterAll(() => deps.database.drop());

describe('access keys in the console', () => {
  it('creates a key whose secret is shown once and kept only sealed; lists it without the secret', async () => {
    const caller = callerFor(deps, first.actor);
    const key = await caller.accessKeys.create({ description: ' deploy scripts ' });
    expect(key.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(key.secretAccessKey).toHaveLength(40);
    expect(key).toMatchObject({ description: 'deploy scripts', status: 'Active', operatorEmail: first.email, lastUsedAt: null });

    const listed = await caller.accessKeys.list();
    expect(listed.find((k) => k.accessKeyId === key.accessKeyId)).toEqual({
      accessKeyId: key.accessKeyId,
      description: 'deploy scripts',
      status: 'Active',
      operatorEmail: first.email,
      createdAt: expect.any(Date),
      lastUsedAt: null,
    });
    const stored = (await findAccessKeyForSigning(deps.db, key.accessKeyId))!;
    expect(stored.secretCiphertext).not.toContain(key.secretAccessKey);
    expect(deps.masterKey.open(stored.secretCiphertext).toString()).toBe(key.secretAccessKey);

    const events = await listAuditEvents(deps.db, { accountId: first.actor.accountId, organizationId: null, after: null, limit: 5 });
    const created = events.find((e) => e.action === 'access_key.create')!;
    expect(JSON.stringify(created)).not.toContain(key.secretAccessKey);
  });

  it('deactivates, activates and deletes a key, each audited', async () => {
    const caller = callerFor(deps, first.actor);
    const { accessKeyId } = await caller.accessKeys.create({});
    expect(await caller.accessKeys.setStatus({ accessKeyId, status: 'Inactive' })).toMatchObject({ status: 'Inactive' });
    expect(await caller.accessKeys.setStatus({ accessKeyId, status: 'Active' })).toMatchObject({ status: 'Active' });
    await caller.accessKeys.delete({ accessKeyId });
    expect((await caller.accessKeys.list()).map((k) => k.accessKeyId)).not.toContain(accessKeyId);
    const events = await listAuditEvents(deps.db, { accountId: first.actor.accountId, organizationId: null, after: null, limit: 10 });
    expect(events.filter((e) => e.targetId === accessKeyId).map((e) => e.action).reverse()).toEqual([
      'access_key.create',
      'access_key.deactivate',
      'access_key.activate',
      'access_key.delete',
    ]);
  });

  it('keeps keys to their account: another account’s key is NOT_FOUND', async () => {
    const { accessKeyId } = await callerFor(deps, first.actor).accessKeys.create({});
    const intruder = callerFor(deps, other.actor);
    expect((await intruder.accessKeys.list()).map((k) => k.accessKeyId)).not.toContain(accessKeyId);
    for (const call of [() => intruder.accessKeys.setStatus({ accessKeyId, status: 'Inactive' }), () => intruder.accessKeys.delete({ accessKeyId })]) {
      expect(await failure(call())).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ACCESS_KEY.NOT_FOUND' });
    }
  });

  it('is managed from a console session only, never with an API token or a key', async () => {
    for (const via of ['api_token:123', 'access_key:AKIAEXAMPLE000000000']) {
      const error = await failure(callerFor(deps, { ...first.actor, via }).accessKeys.create({}));
      expect(error).toMatchObject({ code: 'FORBIDDEN', domainCode: 'AUTH.SESSION_REQUIRED' });
    }
  });

  it('refuses bad input naming the field, and more keys than the account limit', async () => {
    const caller = callerFor(deps, first.actor);
    expect((await failure(caller.accessKeys.create({ description: 'x'.repeat(257) }))).fieldErrors.description).toEqual([
      'Description must be at most 256 characters.',
    ]);
    expect((await failure(caller.accessKeys.delete({ accessKeyId: 'lower-case' }))).code).toBe('BAD_REQUEST');
    const tenant = await createOperator(deps);
    const own = callerFor(deps, tenant.actor);
    for (let i = 0; i < MAX_ACCESS_KEYS_PER_ACCOUNT; i++) await own.accessKeys.create({});
    expect(await failure(own.accessKeys.create({}))).toMatchObject({ domainCode: 'ACCESS_KEY.LIMIT_REACHED' });
  });
});

describe('the root key of MAILYARD_ROOT_ACCESS_KEY_ID', () => {
  const rootId = 'AKIAROOTROOTROOT0001';
  const withRoot = (secret: string) => ({
    ...deps,
    config: loadConfig({ ...process.env, DATABASE_URL: deps.database.url, MAILYARD_SECRET_KEY: '0'.repeat(64), MAILYARD_ROOT_ACCESS_KEY_ID: rootId, MAILYARD_ROOT_SECRET_ACCESS_KEY: secret }),
  });

  it('is ensured for the first account at every start; the environment decides its secret', async () => {
    expect(await ensureRootAccessKey(deps)).toBe('none');
    expect(await ensureRootAccessKey(withRoot('root-secret-0123456789'))).toBe('created');
    expect(await ensureRootAccessKey(withRoot('root-secret-0123456789'))).toBe('unchanged');
    expect(await ensureRootAccessKey(withRoot('root-secret-rotated-987'))).toBe('secret_updated');

    const root = (await callerFor(deps, first.actor).accessKeys.list()).find((k) => k.accessKeyId === rootId);
    expect(root).toMatchObject({ status: 'Active', operatorEmail: first.email });

    const server = await startTestServer(deps, { worker: false });
    try {
      const client = workMailClient(deps, server.url, { accessKeyId: rootId, secretAccessKey: 'root-secret-rotated-987' });
      await expect(client.send(new ListOrganizationsCommand({}))).resolves.toHaveProperty('OrganizationSummaries');
    } finally {
      await server.close();
    }

    await callerFor(deps, first.actor).accessKeys.setStatus({ accessKeyId: rootId, status: 'Inactive' });
    expect(await ensureRootAccessKey(withRoot('root-secret-rotated-987'))).toBe('inactive');
  });
});
