import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { itHeardNoOtherViolation, useBrowserSession, useCspWalk } from '@mailyard/test-harness';
import { callerFor } from '@mailyard/server/testing/caller';
import { createActiveOrganization, createEnabledUser } from '@mailyard/server/testing/users';

/**
 * Every page of the console, in Chromium, under the Content-Security-Policy the server sends: any violation — a
 * blocked inline script or style, an eval, a resource from elsewhere — fails the test. Needs `pnpm build`.
 */
let organizationId = '';
let domain = '';
let userId = '';
let groupId = '';
let importId = '';
let resourceId = '';
let runId = '';

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'csp-failed-',
  worker: false,
  async setup(deps, op) {
    ({ organizationId, domain } = await createActiveOrganization(deps, op.actor));
    ({ userId } = await createEnabledUser(deps, op.actor, organizationId, { name: 'carol', displayName: 'Carol Chen' }));
    const console = callerFor(deps, op.actor);
    groupId = (await console.groups.create({ organizationId, name: 'sales' })).id;
    resourceId = (await console.resources.create({ organizationId, name: 'boardroom', type: 'ROOM' })).id;
    importId = (await console.imports.validate({ organizationId, fileName: 'staff.csv', content: 'name,displayName,email\ndave,Dave Doe,dave@example.com\n' })).id;
    await console.apiTokens.create({ name: 'Nightly export', access: 'read-only' });
    // A run waiting to be planned (no worker here): its page renders what it has.
    const source = { sourceOrganizationId: `m-${'0'.repeat(32)}`, region: 'us-east-1', endpointUrl: 'http://127.0.0.1:9/aws' };
    runId = (await console.migration.plan({ organizationId, ...source, accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'not-a-secret', passwordMode: 'none' })).id;
  },
});

/** Every route of `src/routes.ts` (a test below keeps the list complete) and the title it shows. */
const pages: [string, string | RegExp][] = [
  ['/organizations', 'Organizations'],
  ['/organizations/create', /organization/i],
  ['/organizations/:organizationId', /org-/],
  ['/organizations/:organizationId/users', 'Users'],
  ['/organizations/:organizationId/users/create', 'Create user'],
  ['/organizations/:organizationId/users/:userId', 'carol'],
  ['/organizations/:organizationId/users/:userId/edit', /carol|Edit/],
  ['/organizations/:organizationId/imports', 'User imports'],
  ['/organizations/:organizationId/imports/new', /import/i],
  ['/organizations/:organizationId/imports/:importId', /staff\.csv/],
  ['/organizations/:organizationId/groups', 'Groups'],
  ['/organizations/:organizationId/groups/create', 'Create group'],
  ['/organizations/:organizationId/groups/:groupId', /sales/],
  ['/organizations/:organizationId/resources', 'Resources'],
  ['/organizations/:organizationId/resources/:resourceId', /boardroom/],
  ['/organizations/:organizationId/domains', 'Domains'],
  ['/organizations/:organizationId/domains/:domainName', /\./],
  ['/organizations/:organizationId/activity', 'Activity'],
  ['/organizations/:organizationId/outbox', 'Outbox'],
  ['/organizations/:organizationId/access-rules', 'Access control rules'],
  ['/organizations/:organizationId/tags', 'Tags'],
  ['/organizations/:organizationId/mobile-access', 'Mobile device access'],
  ['/organizations/:organizationId/migration', 'Migrate from WorkMail'],
  ['/organizations/:organizationId/migration/new', 'Migrate from WorkMail'],
  ['/organizations/:organizationId/migration/:runId', /WorkMail m-0+/],
  ['/directories', 'Directories'],
  ['/directories/register', 'Register directory'],
  ['/access-keys', 'Access keys'],
  ['/api-tokens', 'API tokens'],
  ['/api-tokens/create', /API token/],
  ['/activity', 'Account activity'],
  ['/no-such-page', /not found/i],
];

const walk = useCspWalk(session);
const { visit } = walk;

describe('Content-Security-Policy of the admin console', () => {
  it('the sign-in page', async () => {
    const { page } = session;
    expect(await visit('/admin/', 'Sign in')).toEqual([]);
    await page.getByLabel('Email address').fill(session.op.email);
    await page.getByLabel('Password').fill(session.op.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();
    expect(await walk.inPage()).toEqual([]);
  });

  it.each(pages)('%s', async (route, title) => {
    const path = `/admin${route}`
      .replace(':organizationId', organizationId)
      .replace(':userId', userId)
      .replace(':groupId', groupId)
      .replace(':resourceId', resourceId)
      .replace(':importId', importId)
      .replace(':runId', runId)
      .replace(':domainName', domain);
    expect(await visit(path, title)).toEqual([]);
  });

  it('covers every route of the console', () => {
    const source = readFileSync(fileURLToPath(new URL('../../src/routes.ts', import.meta.url)), 'utf8');
    const routes = [...source.matchAll(/path: '([^']+)'/g)].map((m) => m[1]);
    expect(pages.map(([route]) => route).sort()).toEqual([...routes, '/no-such-page'].sort());
  });

  it('a user’s page, every tab, and its dialogs', async () => {
    const { page } = session;
    expect(await visit(`/admin/organizations/${organizationId}/users/${userId}`, 'carol')).toEqual([]);
    for (const tab of ['Email addresses', 'Quota', 'Mobile devices', 'Permissions', 'Activity', 'User details']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForLoadState('networkidle');
    }
    for (const action of ['Reset password', 'Disable']) {
      await page.getByRole('button', { name: action, exact: true }).click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
    }
    expect(await walk.inPage()).toEqual([]);
  });

  itHeardNoOtherViolation(session, walk);
});
