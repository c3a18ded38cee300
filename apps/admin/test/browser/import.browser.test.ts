import { describe, expect, it } from 'vitest';
import { jobRegistry, runDueJobs } from '@mailyard/server/testing/jobs';
import { screenshot, useBrowserSession } from '@mailyard/test-harness';
import { createActiveOrganization, uniqueName, type ActiveOrganization } from '@mailyard/server/testing/users';

/**
 * The console's bulk import in Chromium against the real server: a CSV with one bad row is checked (the dry-run report
 * names the problem), the valid rows are imported with the progress shown, and the report ends with each outcome. The
 * job worker is driven by the test, so the "importing" state is on screen before the job runs.
 */
let org: ActiveOrganization;

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'failed-import-',
  worker: false,
  async setup(deps, op) {
    org = await createActiveOrganization(deps, op.actor);
  },
});

const p = uniqueName('csv');
const goodRows = ['ann', 'ben', 'cat', 'dan'].map((n, i) => `${p}-${n},${n.toUpperCase()} Example,${p}-${n}@{domain},Dept ${i},${i % 2 ? 'invite' : 'Looking-Glass-7'}`);
const file = (domain: string) =>
  ['name,displayName,email,department,password', ...goodRows.slice(0, 2), `${p}-bad,Bad Row,${p}-bad@${domain},Dept,short`, ...goodRows.slice(2)]
    .join('\n')
    .replaceAll('{domain}', domain);

async function chooseFile(name: string, content: string) {
  await session.page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
}

describe('admin console: import users from a CSV', { timeout: 90_000 }, () => {
  it('signs in and opens the imports of the organization from the side navigation', async () => {
    await session.page.goto(`/admin/organizations/${org.organizationId}`);
    await session.page.getByLabel('Email address').fill(session.op.email);
    await session.page.getByLabel('Password').fill(session.op.password);
    await session.page.getByRole('button', { name: 'Sign in' }).click();
    await session.page.getByRole('navigation', { name: 'Side navigation' }).getByRole('link', { name: 'User imports' }).click();
    await session.page.getByRole('heading', { name: 'User imports', level: 1 }).waitFor();
    await session.page.getByText('No imports').waitFor();
    await session.page.getByRole('link', { name: 'Import users' }).first().click();
    await session.page.getByRole('heading', { name: 'Import users', level: 1 }).waitFor();
    await session.page.getByText('CSV format').waitFor();
    await screenshot(session.page, 'import-01-new');
  });

  it('refuses a file whose header does not fit, naming each problem', async () => {
    await chooseFile('wrong.csv', 'login,mail\nann,ann@example.com\n');
    await session.page.getByRole('button', { name: 'Check file' }).click();
    await session.page.getByText('Column 1 "login" is not a known column.').waitFor();
    await session.page.getByText('Required columns missing: User name, Display name.').waitFor();
    await screenshot(session.page, 'import-02-refused-file');
  });

  it('checks a file with one bad row: the dry-run report names its problem and nothing is created', async () => {
    await chooseFile('staff.csv', file(org.domain));
    await session.page.getByRole('button', { name: 'Check file' }).click();
    await session.page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await session.page.getByRole('heading', { name: 'staff.csv', level: 1 }).waitFor();
    await session.page.getByText('Nothing has been created yet').waitFor();
    const report = session.page.getByRole('table', { name: 'Import report' });
    const bad = report.getByRole('row').filter({ hasText: `${p}-bad` });
    await bad.getByText('Has problems').waitFor();
    await bad.getByText('Password must be at least 8 characters.').waitFor();
    await bad.getByText(/at least 3 of these 5 groups/).waitFor();
    await report.getByRole('row').filter({ hasText: `${p}-ann` }).getByText('Will be created').waitFor();
    await session.page.getByRole('heading', { name: 'Report (5)', level: 2 }).waitFor();
    await screenshot(session.page, 'import-03-dry-run');

    await session.page.getByRole('button', { name: 'Problems (1)' }).click();
    await expect.poll(() => report.getByRole('row').count()).toBe(2); // the header row and the bad row
    await session.page.getByRole('heading', { name: 'Report (1)', level: 2 }).waitFor();
    await screenshot(session.page, 'import-04-dry-run-problems');
  });

  it('imports the valid rows, shows the progress, and ends with each row\'s outcome', async () => {
    await session.page.getByRole('button', { name: 'Import 4 valid rows' }).click();
    await session.page.getByText('0 of 4 rows processed').waitFor();
    await session.page.getByText('Importing 4 rows from staff.csv…').waitFor();
    await screenshot(session.page, 'import-05-importing');

    expect(await runDueJobs(session.deps, jobRegistry)).toBe(1);
    // The progress bar's result (its live region repeats it for screen readers).
    await session.page.getByText('Import complete: 4 created, 0 skipped, 0 failed, 1 not imported (problems).').first().waitFor();
    await session.page.getByText('4 of 4 rows processed').waitFor();
    await session.page.getByText('Import of staff.csv: 4 created, 0 skipped, 0 failed, 1 not imported (problems).').waitFor();
    await session.page.getByRole('button', { name: 'All rows (5)' }).click();
    const report = session.page.getByRole('table', { name: 'Import report' });
    await expect.poll(() => report.getByText('Created', { exact: true }).count()).toBe(4);
    await screenshot(session.page, 'import-06-done');

    // The new users are in the users list.
    await session.page.goto(`/admin/organizations/${org.organizationId}/users`);
    await session.page.getByPlaceholder('Find users by name, display name, email or alias').fill(`${p}-`);
    await session.page.getByRole('link', { name: `${p}-dan` }).waitFor();
    await expect.poll(() => session.page.getByRole('link', { name: new RegExp(`^${p}-`) }).count()).toBe(4);
  });

  it('lists the import with its result', async () => {
    await session.page.goto(`/admin/organizations/${org.organizationId}/imports`);
    const row = session.page.getByRole('row').filter({ hasText: 'staff.csv' });
    await row.getByText('Completed').waitFor();
    await row.getByText('4 created, 0 skipped, 0 failed, 1 not imported (problems)').waitFor();
    await screenshot(session.page, 'import-07-list');
  });

  it('counts a report longer than a page exactly', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `${p}-bulk${i},Bulk ${i},${p}-bulk${i}@${org.domain},Dept,invite`);
    await session.page.goto(`/admin/organizations/${org.organizationId}/imports/new`);
    await chooseFile('bulk.csv', ['name,displayName,email,department,password', ...rows].join('\n'));
    await session.page.getByRole('button', { name: 'Check file' }).click();
    await session.page.getByRole('heading', { name: 'bulk.csv', level: 1 }).waitFor();
    await session.page.getByRole('heading', { name: 'Report (120)', level: 2 }).waitFor();
    await session.page.getByRole('button', { name: 'Next page' }).click();
    await session.page.getByRole('table', { name: 'Import report' }).getByRole('cell', { name: 'Bulk 99', exact: true }).waitFor();
    expect(await session.page.getByRole('heading', { name: 'Report (120)', level: 2 }).count()).toBe(1);
    expect(session.errors).toEqual([]);
  });
});
