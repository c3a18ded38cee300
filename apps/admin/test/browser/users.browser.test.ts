import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { BYTES_PER_MB } from '@mailyard/core/mailboxes';
import { screenshot, useBrowserSession } from '@mailyard/test-harness';
import { reportUsage } from '@mailyard/server/testing/portal-fixtures';
import { addDomain, createActiveOrganization, createEnabledUser } from '@mailyard/server/testing/users';

/**
 * The Users pages of the admin console in Chromium against the real server (built admin app, /trpc, a real database,
 * the real ActiveSync endpoint for the phone). One user goes through "Managing user accounts": created, given an alias
 * that becomes primary, a smaller quota, disabled and enabled again from the list, a new password, a phone that
 * syncs and is wiped, and a delegate. Needs `pnpm --filter @mailyard/admin build`.
 */
let organizationId = '';
let testDomain = '';
let salesDomain = '';
const NAME = 'alice.smith';
const PASSWORD = 'Initial-Secret-1';
const NEW_PASSWORD = 'Tulip-Garden-42';
const DEVICE_ID = 'ApplF17Alice01';
let alicePrimary = '';

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'users-failed-',
  worker: false,
  async setup(deps, op) {
    ({ organizationId, domain: testDomain } = await createActiveOrganization(deps, op.actor));
    salesDomain = await addDomain(deps, organizationId);
    await createEnabledUser(deps, op.actor, organizationId, { name: 'bob', displayName: 'Bob Baker' });
  },
});

const shot = (name: string) => screenshot(session.page, `users-${name}`);
const usersUrl = () => `/admin/organizations/${organizationId}/users`;
const dialog = (name: string) => session.page.getByRole('dialog', { name });
const row = (text: string) => session.page.getByRole('row').filter({ hasText: text });

/** The error text a Cloudscape FormField shows for `control` (via aria-describedby). */
async function errorOf(control: Locator): Promise<string> {
  await expect.poll(() => control.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => session.page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

/** The real device-facing endpoint, as a phone calls it: HTTP Basic with the user's address and password. */
async function syncPhone(address: string, password: string, body: Record<string, unknown> = {}) {
  const response = await fetch(`${session.server.url}/Microsoft-Server-ActiveSync?Cmd=Provision&DeviceId=${DEVICE_ID}&DeviceType=iPhone`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${address}:${password}`).toString('base64')}`,
      'content-type': 'application/json',
      'user-agent': 'Apple-iPhone15C2/2104.4',
    },
    body: JSON.stringify({ model: 'iPhone15,2', operatingSystem: 'iOS 17.4', ...body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Opens a tab of the user's page. */
async function openTab(name: string) {
  await session.page.getByRole('tab', { name }).click();
  await expect.poll(() => session.page.getByRole('tab', { name }).getAttribute('aria-selected')).toBe('true');
}

/** Ticks the checkbox of a user in the users list. */
async function selectUser(name: string) {
  await session.page.getByRole('checkbox', { name: `Select ${name}` }).check();
}

describe('admin console: managing user accounts', { timeout: 90_000 }, () => {
  it('lists users, system users included', async () => {
    await session.page.goto('/admin/');
    await session.page.getByLabel('Email address').fill(session.op.email);
    await session.page.getByLabel('Password').fill(session.op.password);
    await session.page.getByRole('button', { name: 'Sign in' }).click();
    await session.page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();

    await session.page.goto(usersUrl());
    await session.page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await row('postmaster').getByText('System user').first().waitFor();
    await row('bob').getByText('Enabled').waitFor();
    expect(await session.page.getByRole('link', { name: 'Users' }).first().isVisible()).toBe(true);
    await shot('01-list');

    // Search is the server's: a fragment of the user name, display name, address or an alias.
    await session.page.getByRole('searchbox', { name: /Find users/ }).fill('Bob B');
    await expect.poll(() => row('postmaster').count()).toBe(0);
    await row('bob').waitFor();
    await shot('01b-search');
    await session.page.getByRole('searchbox', { name: /Find users/ }).fill('');
    await row('postmaster').waitFor();
  });

  it('creates a user: the address follows the name, the password policy shows live, a taken name is refused inline', async () => {
    await session.page.getByRole('link', { name: 'Create user' }).first().click();
    await session.page.getByRole('heading', { name: 'Create user', level: 1 }).waitFor();

    const name = session.page.getByLabel('User name');
    const local = session.page.locator('input[name="email"]');
    // Validation from the core schema before anything is sent.
    await session.page.getByRole('button', { name: 'Create user' }).click();
    expect(await errorOf(name)).toMatch(/User name is required/);
    expect(await errorOf(session.page.getByLabel('Display name'))).toMatch(/Display name is required/);

    await name.fill('bob');
    expect(await local.inputValue()).toBe('bob');
    await session.page.getByLabel('First name').fill('Alice');
    await session.page.getByLabel('Last name').fill('Smith');
    await session.page.getByLabel('Display name').fill('Alice Smith');
    await session.page.getByLabel('Password', { exact: true }).fill('short');
    const checklist = session.page.getByRole('list', { name: 'Password requirements' });
    await checklist.getByText('At least 8 characters').waitFor();
    expect(await checklist.getByRole('img', { name: 'Not met' }).count()).toBeGreaterThanOrEqual(2);
    await shot('02-create-weak-password');

    await session.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await session.page.getByLabel('Repeat password').fill(PASSWORD);
    await expect.poll(() => checklist.getByRole('img', { name: 'Met' }).count()).toBe(5);
    await session.page.getByRole('button', { name: 'Create user' }).click();
    expect(await errorOf(name)).toMatch(/"bob" is already in use/);
    await shot('03-create-name-taken');

    await name.fill(NAME);
    expect(await local.inputValue()).toBe(NAME);
    expect(await session.page.getByRole('button', { name: /Email address Domain/ }).innerText()).toContain(testDomain);
    await shot('04-create-filled');
    await session.page.getByRole('button', { name: 'Create user' }).click();

    await session.page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    alicePrimary = `${NAME}@${testDomain}`;
    await session.page.getByText(`User ${NAME} was created with the address ${alicePrimary}.`).waitFor();
    await session.page.getByText('Alice Smith').first().waitFor();
    await shot('05-user-details');
  });

  it('edits the personal data', async () => {
    await session.page.getByRole('link', { name: 'Edit' }).click();
    await session.page.getByRole('heading', { name: `Edit ${NAME}` }).waitFor();
    await session.page.getByLabel('Job title').fill('x'.repeat(257));
    await session.page.getByRole('button', { name: 'Save changes' }).click();
    expect(await errorOf(session.page.getByLabel('Job title'))).toMatch(/Job title must be at most 256 characters/);
    await session.page.getByLabel('Job title').fill('Head of Sales');
    await session.page.getByLabel('City').fill('Lisbon');
    await shot('06-edit-user');
    await session.page.getByRole('button', { name: 'Save changes' }).click();
    await session.page.getByText(`The details of ${NAME} were saved.`).waitFor();
    await session.page.getByText('Head of Sales').waitFor();
    await session.page.getByText('Lisbon').waitFor();
  });

  it('adds an alias on another domain and makes it the primary address', async () => {
    await openTab('Email addresses');
    await session.page.getByRole('button', { name: 'Add alias' }).click();
    const add = dialog('Add alias');
    await add.getByRole('button', { name: /Domain/ }).click();
    await add.getByRole('option', { name: `@${salesDomain}` }).click();
    await add.getByRole('textbox', { name: 'Alias', exact: true }).fill('sales team');
    await add.getByRole('button', { name: 'Add alias' }).click();
    expect(await errorOf(add.getByRole('textbox', { name: 'Alias', exact: true }))).toMatch(/may contain only letters/);
    await add.getByRole('textbox', { name: 'Alias', exact: true }).fill('sales');
    await shot('07-add-alias');
    await add.getByRole('button', { name: 'Add alias' }).click();
    await session.page.getByText(`The alias sales@${salesDomain} was added to ${NAME}.`).waitFor();

    const alias = row(`sales@${salesDomain}`);
    await alias.getByText('Alias').waitFor();
    await session.page.getByRole('radio', { name: `Select sales@${salesDomain}` }).check();
    await session.page.getByRole('button', { name: 'Set as primary' }).click();
    await session.page.getByText(`sales@${salesDomain} is now the primary address of ${NAME}.`).waitFor();
    await alias.getByText('Primary').waitFor();
    await row(alicePrimary).getByText('Alias').waitFor();
    alicePrimary = `sales@${salesDomain}`;
    await shot('08-alias-primary');
  });

  it('changes the quota: an out-of-range value shows the range first', async () => {
    await openTab('Quota');
    await session.page.getByText('51,200 MB').first().waitFor();
    await session.page.getByRole('button', { name: 'Edit mailbox quota' }).click();
    const edit = dialog('Edit mailbox quota');
    const quota = edit.getByLabel('Update mailbox quota');
    await quota.fill('60000');
    await edit.getByRole('button', { name: 'Save' }).click();
    expect(await errorOf(quota)).toContain('Mailbox quota must be a whole number from 1 to 51,200 MB.');
    await shot('09-quota-range-error');
    await quota.fill('100');
    await edit.getByRole('button', { name: 'Save' }).click();
    await session.page.getByText(`The mailbox quota of ${NAME} is now 100 MB.`).waitFor();

    // The mail server reports 95 MB: the bar shows the 90 % warning.
    await reportUsage(session.deps, alicePrimary, 95 * BYTES_PER_MB);
    await session.page.reload();
    await session.page.getByText('95 MB of 100 MB used').waitFor();
    await session.page.getByText(/Over 90 % of the quota is used/).waitFor();
    await shot('10-quota-warning');
  });

  it('disables and re-enables the user from the list, reviewing its address', async () => {
    await session.page.goto(usersUrl());
    await row(NAME).waitFor();
    await selectUser(NAME);
    await session.page.getByRole('button', { name: 'Disable', exact: true }).click();
    const disable = dialog('Disable users');
    await disable.getByText('kept for 30 days').waitFor();
    await shot('11-disable-dialog');
    await disable.getByRole('button', { name: 'Disable', exact: true }).click();
    await disable.getByText(/Mailbox will be deleted on /).waitFor();
    await shot('12-disabled');
    await disable.getByRole('button', { name: 'Close', exact: true }).last().click();
    await row(NAME).getByText('Disabled').waitFor();
    expect(await row(NAME).innerText()).toMatch(/\d{4}/);

    // The signed-out phone is refused at once.
    expect((await syncPhone(alicePrimary, PASSWORD)).status).toBe(403);

    await selectUser(NAME);
    await session.page.getByRole('button', { name: 'Enable', exact: true }).click();
    const enable = dialog('Enable users');
    const email = enable.getByRole('textbox', { name: NAME, exact: true });
    expect(await email.inputValue()).toBe('sales');
    // An address that belongs to someone else is refused on its row.
    await email.fill('bob');
    await enable.getByRole('button', { name: /Domain/ }).click();
    await enable.getByRole('option', { name: `@${testDomain}` }).click();
    await enable.getByRole('button', { name: 'Enable', exact: true }).click();
    expect(await errorOf(email)).toMatch(/already in use|is used by/);
    await shot('13-enable-address-in-use');
    await enable.getByRole('button', { name: /Domain/ }).click();
    await enable.getByRole('option', { name: `@${salesDomain}` }).click();
    await email.fill('sales');
    await enable.getByRole('button', { name: 'Enable', exact: true }).click();
    await session.page.getByText(`User ${NAME} was enabled: ${alicePrimary}.`).waitFor();
    await row(NAME).getByText('Enabled').waitFor();
    await shot('14-enabled');
  });

  it('resets the password: a weak one names every broken rule, a strong one is taken', async () => {
    await selectUser(NAME);
    await session.page.getByRole('button', { name: 'Reset password' }).click();
    const reset = dialog('Reset password');
    await reset.getByLabel('New password').fill('password');
    await reset.getByLabel('Repeat password').fill('password');
    await reset.getByRole('button', { name: 'Reset', exact: true }).click();
    const problems = await errorOf(reset.getByLabel('New password'));
    expect(problems).toMatch(/at least 3 of these 5 groups/);
    await shot('15-reset-weak');

    await reset.getByLabel('New password').fill(NEW_PASSWORD);
    await reset.getByLabel('Repeat password').fill('Tulip-Garden-43');
    await reset.getByRole('button', { name: 'Reset', exact: true }).click();
    expect(await errorOf(reset.getByLabel('Repeat password'))).toContain('Passwords do not match.');
    await reset.getByLabel('Repeat password').fill(NEW_PASSWORD);
    await shot('16-reset-strong');
    await reset.getByRole('button', { name: 'Reset', exact: true }).click();
    await session.page.getByText(`The password of ${NAME} was reset.`).waitFor();
    // The old password no longer opens the mailbox; the new one does.
    expect((await syncPhone(alicePrimary, PASSWORD)).status).toBe(401);
  });

  it('wipes a phone that synced: wipe pending, then wipe sent on its next sync', async () => {
    expect(await syncPhone(alicePrimary, NEW_PASSWORD)).toEqual({ status: 200, body: { status: 'ok', wipe: false } });
    await row(NAME).getByRole('link', { name: NAME }).click();
    await openTab('Mobile devices');
    const device = row(DEVICE_ID.toLowerCase());
    await device.waitFor();
    await device.getByText('iOS 17.4').waitFor();

    await session.page.getByRole('button', { name: `Details of device ${DEVICE_ID.toLowerCase()}` }).click();
    const details = dialog(`Device ${DEVICE_ID.toLowerCase()}`);
    await details.getByText('Apple-iPhone15C2/2104.4').waitFor();
    await details.getByText('No wipe requested').waitFor();
    await shot('17-device-details');
    await details.getByRole('button', { name: 'Close', exact: true }).last().click();

    await session.page.getByRole('radio', { name: `Select device ${DEVICE_ID.toLowerCase()}` }).check();
    await session.page.getByRole('button', { name: 'Wipe', exact: true }).click();
    const wipe = dialog('Wipe device');
    await wipe.getByText(/erase all its data/).waitFor();
    await shot('18-wipe-confirm');
    await wipe.getByRole('button', { name: 'Wipe', exact: true }).click();
    await device.getByText('Wipe pending').waitFor();
    await shot('19-wipe-pending');

    expect(await syncPhone(alicePrimary, NEW_PASSWORD)).toEqual({ status: 200, body: { status: 'ok', wipe: true } });
    await session.page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await device.getByText('Wipe sent').waitFor();
    await shot('20-wipe-sent');
  });

  it('grants, then removes, mailbox permissions', async () => {
    await openTab('Permissions');
    await session.page.getByText('No permissions').waitFor();
    await session.page.getByRole('button', { name: 'Add permissions' }).first().click();
    const add = dialog('Add permissions');
    await add.getByRole('button', { name: 'Save' }).click();
    expect(await add.getByText('Choose a user or group.').isVisible()).toBe(true);
    await add.getByRole('combobox').fill('bo');
    await add.getByRole('option', { name: /bob/ }).click();
    await add.getByRole('checkbox', { name: /Full access/ }).check();
    await add.getByRole('checkbox', { name: /Send on behalf/ }).check();
    await shot('21-add-permissions');
    await add.getByRole('button', { name: 'Save' }).click();
    await session.page.getByText(`bob now has Full access, Send on behalf on the mailbox of ${NAME}.`).waitFor();
    await row(`bob@${testDomain}`).getByText('User', { exact: true }).waitFor();
    await session.page.getByRole('heading', { name: 'Mailbox permissions (1)' }).waitFor();
    await shot('22-permissions');

    await session.page.getByRole('button', { name: 'Remove all' }).click();
    await dialog('Remove all permissions').getByRole('button', { name: 'Remove all' }).click();
    await session.page.getByText('No permissions').waitFor();
  });

  it('shows the user activity', async () => {
    await openTab('Activity');
    await session.page.getByText('device.wipe').first().waitFor();
    await session.page.getByText('mailbox.update_quota').first().waitFor();
    await session.page.getByRole('heading', { name: /^Activity \(\d+\)$/ }).waitFor();
    await shot('23-activity');
  });

  it('deletes a disabled user after typed confirmation; system users cannot be', async () => {
    await session.page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Users' }).click();
    await selectUser('postmaster');
    expect(await session.page.getByRole('button', { name: 'Disable', exact: true }).isDisabled()).toBe(true);
    await selectUser('bob');
    await session.page.getByRole('checkbox', { name: 'Select postmaster' }).uncheck();
    await session.page.getByRole('button', { name: 'Disable', exact: true }).click();
    await dialog('Disable users').getByRole('button', { name: 'Disable', exact: true }).click();
    await dialog('Disable users').getByRole('button', { name: 'Close', exact: true }).last().click();
    await row('bob').getByText('Disabled').waitFor();

    await selectUser('bob');
    await session.page.getByRole('button', { name: 'Delete', exact: true }).click();
    const remove = dialog('Delete user');
    expect(await remove.getByRole('button', { name: 'Delete', exact: true }).isDisabled()).toBe(true);
    await remove.getByRole('textbox').fill('delete');
    await shot('24-delete-confirm');
    await remove.getByRole('button', { name: 'Delete', exact: true }).click();
    await session.page.getByText('User bob was deleted.').waitFor();
    await expect.poll(() => row('bob@').count()).toBe(0);
    await shot('25-deleted');
    expect(session.errors).toEqual([]);
  });
});
