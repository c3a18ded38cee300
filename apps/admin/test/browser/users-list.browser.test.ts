import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { screenshot, useBrowserSession } from '@mailyard/test-harness';
import { callerFor } from '@mailyard/server/testing/caller';
import { createActiveOrganization, createEnabledUser, createUserWithoutPassword } from '@mailyard/server/testing/users';

/**
 * The users list at an operator's scale in Chromium against the real server: fragment search (last name, alias,
 * accents), sortable headers, the exact total, the view in the URL (reload, Back, a deep link), long values that keep
 * the columns, and a user without a password, badged and enabled with one. Needs `pnpm --filter @mailyard/admin build`.
 */
const API_USERS = 56;
const LONG_NAME = `Maximilian Alexander ${'Wolfeschlegelsteinhausenbergerdorff '.repeat(4)}the Elder`;
let organizationId = '';
let total = 0;

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'users-list-failed-',
  worker: false,
  async setup(deps, op) {
    ({ organizationId } = await createActiveOrganization(deps, op.actor));
    const admin = callerFor(deps, op.actor);
    await createEnabledUser(deps, op.actor, organizationId, { name: 'jane', displayName: 'Jane Maple' });
    const zed = await createEnabledUser(deps, op.actor, organizationId, { name: 'zed', displayName: 'Zoë Ångström' });
    const domain = (await admin.users.get({ organizationId, userId: zed.userId })).email!.split('@')[1]!;
    await admin.users.addAlias({ organizationId, entityId: zed.userId, localPart: 'john.doe', domain });
    await createEnabledUser(deps, op.actor, organizationId, { name: 'longname', displayName: LONG_NAME });
    // A disabled user who has a password: its Enable dialog asks for none.
    const dora = await createEnabledUser(deps, op.actor, organizationId, { name: 'dora', displayName: 'Dora Explorer' });
    await admin.users.disable({ organizationId, userIds: [dora.userId] });
    // Users made through the WorkMail API: disabled, without a password; more than a page of them.
    for (let i = 0; i < API_USERS; i++) {
      const n = String(i).padStart(2, '0');
      // A minute apart, so the Created order is theirs (the test clock stands still otherwise).
      deps.clock.advance(60_000);
      await createUserWithoutPassword(deps, op.actor, organizationId, { name: `api-${n}`, displayName: `API User ${n}` });
    }
    ({ count: total } = await admin.users.count({ organizationId }));
  },
});

const page = () => session.page;
/** The machine is shared: the page gets as long as the harness gives any locator to show what it waits for. */
const poll = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 15_000 });
const shot = (name: string) => screenshot(session.page, `users-list-${name}`);
const usersUrl = () => `/admin/organizations/${organizationId}/users`;
const searchBox = () => page().getByRole('searchbox', { name: /Find users/ });
const heading = () => page().getByRole('heading', { level: 1 });
const userLinks = () => page().getByRole('table').getByRole('link');
const header = (name: string) => page().getByRole('columnheader', { name });
const params = () => new URL(page().url()).searchParams;

/**
 * Clicks a column's sort button. Cloudscape's sticky copy of the header row lies over the table's own (the one in the
 * accessibility tree), so the click lands on the copy, as a person's would.
 */
async function sortBy(name: string) {
  await header(name).getByRole('button').click({ force: true });
}

/** The user names of the rows shown, in order. */
const names = () => userLinks().allInnerTexts();

/** The error text a Cloudscape FormField shows for `control` (via aria-describedby). */
async function errorOf(control: Locator): Promise<string> {
  await poll(() => control.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page().locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

describe('admin console: the users list at scale', { timeout: 120_000 }, () => {
  it('shows the exact total of the organization', async () => {
    await page().goto('/admin/');
    await page().getByLabel('Email address').fill(session.op.email);
    await page().getByLabel('Password').fill(session.op.password);
    await page().getByRole('button', { name: 'Sign in' }).click();
    await page().getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();

    await page().goto(usersUrl());
    expect(total).toBeGreaterThan(API_USERS + 4);
    await poll(() => heading().innerText()).toBe(`Users (${total})`);
    expect(await userLinks().count()).toBe(50);
    await shot('01-total');
  });

  it('finds users by a fragment of a last name, an alias or without accents, and keeps the search in the URL', async () => {
    await searchBox().fill('maple');
    await poll(names).toEqual(['jane']);
    expect(params().get('q')).toBe('maple');
    await page().getByText('1 match').first().waitFor();

    await searchBox().fill('john.doe');
    await poll(names).toEqual(['zed']);
    await searchBox().fill('angstrom');
    await poll(names).toEqual(['zed']);
    await poll(() => params().get('q')).toBe('angstrom');
    await shot('02-search-accents');

    await page().reload();
    await poll(names).toEqual(['zed']);
    expect(await searchBox().inputValue()).toBe('angstrom');
    await searchBox().fill('');
    await poll(() => params().get('q')).toBeNull();
    await poll(() => userLinks().count()).toBe(50);
  });

  it('sorts by each column header, with the mouse and the keyboard; the sort is in the URL', async () => {
    expect(await header('User name').getAttribute('aria-sort')).toBe('ascending');
    await sortBy('Display name');
    await poll(() => header('Display name').getAttribute('aria-sort')).toBe('ascending');
    expect(await header('User name').getAttribute('aria-sort')).toBe('none');
    await poll(async () => (await names())[0]).toBe('api-00');
    await sortBy('Display name');
    await poll(() => header('Display name').getAttribute('aria-sort')).toBe('descending');
    await poll(async () => (await names())[0]).toBe('zed');
    expect(params().get('sort')).toBe('displayName');
    expect(params().get('order')).toBe('desc');

    // The keyboard: the Created header's button takes focus and Enter sorts; newest first with Enter again.
    await header('Created').getByRole('button').focus();
    await page().keyboard.press('Enter');
    await poll(() => header('Created').getAttribute('aria-sort')).toBe('ascending');
    await page().keyboard.press('Enter');
    await poll(() => header('Created').getAttribute('aria-sort')).toBe('descending');
    await poll(async () => (await names())[0]).toBe('api-55');
    expect(params().get('sort')).toBe('createdAt');
    // Role and the mailbox deletion date are not sortable: no button in their headers.
    expect(await header('Role').getByRole('button').count()).toBe(0);
    await shot('03-sorted-by-created');

    await sortBy('User name');
    await poll(() => params().get('sort')).toBeNull();
    await poll(async () => (await names())[0]).toBe('api-00');
  });

  it('keeps the state filter and the page in the URL: reload, Back and a deep link show the same view', async () => {
    await page().getByRole('button', { name: 'Filter users by state' }).click();
    await page().getByRole('option', { name: 'Disabled' }).click();
    await poll(() => heading().innerText()).toBe(`Users (${API_USERS + 1})`);
    expect(params().get('state')).toBe('DISABLED');
    const firstPage = await names();
    expect(firstPage).toHaveLength(50);

    await page().getByRole('button', { name: 'Next page' }).click();
    await poll(names).toHaveLength(API_USERS + 1 - 50);
    const secondPage = await names();
    expect(secondPage.at(-1)).toBe('dora');
    expect(params().get('after')).toBeTruthy();
    await page().getByRole('button', { name: 'Page 2' }).waitFor();
    await shot('04-page-two');

    await page().reload();
    await poll(names).toEqual(secondPage);
    expect(await page().getByRole('button', { name: 'Filter users by state' }).innerText()).toContain('Disabled');
    const deepLink = page().url();

    await page().goBack();
    await poll(names).toEqual(firstPage);
    await page().goBack();
    await poll(() => heading().innerText()).toBe(`Users (${total})`);
    expect(params().get('state')).toBeNull();
    await page().goForward();
    await page().goForward();
    await poll(names).toEqual(secondPage);

    await page().getByRole('button', { name: 'Previous page' }).click();
    await poll(names).toEqual(firstPage);
    expect(params().get('after')).toBeNull();

    await page().goto('/admin/');
    await page().goto(deepLink);
    await poll(names).toEqual(secondPage);
    await poll(() => heading().innerText()).toBe(`Users (${API_USERS + 1})`);
  });

  it('keeps its columns with a long display name: cut with an ellipsis, whole on hover and on keyboard focus', async () => {
    await page().goto(usersUrl());
    await searchBox().fill('longname');
    await poll(names).toEqual(['longname']);
    const cell = page().getByRole('table').getByTitle(LONG_NAME);
    expect(await cell.innerText()).toBe(LONG_NAME);
    const box = (await cell.boundingBox())!;
    const last = (await header('Mailbox deletion').boundingBox())!;
    // Every column stays on the screen (1366 px wide), the long name on one line.
    expect(last.x + last.width).toBeLessThanOrEqual(1366);
    expect(box.width).toBeLessThan(400);
    await shot('05-long-value');

    await cell.focus();
    await poll(() => cell.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).whiteSpace)).toBe('normal');
    const focused = (await cell.boundingBox())!;
    expect(focused.height).toBeGreaterThan(box.height * 2);
    expect(focused.width).toBeGreaterThanOrEqual(box.width - 1);
    await shot('05b-long-value-focused');
  });

  it('says which users have no password, and the Enable dialog asks for one only for them', async () => {
    await searchBox().fill('api-07');
    await poll(names).toEqual(['api-07']);
    const row = page().getByRole('row').filter({ hasText: 'api-07' });
    await row.getByText('No password set').waitFor();

    // A user with a password: the dialog asks only for the address.
    await searchBox().fill('dora');
    await poll(names).toEqual(['dora']);
    expect(await page().getByRole('row').filter({ hasText: 'dora' }).getByText('No password set').count()).toBe(0);
    await page().getByRole('checkbox', { name: 'Select dora' }).check();
    await page().getByRole('button', { name: 'Enable', exact: true }).click();
    const enableDora = page().getByRole('dialog', { name: 'Enable users' });
    await enableDora.getByText('can sign in again').waitFor();
    expect(await enableDora.getByLabel(/password/i).count()).toBe(0);
    await enableDora.getByRole('button', { name: 'Cancel' }).click();

    await searchBox().fill('api-07');
    await poll(names).toEqual(['api-07']);
    await userLinks().first().click();
    await page().getByRole('heading', { name: 'api-07', level: 1 }).waitFor();
    await page().getByText('No password set').first().waitFor();
    await page().getByText('This user was created without a password and cannot sign in.').waitFor();
    await shot('06-detail-no-password');

    await page().getByRole('button', { name: 'Enable', exact: true }).click();
    const dialog = page().getByRole('dialog', { name: 'Enable users' });
    await dialog.getByText('This user has no password set').waitFor();
    const password = dialog.getByLabel('Password for api-07');
    const repeat = dialog.getByLabel('Repeat password');
    await dialog.getByRole('button', { name: 'Enable', exact: true }).click();
    expect(await errorOf(password)).toMatch(/Password/);
    await password.fill('short');
    await repeat.fill('short');
    await dialog.getByRole('button', { name: 'Enable', exact: true }).click();
    expect(await errorOf(password)).toMatch(/at least 8 characters/);
    await password.fill('Harbour-Lights-7');
    await repeat.fill('Harbour-Lights-8');
    await dialog.getByRole('button', { name: 'Enable', exact: true }).click();
    expect(await errorOf(repeat)).toMatch(/Passwords do not match/);
    await shot('07-enable-asks-password');

    await repeat.fill('Harbour-Lights-7');
    await dialog.getByRole('button', { name: 'Enable', exact: true }).click();
    await page().getByText(/User api-07 was enabled/).waitFor();
    await poll(() => dialog.count()).toBe(0);
    await poll(() => page().getByText('No password set').count()).toBe(0);
    await page().getByRole('button', { name: 'Disable' }).waitFor();
    await shot('08-enabled-with-password');

    const user = await callerFor(session.deps, session.op.actor).users.list({ organizationId, search: 'api-07' });
    expect(user.items[0]).toMatchObject({ name: 'api-07', state: 'ENABLED', hasPassword: true });
    expect(session.errors).toEqual([]);
  });
});
