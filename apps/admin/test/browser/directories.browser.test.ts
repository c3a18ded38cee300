import { afterAll, describe, expect, it } from 'vitest';
import { callerFor } from '@mailyard/server/testing/caller';
import { openLdapSettings, replaceAttribute } from '@mailyard/server/testing/directories';
import { directoryLdif, SERVICE_DN, SERVICE_PASSWORD, userDn } from '@mailyard/server/testing/directory-seed';
import { startSlapd, type RunningSlapd } from '@mailyard/server/testing/slapd';
import { screenshot, useBrowserSession } from '@mailyard/test-harness';

/**
 * The console's Directories page in Chromium against the real server and a real slapd: register a directory from the
 * OpenLDAP preset, *Test connection* with a wrong password (the refusal beside the field), then right, and list it.
 * Then Standard setup in Create organization (a directory another organization takes meanwhile is refused beside the
 * field), the organization's first sync report, and *Sync now* after the directory changed.
 * Needs `pnpm --filter @mailyard/admin build`.
 */
let slapd: RunningSlapd;

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'failed-directories-',
  async setup() {
    slapd = await startSlapd(directoryLdif(80));
  },
});
afterAll(() => slapd?.close());

describe('admin console: directories', { timeout: 90_000 }, () => {
  it('registers a directory from a preset after testing the connection', async () => {
    const { page } = session;
    await page.goto('/admin/directories');
    await page.getByLabel('Email address').fill(session.op.email);
    await page.getByLabel('Password').fill(session.op.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Directories', level: 1 }).waitFor();
    await page.getByText('No directories', { exact: true }).waitFor();
    await screenshot(page, 'directories-01-empty');
    await page.getByRole('link', { name: 'Register directory' }).first().click();
    await page.getByRole('heading', { name: 'Register directory', level: 1 }).waitFor();

    await page.getByLabel('Name', { exact: true }).fill('Corp LDAP');
    await page.getByLabel('URL', { exact: true }).fill(slapd.url);
    await page.getByLabel('Bind DN').fill(SERVICE_DN);
    await page.getByLabel('Bind password').fill('wrong-password');
    await page.getByLabel('User base DN').fill('ou=people,dc=example,dc=org');
    await page.getByLabel('Group base DN').fill('ou=groups,dc=example,dc=org');
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('The directory refused to bind as').waitFor();
    await screenshot(page, 'directories-02-bind-refused');

    await page.getByLabel('Bind password').fill(SERVICE_PASSWORD);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('80 users and 4 groups found').waitFor();
    await page.getByRole('button', { name: 'Attribute mapping' }).click();
    await screenshot(page, 'directories-03-connected');
    await page.getByRole('button', { name: 'Register directory' }).click();

    await page.getByText(/Directory Corp LDAP \(d-[0-9a-f]{10}\) was registered/).waitFor();
    await page.getByRole('row', { name: /Corp LDAP/ }).getByText('Reachable').waitFor();
    await screenshot(page, 'directories-04-list');
    const { items } = await callerFor(session.deps, session.op.actor).directories.list({});
    expect(items.map((d) => [d.name, d.preset, d.url])).toEqual([['Corp LDAP', 'OpenLDAP', slapd.url]]);
    expect(session.errors).toEqual([]);
  });

  it('creates an organization with Standard setup, shows its first sync and syncs again on demand', async () => {
    const { page } = session;
    const caller = callerFor(session.deps, session.op.actor);
    const [taken, spare] = await Promise.all([
      caller.directories.list({}).then(({ items }) => items[0]!),
      caller.directories.register({ name: 'Spare LDAP', ...openLdapSettings(slapd.url) }),
    ]);
    const alias = `std-${Math.random().toString(36).slice(2, 8)}`;
    await page.goto('/admin/organizations/create');
    await page.getByRole('heading', { name: 'Set up your organization' }).waitFor();
    await page.getByText('Standard setup', { exact: true }).first().click();
    await page.getByLabel('Organization name').fill(alias);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByText('Choose the directory whose users and groups the organization uses.').waitFor();

    await page.getByRole('button', { name: /^Directory/ }).click();
    await page.getByRole('option', { name: /Corp LDAP/ }).click();
    // Another organization takes the directory while the form is open: the server's refusal shows beside the field.
    await caller.organizations.create({ alias: `${alias}-first`, directoryId: taken.id });
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByText(`Directory ${taken.id} is already used by another organization`).waitFor();
    await screenshot(page, 'directories-05-standard-setup-in-use');

    await page.getByRole('button', { name: /^Directory/ }).click();
    await page.getByRole('option', { name: /Spare LDAP/ }).click();
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.waitForURL(/\/admin\/organizations\/m-[0-9a-f]{32}$/);
    const organizationId = page.url().split('/').at(-1)!;
    // The worker provisions it: the overview follows it to Active, then shows the first sync's report.
    await page.getByRole('heading', { name: 'Directory', level: 2 }).waitFor({ timeout: 60_000 });
    const report = page.getByLabel('Last sync');
    await report.getByText('80 users, 4 groups').first().waitFor({ timeout: 30_000 });
    expect(await report.innerText()).toMatch(/Added\s+80 users, 4 groups\s+Changed\s+0 users, 0 groups\s+Disabled \(gone from the directory\)\s+0 users, 0 groups/);
    await page.getByText('Spare LDAP', { exact: true }).waitFor();
    await screenshot(page, 'directories-06-organization-directory');

    await replaceAttribute(slapd, userDn('user010'), 'displayName', 'Renamed Ten');
    await slapd.admin((client) => client.del(userDn('user011')));
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText('Synchronised: 0 users added, 1 changed, 1 disabled.').waitFor();
    await expect.poll(() => report.innerText()).toMatch(/Changed\s+1 user, 1 group[\s\S]*Disabled \(gone from the directory\)\s+1 user, 0 groups/);
    await screenshot(page, 'directories-07-sync-now');
    const { items } = await caller.users.list({ organizationId, search: 'user011' });
    expect(items.map((u) => [u.name, u.state])).toEqual([['user011', 'DISABLED']]);
    expect((await caller.directories.get({ directoryId: spare.id })).lastSync).toMatchObject({ usersChanged: 1, usersRemoved: 1 });

    // The directory stops answering: Sync now says why, and the organization is Impaired with the reason; once the
    // directory is back, Sync now brings it back to Active.
    await slapd.stop();
    try {
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.getByText('Your organization is impaired').waitFor();
      await page.getByText('The sync failed').waitFor();
      expect(await page.getByText(/Cannot reach the directory at/).count()).toBeGreaterThan(0);
      await screenshot(page, 'directories-08-impaired');
    } finally {
      await slapd.start();
    }
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText('Synchronised: 0 users added, 0 changed, 0 disabled.').waitFor();
    await page.getByText('Your organization is healthy and ready for use.').waitFor();
    expect(await page.getByText('Your organization is impaired').count()).toBe(0);
    expect(session.errors).toEqual([]);
  });
});
