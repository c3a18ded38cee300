import { describe, expect, it } from 'vitest';
import { activeSync } from '@mailyard/server/testing/activesync';
import { callerFor } from '@mailyard/server/testing/caller';
import { createActiveOrganization, createEnabledUser, PASSWORD } from '@mailyard/server/testing/users';
import { screenshot, useBrowserSession } from '@mailyard/test-harness';

/**
 * The Mobile device access page and a user's Mobile devices tab in Chromium against the real server: create a rule
 * (a bad value refused beside its field), evaluate devices, edit it; a phone the rule denies is refused by the sync
 * endpoint and shows as blocked; an override lets it in and is removed again; deleting the last ALLOW rule warns first.
 * Needs `pnpm --filter @mailyard/admin build`.
 */
let organizationId = '';
let userId = '';
let address = '';
const PIXEL = { deviceId: 'Pixel8a', deviceType: 'Android', userAgent: 'Android-Mail/7.7.16', body: { model: 'Pixel 8a', operatingSystem: 'Android 14' } };

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'failed-mobile-access-',
  worker: false,
  async setup(deps, op) {
    const org = await createActiveOrganization(deps, op.actor);
    organizationId = org.organizationId;
    const user = await createEnabledUser(deps, op.actor, organizationId, { name: 'dana', displayName: 'Dana Scully' });
    userId = user.userId;
    address = `dana@${org.domain}`;
  },
});

const shot = (name: string) => screenshot(session.page, `mobile-access-${name}`);
const dialog = (name: string) => session.page.getByRole('dialog', { name });
const row = (text: string) => session.page.getByRole('row').filter({ hasText: text });
const rules = () => callerFor(session.deps, session.op.actor).mobileAccess.listRules({ organizationId });
const syncPixel = () => activeSync(session.server.url, { address, password: PASSWORD, ...PIXEL });

describe('admin console: mobile device access', { timeout: 120_000 }, () => {
  it('lists the default rule and creates a DENY rule, refusing a bad value beside its field', async () => {
    const { page } = session;
    await page.goto(`/admin/organizations/${organizationId}/mobile-access`);
    await page.getByLabel('Email address').fill(session.op.email);
    await page.getByLabel('Password').fill(session.op.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Mobile device access', level: 1 }).waitFor();
    await row('DefaultAllowAll').getByText('Every device').waitFor();
    await shot('01-default');

    await page.getByRole('button', { name: 'Create rule' }).first().click();
    const create = dialog('Create rule');
    await create.getByLabel('Name').fill('BlockAndroid');
    await create.getByRole('radio', { name: /Deny/ }).check();
    await create.getByRole('textbox', { name: 'Device types (matches one)' }).fill('android');
    await create.getByRole('textbox', { name: 'User agents (matches none)' }).fill('Outlook\nMail ✓');
    await create.getByRole('button', { name: 'Create rule' }).click();
    await create.getByText('Line 2: The value may contain only printable Latin-1 characters (U+0020 to U+00FF).').waitFor();
    await shot('02-create-invalid');
    await create.getByRole('textbox', { name: 'User agents (matches none)' }).fill('Outlook');
    await create.getByRole('button', { name: 'Create rule' }).click();
    await page.getByText('Rule BlockAndroid was created.').waitFor();
    await row('BlockAndroid').getByText('Device types: android · not user agents: Outlook').waitFor();
    // The test server's clock stands still: both rules have one creation time, so their order is the ids'.
    expect((await rules()).map((r) => [r.name, r.effect]).sort()).toEqual([
      ['BlockAndroid', 'DENY'],
      ['DefaultAllowAll', 'ALLOW'],
    ]);
  });

  it('evaluates devices against the rules', async () => {
    const { page } = session;
    const panel = page.getByRole('form', { name: 'Evaluate a device' });
    // The rule's "not user agents" condition never matches a device that reports no user agent: the rule does not apply.
    await panel.getByLabel('Device type').fill('Android');
    await panel.getByRole('button', { name: 'Evaluate' }).click();
    await page.getByText('Allowed by DefaultAllowAll.').waitFor();
    await panel.getByLabel('User agent').fill('Android-Mail/7.7.16');
    await panel.getByRole('button', { name: 'Evaluate' }).click();
    await page.getByText('Blocked by BlockAndroid.').waitFor();
    await panel.getByLabel('Device type').fill('iPhone');
    await panel.getByRole('button', { name: 'Evaluate' }).click();
    await page.getByText('Allowed by DefaultAllowAll.').waitFor();
    await shot('03-evaluate');
  });

  it('edits the rule', async () => {
    const { page } = session;
    await page.getByRole('radio', { name: 'Rule BlockAndroid' }).check();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = dialog('Edit rule BlockAndroid');
    expect(await edit.getByRole('textbox', { name: 'Device types (matches one)' }).inputValue()).toBe('android');
    await edit.getByLabel('Name').fill('BlockAndroidPhones');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Rule BlockAndroidPhones was saved.').waitFor();
    await row('BlockAndroidPhones').waitFor();
    await shot('04-list');
  });

  it("a phone the rule denies is refused and shows as blocked on the user's tab; an override lets it in, and is removed again", async () => {
    const { page } = session;
    expect(await syncPixel()).toMatchObject({ status: 403, body: { code: 'DEVICE.BLOCKED', activeSyncStatus: 129 } });
    await page.goto(`/admin/organizations/${organizationId}/users/${userId}`);
    await page.getByRole('tab', { name: 'Mobile devices' }).click();
    const device = row('pixel8a');
    await device.getByText('Blocked').waitFor();
    await device.getByText('Rule BlockAndroidPhones').waitFor();
    await shot('05-device-blocked');

    await page.getByRole('radio', { name: 'Select device pixel8a' }).check();
    await page.getByRole('button', { name: 'Override access' }).click();
    const override = dialog('Override access of device pixel8a');
    await override.getByText('This device is blocked by the mobile device access rule "BlockAndroidPhones".').waitFor();
    await override.getByLabel('Reason - optional').fill('Approved by IT');
    await shot('06-override');
    await override.getByRole('button', { name: 'Allow device' }).click();
    await page.getByText('Device pixel8a is allowed by an override from its next sync.').waitFor();
    await device.getByText('Allowed').waitFor();
    await device.getByText('Override: Approved by IT').waitFor();
    expect(await syncPixel()).toMatchObject({ status: 200, body: { status: 'ok' } });
    await shot('07-device-allowed');

    await page.getByRole('button', { name: 'Override access' }).click();
    const again = dialog('Override access of device pixel8a');
    await again.getByRole('radio', { name: /Remove override/ }).check();
    await again.getByRole('button', { name: 'Remove override' }).click();
    await page.getByText('The override of device pixel8a was removed: the rules decide again.').waitFor();
    await device.getByText('Blocked').waitFor();
    expect((await syncPixel()).status).toBe(403);
  });

  it('deleting the only ALLOW rule warns that every device will be blocked', async () => {
    const { page } = session;
    await page.goto(`/admin/organizations/${organizationId}/mobile-access`);
    await page.getByRole('radio', { name: 'Rule DefaultAllowAll' }).check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = dialog('Delete rule');
    await confirm.getByText('DefaultAllowAll is the only rule that allows devices.', { exact: false }).waitFor();
    await shot('08-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('Rule DefaultAllowAll was deleted.').waitFor();
    await page.getByText('Every device is blocked', { exact: true }).waitFor();
    await shot('09-all-blocked');
    expect((await rules()).map((r) => r.name)).toEqual(['BlockAndroidPhones']);
    expect(session.errors).toEqual([]);
  });
});
