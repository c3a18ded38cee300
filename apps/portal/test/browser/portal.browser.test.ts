import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BYTES_PER_MB } from '@mailyard/core/mailboxes';
import path from 'node:path';
import { ARTIFACTS_DIR, launchChromium, pageErrors, screenshot, startAppServer } from '@mailyard/test-harness';
import { callerFor } from '@mailyard/server/testing/caller';
import { createTestDeps, type TestDeps } from '@mailyard/server/testing/deps';
import { createOperator, type TestOperator } from '@mailyard/server/testing/fixtures';
import { allowSelfServiceAliases, createPortalUser, type PortalUser } from '@mailyard/server/testing/portal';
import { reportUsage, syncPhone } from '@mailyard/server/testing/portal-fixtures';
import type { TestServer } from '@mailyard/server/testing/server';
import { codeIn, resetLinkIn, startSmtpReceiver, type SmtpReceiver } from '@mailyard/server/testing/smtp';
import { addDomain } from '@mailyard/server/testing/users';

/**
 * The self-service portal in Chromium against the real server (built portal, /trpc, a real database, the job
 * worker relaying mail to an SMTP receiver of the test). Needs `pnpm --filter @mailyard/portal build`.
 */
let smtp: SmtpReceiver;
let deps: TestDeps;
let op: TestOperator;
let user: PortalUser;
let aliasDomain: string;
let server: TestServer;
let browser: Browser;
const errors: Error[] = [];

const RECOVERY = 'olivia.private@example.net';
const NEW_PASSWORD = 'Brand-new-Secret-7';

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  deps = await createTestDeps({ SMTP_URL: smtp.url });
  op = await createOperator(deps);
  user = await createPortalUser(deps, op.actor);
  aliasDomain = await addDomain(deps, user.organizationId);
  await allowSelfServiceAliases(deps, op.actor, user.organizationId, { domains: [aliasDomain], maxPerUser: 1, localPartPattern: '[a-z]+' });
  // Something to show in every card: a nearly full mailbox, a phone, a delegate, an operator's changes.
  await callerFor(deps, op.actor).mailboxes.updateQuota({ organizationId: user.organizationId, userId: user.userId, quotaMb: 1024 });
  await reportUsage(deps, user.email, 940 * BYTES_PER_MB);
  await syncPhone(deps, user, 'Iphone15Pro', 'iPhone16,1');
  const assistant = await createPortalUser(deps, op.actor, user);
  await callerFor(deps, op.actor).permissions.put({
    organizationId: user.organizationId,
    mailboxUserId: user.userId,
    granteeId: assistant.userId,
    permissions: ['FULL_ACCESS', 'SEND_ON_BEHALF'],
  });
  server = await startAppServer(deps, { apps: ['portal'] });
  // Links in mail must point at this server.
  Object.assign(deps.config, { MAILYARD_PUBLIC_URL: server.url });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await deps?.database.drop();
  await smtp?.close();
});

async function open(viewport: { width: number; height: number }, options: { isMobile?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport,
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
    deviceScaleFactor: options.isMobile ? 2 : 1,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  errors.push(...pageErrors(page));
  return { context, page };
}

/** What the screen shows now (a modal dialog sits in the viewport, which a full-page capture misplaces). */
const viewportShot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), animations: 'disabled' });

const focusedId = (page: Page) => page.evaluate('document.activeElement && document.activeElement.id');
const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

describe('the portal on a desktop', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await open({ width: 1280, height: 900 }));
  });
  afterAll(() => context.close());

  it('serves the self-service portal shell at /portal/', async () => {
    const response = await page.goto('/portal/');
    expect(response?.status()).toBe(200);
    await page.getByRole('main').getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    expect(await page.getByRole('banner').innerText()).toMatch(/Mailyard\s*My account/);
  });

  it('refuses a wrong password with an announced message, then signs in', async () => {
    await page.goto('/portal/');
    await page.getByRole('heading', { name: 'Sign in to My account', level: 1 }).waitFor();
    await screenshot(page, 'portal-01-sign-in');
    // Empty form: the first field in error gets the focus, its message is tied to it.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => focusedId(page)).toBe('sign-in-email');
    expect(await textbox(page, 'Email address').getAttribute('aria-invalid')).toBe('true');

    await textbox(page, 'Email address').fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill('Not-my-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('The email address or password is incorrect.');
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    await screenshot(page, 'portal-02-sign-in-refused');

    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `User ${user.name}`, level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Mailbox' }).getByText('Your mailbox is almost full').waitFor();
    await page.getByText('iPhone iPhone16,1').waitFor();
    await screenshot(page, 'portal-03-account');
  });

  it('sets a recovery address, confirmed by the code from the received mail', async () => {
    const recovery = page.getByRole('region', { name: 'Recovery address' });
    await recovery.getByText('You have no recovery address yet.').waitFor();
    // An address of the organization is refused, naming the domain.
    await textbox(page, 'Recovery address').fill(`me@${user.domain}`);
    await recovery.getByRole('button', { name: 'Send code' }).click();
    await recovery.getByText(`${user.domain} is a domain of your organization`).waitFor();
    await expect.poll(() => focusedId(page)).toBe('recovery-email');

    await textbox(page, 'Recovery address').fill(RECOVERY);
    await recovery.getByRole('button', { name: 'Send code' }).click();
    await recovery.getByText(`We sent a 6-digit code to ${RECOVERY}`).waitFor();
    await expect.poll(() => focusedId(page)).toBe('recovery-code-code');
    const code = codeIn(await smtp.next(RECOVERY))!;
    await screenshot(page, 'portal-04-recovery-code');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await recovery.getByText(`${RECOVERY} is now your recovery address.`).waitFor();
    await recovery.getByText(`Reset links go to ${RECOVERY}`).waitFor();
  });

  it('adds an alias within the policy, is refused beyond it, and removes it', async () => {
    const addresses = page.getByRole('region', { name: 'Email addresses' });
    await addresses.getByText('You can add 1 more (up to 1 alias in all). The part before the @ must match: [a-z]+').waitFor();
    await textbox(page, 'Alias').fill('sales-1');
    await addresses.getByRole('button', { name: 'Add alias' }).click();
    await addresses.getByText('The part before the @ must match the pattern set by your organization: [a-z]+').waitFor();
    expect(await textbox(page, 'Alias').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'portal-05-alias-refused-pattern');

    await textbox(page, 'Alias').fill('sales');
    await addresses.getByRole('button', { name: 'Add alias' }).click();
    await addresses.getByText(`sales@${aliasDomain} was added.`).waitFor();
    await addresses.getByRole('list', { name: 'Aliases' }).getByText(`sales@${aliasDomain}`).waitFor();

    await textbox(page, 'Alias').fill('support');
    await addresses.getByRole('button', { name: 'Add alias' }).click();
    await expect.poll(() => addresses.getByRole('alert').innerText()).toBe('You can have at most 1 alias.');
    await screenshot(page, 'portal-06-alias-limit');

    await addresses.getByRole('button', { name: `Remove sales@${aliasDomain}` }).click();
    const dialog = page.getByRole('dialog', { name: `Remove sales@${aliasDomain}?` });
    await dialog.waitFor();
    await viewportShot(page, 'portal-07-alias-remove-dialog');
    await dialog.getByRole('button', { name: 'Remove alias' }).click();
    await addresses.getByText(`sales@${aliasDomain} was removed.`).waitFor();
    await addresses.getByText('No aliases.').waitFor();
  });

  it('signs out', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to My account', level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to My account', level: 1 }).waitFor();
  });

  it('resets a forgotten password with the link from the received mail: a refused password first, then a good one', async () => {
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?', level: 1 }).waitFor();
    await textbox(page, 'Email address').fill(user.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('If this address belongs to an account with a verified recovery address').waitFor();
    await screenshot(page, 'portal-08-forgot-sent');

    const mail = await smtp.next(RECOVERY);
    expect(mail.subject).toBe('Reset your password');
    const link = resetLinkIn(mail)!;
    expect(link.startsWith(`${server.url}/portal/reset#token=`)).toBe(true);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
    await page.getByText(`For ${user.email}.`).waitFor();
    expect(page.url()).toBe(`${server.url}/portal/reset`); // the token left the address bar

    // The checklist follows the typing.
    const rules = page.getByRole('list', { name: 'Password requirements' });
    await page.getByLabel('New password', { exact: true }).fill('weakpass');
    await rules.getByText('At least 8 characters (met)').waitFor();
    await rules.getByText(/from at least 3 of.*\(not met yet\)/).waitFor();
    await page.getByLabel('Repeat new password').fill('weakpass');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.locator('#reset-password-error').getByText('Password must contain characters from at least 3').waitFor();
    await expect.poll(() => focusedId(page)).toBe('reset-password');
    await screenshot(page, 'portal-09-reset-refused');

    // Refused again by the history: the current password may not be reused.
    await page.getByLabel('New password', { exact: true }).fill(user.password);
    await page.getByLabel('Repeat new password').fill(user.password);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('it may not be any of your last 5 passwords').waitFor();

    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Your password has been changed, and you have been signed out everywhere.').waitFor();
    await screenshot(page, 'portal-10-reset-done');

    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    await textbox(page, 'Email address').fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: `User ${user.name}`, level: 1 }).waitFor();
    user.password = NEW_PASSWORD;

    // The link worked once.
    await page.goto(link);
    await page.getByText('This reset link has already been used').waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();
  });
});

describe('the portal on a phone', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await open({ width: 390, height: 844 }, { isMobile: true }));
  });
  afterAll(() => context.close());

  it('fits the screen and works by keyboard', async () => {
    await page.goto('/portal/');
    await page.getByRole('heading', { name: 'Sign in to My account', level: 1 }).waitFor();
    await screenshot(page, 'portal-11-phone-sign-in');
    await textbox(page, 'Email address').focus();
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('sign-in-password');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `User ${user.name}`, level: 1 }).waitFor();
    await page.getByText('iPhone iPhone16,1').waitFor();
    // Nothing wider than the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'portal-12-phone-account');
  });

  it('wipes a lost phone after a confirmation', async () => {
    const devices = page.getByRole('region', { name: 'Mobile devices' });
    await devices.getByRole('button', { name: 'Wipe iPhone iPhone16,1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Wipe iPhone iPhone16,1?' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Cancel');
    await viewportShot(page, 'portal-13-phone-wipe-dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await devices.getByRole('button', { name: 'Wipe iPhone iPhone16,1' }).click();
    await dialog.getByRole('button', { name: 'Wipe device' }).click();
    await devices.getByText('will erase itself the next time it connects').waitFor();
    await devices.getByText('Wipe pending').waitFor();
  });

  it('shows the forgotten-password page', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?', level: 1 }).waitFor();
    await screenshot(page, 'portal-14-phone-forgot');
    expect(errors).toEqual([]);
  });
});
