import { afterAll, describe, expect, it } from 'vitest';
import { awsTenant, type AwsTenant } from '@mailyard/server/testing/aws';
import { createTestDeps, liveClock, type TestDeps } from '@mailyard/server/testing/deps';
import { jobRegistry, runDueJobs } from '@mailyard/server/testing/jobs';
import { startTestServer, type TestServer } from '@mailyard/server/testing/server';
import { createActiveOrganization, createEnabledUser, type ActiveOrganization } from '@mailyard/server/testing/users';
import { screenshot, useBrowserSession } from '@mailyard/test-harness';

/**
 * *Migrate from WorkMail* in Chromium against the real server: the source is a second Mailyard's `/aws` (WorkMail's
 * API) holding a few users; the operator fills in the form (field errors first), plans, reads the plan, migrates
 * with the progress shown, and ends on the verification and the cut-over checklist. The test drives the job worker,
 * so each state is on screen before the job runs.
 */
let org: ActiveOrganization;
let source: { deps: TestDeps; server: TestServer; tenant: AwsTenant; organizationId: string };
const NAMES = ['ada', 'bob', 'cyd'].map((n) => `wm-${n}`);

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'failed-migration-',
  worker: false,
  setupTimeout: 60_000,
  async setup(deps, op) {
    org = await createActiveOrganization(deps, op.actor);
    const sourceDeps = await createTestDeps({}, liveClock());
    const server = await startTestServer(sourceDeps);
    const tenant = await awsTenant(sourceDeps, server.url);
    const sourceOrg = await createActiveOrganization(sourceDeps, tenant.op.actor);
    for (const name of NAMES) await createEnabledUser(sourceDeps, tenant.op.actor, sourceOrg.organizationId, { name, email: `${name}@${sourceOrg.domain}` });
    source = { deps: sourceDeps, server, tenant, organizationId: sourceOrg.organizationId };
  },
});

afterAll(async () => {
  await source?.server.close();
  await source?.deps.database.drop();
});

const page = () => session.page;

describe('admin console: migrate from WorkMail', { timeout: 120_000 }, () => {
  it('opens Migrate from WorkMail from the organization\'s side navigation', async () => {
    await page().goto(`/admin/organizations/${org.organizationId}`);
    await page().getByLabel('Email address').fill(session.op.email);
    await page().getByLabel('Password').fill(session.op.password);
    await page().getByRole('button', { name: 'Sign in' }).click();
    await page().getByRole('navigation', { name: 'Side navigation' }).getByRole('link', { name: 'Migrate from WorkMail' }).click();
    await page().getByRole('heading', { name: 'Migrate from WorkMail', level: 1 }).waitFor();
    await page().getByText('No migrations').waitFor();
    await page().getByRole('link', { name: 'New migration' }).first().click();
    await page().getByRole('heading', { name: 'Migrate from WorkMail', level: 1 }).waitFor();
    await page().getByRole('button', { name: 'Plan' }).waitFor();
  });

  it('names what is missing next to each field', async () => {
    await page().getByLabel('WorkMail organization id').fill('m-nope');
    await page().getByRole('radio', { name: 'Passwords from a CSV' }).check();
    await page().getByRole('checkbox', { name: 'Copy mailbox content' }).check();
    await page().getByRole('button', { name: 'Plan' }).click();
    await page().getByText('Organization id must be "m-" followed by 32 lowercase hexadecimal digits.').waitFor();
    await page().getByText('Access key id is required.').waitFor();
    await page().getByText('Secret access key is required.').waitFor();
    await page().getByText('Choose a CSV with the columns user,password.').waitFor();
    await page().getByText('Give a master user of the source IMAP server.').waitFor();
    // WorkMail has no master users: the mailboxes' own passwords come from a CSV instead, read and checked by the form.
    await page().getByText('Or: source passwords CSV').waitFor();
    await page().locator('input[type="file"]').nth(1).setInputFiles({ name: 'source-passwords.csv', mimeType: 'text/csv', buffer: Buffer.from('user,pw\nann,x\n') });
    await page().getByText('The header line must name the columns "user" and "password".').waitFor();
    await screenshot(page(), 'migration-01-errors');
  });

  it('plans: the dry run shows the changes with counts and the password option, and nothing changes', async () => {
    await page().getByRole('checkbox', { name: 'Copy mailbox content' }).uncheck();
    await page().getByRole('radio', { name: 'Leave without a password' }).check();
    await page().getByLabel('WorkMail organization id').fill(source.organizationId);
    await page().getByLabel('Region').fill(source.deps.config.MAILYARD_REGION);
    await page().getByLabel('Endpoint URL (optional)').fill(`${source.server.url}/aws`);
    await page().getByLabel('Access key id').fill(source.tenant.accessKeyId);
    await page().getByLabel('Secret access key').fill(source.tenant.secretAccessKey);
    // From the keyboard: Enter in a field sends the form.
    await page().getByLabel('Secret access key').press('Enter');
    await page().waitForURL(/\/migration\/[0-9a-f-]{36}$/);
    await page().getByRole('heading', { name: `WorkMail ${source.organizationId}`, level: 1 }).waitFor();
    await page().getByText('Waiting for the server to start the run…').waitFor();
    await screenshot(page(), 'migration-02-planning');

    expect(await runDueJobs(session.deps, jobRegistry)).toBe(1);
    await page().getByText('Dry run: review the plan, then migrate.').waitFor();
    const changes = page().getByRole('table', { name: 'Changes' });
    await changes.getByRole('row').filter({ hasText: 'users to create' }).getByText(String(NAMES.length), { exact: true }).waitFor();
    await page().getByText(/New users get no password/).first().waitFor();
    // The secret is never shown again; the access key id is.
    await page().getByText(source.tenant.accessKeyId).waitFor();
    expect(await page().getByText(source.tenant.secretAccessKey).count()).toBe(0);
    await screenshot(page(), 'migration-03-planned');
  });

  it('migrates with the progress shown, then shows the verification and the cut-over checklist', async () => {
    await page().getByRole('button', { name: 'Migrate' }).focus();
    await page().keyboard.press('Enter');
    await page().getByText('The migration runs on the server: you can leave this page and come back.').waitFor();
    await screenshot(page(), 'migration-04-migrating');

    expect(await runDueJobs(session.deps, jobRegistry)).toBe(1);
    const verification = page().getByRole('table', { name: 'Verification' });
    await verification.getByRole('row').filter({ hasText: 'enabled users' }).getByText('Matches').waitFor();
    await page().getByText('The target matches the source: a new plan has no changes.').waitFor();
    await page().getByRole('heading', { name: 'Cut-over checklist', level: 2 }).waitFor();
    await page().getByText(/\[x\] the target matches the source/).waitFor();
    await screenshot(page(), 'migration-05-done');
  });

  it('plans again: nothing to change; the history lists both runs', async () => {
    await page().getByRole('button', { name: 'Plan again' }).click();
    await page().getByText('Waiting for the server to start the run…').waitFor();
    expect(await runDueJobs(session.deps, jobRegistry)).toBe(1);
    await page().getByText('Nothing to change: the target matches the source.').first().waitFor();

    // (Full-page screenshots resize the window, which folds the side navigation away: the breadcrumbs lead back.)
    await page().getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Migrate from WorkMail' }).click();
    const table = page().getByRole('table');
    await table.getByRole('row').filter({ hasText: 'Completed' }).waitFor();
    await table.getByRole('row').filter({ hasText: 'Planned' }).getByText('Nothing to change').waitFor();
    await screenshot(page(), 'migration-06-history');
    expect(session.errors).toEqual([]);
  });
});
