import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createActiveOrganization } from '@mailyard/server/testing/users';
import { useBrowserSession } from '@mailyard/test-harness';

/**
 * Every detail page of a record that does not exist, by a well-formed id the server does not know (404) or by one that
 * is not an id at all (refused by its schema): the page says "… not found" with the way back to its list, not an error
 * to retry. Needs `pnpm --filter @mailyard/admin build`.
 */
let organizationId = '';

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'failed-not-found-',
  async setup(deps, op) {
    ({ organizationId } = await createActiveOrganization(deps, op.actor));
  },
});

const org = () => `/organizations/${organizationId}`;
const missing = () => [
  { path: `${org()}/users/${randomUUID()}`, title: 'User not found', back: 'View users', list: /^Users/ },
  { path: `${org()}/groups/${randomUUID()}`, title: 'Group not found', back: 'View groups', list: /^Groups/ },
  { path: `${org()}/resources/no-such-resource`, title: 'Resource not found', back: 'View resources', list: /^Resources/ },
  { path: `${org()}/imports/no-such-import`, title: 'Import not found', back: 'View imports', list: /imports/i },
  { path: `${org()}/migration/no-such-run`, title: 'Migration not found', back: 'View migrations', list: /Migrat/ },
  { path: '/organizations/m-00000000000000000000000000000000', title: 'Organization not found', back: 'View organizations', list: /^Organizations/ },
];

describe('admin console: records that do not exist', { timeout: 90_000 }, () => {
  it('says which record is not found on every detail page, and leads back to its list', async () => {
    const { page } = session;
    await page.goto(`/admin${org()}`);
    await page.getByLabel('Email address').fill(session.op.email);
    await page.getByLabel('Password').fill(session.op.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'detached' });
    for (const record of missing()) {
      await page.goto(`/admin${record.path}`);
      await page.getByRole('heading', { name: record.title, level: 1 }).waitFor();
      await page.getByText(/^No .+ exists in (this organization|your account)\.$/).waitFor();
      expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
      await page.getByRole('link', { name: record.back }).click();
      await page.getByRole('heading', { name: record.list, level: 1 }).waitFor();
    }
  });
});
