import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SIGN_IN_LIMITS } from '@mailyard/core/auth';
import { jobRegistry } from '../../src/jobs/registry.ts';
import { runDueJobs } from '../../src/jobs/worker.ts';
import { launchChromium, pageErrors, screenshot, startConsoleServer } from '../support/browser.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';

/**
 * The admin console in Chromium against the real server (built apps, /trpc, a real database). The job
 * worker is driven by the test, so each state the operator sees is deterministic: the organization stays
 * `Requested` until the test runs the workflow, and the open pages must follow it without a reload.
 * Needs `pnpm --filter @mailyard/admin build` (turbo's server test task builds it first).
 */
let deps: TestDeps;
let op: TestOperator;
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: Error[];

beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  server = await startConsoleServer(deps, { worker: false });
  browser = await launchChromium();
  context = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  errors = pageErrors(page);
});

// A failing step leaves a picture of what the operator saw.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `failed-${ctx.task.name.replace(/\W+/g, '-')}`);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await deps?.database.drop();
});

let organizationId = '';
const alias = `browser-${Math.random().toString(36).slice(2, 8)}`;

/** A value set on `window` survives client-side navigation only: it proves the page was never reloaded. */
const markPage = () => page.evaluate('window.__noReload = true');
const pageWasKept = () => page.evaluate('window.__noReload === true');
/** The `name` of the focused control (the server's tsconfig has no DOM types: the browser evaluates a string). */
const focusedName = () => page.evaluate("document.activeElement?.getAttribute('name') ?? null");

/** The error text a Cloudscape FormField shows for the control labelled `label` (via aria-describedby). */
async function fieldError(label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true });
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

// Chromium and argon2 share two cores with the rest of the suite: generous step and test timeouts.
describe('admin console: sign-in and Quick-setup organizations', { timeout: 60_000 }, () => {
  it('refuses a wrong password with a clear message, then signs in', async () => {
    await page.goto('/admin/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, '01-sign-in');

    await page.getByLabel('Email address').fill(op.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByText('The email address or password is incorrect.');
    await alert.waitFor();
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    await screenshot(page, '02-sign-in-wrong-password');

    await page.getByLabel('Password').fill(op.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();
    expect(page.url()).toBe(`${server.url}/admin/organizations`);
    await page.getByText('No organizations').waitFor();
    await page.getByRole('button', { name: `Signed in as ${op.email}` }).waitFor();
    await screenshot(page, '03-organizations-empty');
  });

  it('creates an organization with Quick setup and follows it to Active without a reload', async () => {
    await page.getByRole('link', { name: 'Create organization' }).first().click();
    await page.getByRole('heading', { name: 'Set up your organization' }).waitFor();
    await markPage();

    // Validation from the core schema, before anything is sent; the first invalid field gets the focus.
    await page.getByRole('button', { name: 'Create organization' }).click();
    expect(await fieldError('Organization name')).toMatch(/Organization name is required/);
    await expect.poll(focusedName).toBe('alias');
    await page.getByLabel('Organization name').fill('d-reserved');
    expect(await fieldError('Organization name')).toMatch(/may not start with "d-"/);

    await page.getByLabel('Organization name').fill(alias);
    await page.getByText(`${alias}.mailyard.test`).waitFor();
    await screenshot(page, '04-create-organization');
    await page.getByRole('button', { name: 'Create organization' }).click();

    await page.waitForURL(/\/admin\/organizations\/m-[0-9a-f]{32}$/);
    organizationId = page.url().split('/').at(-1)!;
    await page.getByText(`Organization ${alias} is being created.`).waitFor();
    await page.getByRole('heading', { name: alias, level: 1 }).waitFor();
    await page.getByText('Your organization creation request is in the queue and waiting to be created.').waitFor();
    await screenshot(page, '05-organization-requested');

    // The list shows it as Requested; the workflow runs; the row turns Active by polling.
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Organizations' }).click();
    const row = page.getByRole('row').filter({ hasText: organizationId });
    await row.getByText('Requested').waitFor();
    expect(await runDueJobs(deps, jobRegistry)).toBeGreaterThan(0);
    await row.getByText('Active', { exact: true }).waitFor();
    await expect.poll(() => row.innerText()).toContain(`${alias}.mailyard.test`);
    await page.getByText(`Organization ${alias} was created and is active.`).waitFor();
    await screenshot(page, '06-organizations-active');

    await row.getByRole('link', { name: alias }).click();
    await page.getByText('Your organization is healthy and ready for use.').waitFor();
    await page.getByRole('heading', { name: 'Organization settings' }).waitFor();
    const domains = page.getByRole('table').filter({ hasText: 'Verification status' });
    await domains.getByText(`${alias}.mailyard.test`).waitFor();
    await domains.getByText('Test domain').waitFor();
    await domains.getByText('Verified').waitFor();
    expect(await page.getByText('Interoperability with Microsoft Exchange').isVisible()).toBe(true);
    expect(await pageWasKept()).toBe(true);
    await screenshot(page, '07-organization-active');
  });

  it('shows "already in use" next to the field for a taken alias', async () => {
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Organizations' }).click();
    await page.getByRole('link', { name: 'Create organization' }).first().click();
    // Aliases are unique regardless of case.
    await page.getByLabel('Organization name').fill(alias.toUpperCase());
    await page.getByRole('button', { name: 'Create organization' }).click();
    expect(await fieldError('Organization name')).toMatch(/already in use/);
    await expect.poll(focusedName).toBe('alias');
    expect(page.url()).toBe(`${server.url}/admin/organizations/create`);
    await screenshot(page, '08-create-organization-taken');
  });

  it('signs out from the operator menu', async () => {
    await page.goto('/admin/');
    await page.getByRole('button', { name: `Signed in as ${op.email}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);

    // Signed out for real: a fresh load shows the sign-in page again.
    await page.goto('/admin/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('shows the sign-in page in place when the session ends, and returns to the page after signing in', async () => {
    await page.getByLabel('Email address').fill(op.email);
    await page.getByLabel('Password').fill(op.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();

    await context.clearCookies(); // the session is gone, as after expiry
    await page.getByRole('button', { name: 'Refresh organizations' }).click();
    await page.getByText('Your session has ended. Sign in again to continue.').waitFor();
    await screenshot(page, '09-session-ended');
    await page.getByLabel('Email address').fill(op.email);
    await page.getByLabel('Password').fill(op.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('row').filter({ hasText: alias }).waitFor();
    expect(page.url()).toBe(`${server.url}/admin/organizations`);
  });

  it('tells an operator who tried too often to wait', async () => {
    const other = await createOperator(deps);
    const fresh = await browser.newContext({ baseURL: server.url, viewport: { width: 1366, height: 900 } });
    try {
      const tab = await fresh.newPage();
      await tab.goto('/admin/');
      await tab.getByLabel('Email address').fill(other.email);
      for (let attempt = 1; attempt <= SIGN_IN_LIMITS.perAddress; attempt++) {
        await tab.getByLabel('Password').fill(`wrong-${attempt}`);
        await Promise.all([tab.waitForResponse((r) => r.url().includes('auth.signIn')), tab.getByRole('button', { name: 'Sign in' }).click()]);
        await expect.poll(() => tab.getByLabel('Password').inputValue()).toBe(''); // refused, field cleared for the next try
      }
      await tab.getByLabel('Password').fill(other.password); // even the right password waits now
      await tab.getByRole('button', { name: 'Sign in' }).click();
      await tab.getByText('Too many sign-in attempts').waitFor();
      await tab.getByText(/Try again in \d+ minute/).waitFor();
      await screenshot(tab, '10-sign-in-rate-limited');
    } finally {
      await fresh.close();
    }
  });

  it('serves the self-service portal shell at /portal/', async () => {
    const response = await page.goto('/portal/');
    expect(response?.status()).toBe(200);
    await page.getByRole('main').getByRole('heading', { name: 'My account', level: 1 }).waitFor();
    expect(await page.getByRole('banner').innerText()).toMatch(/Mailyard\s*My account/);
  });

  it('opens any console address directly (reload, bookmark)', async () => {
    const response = await page.goto(`/admin/organizations/${organizationId}`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: alias, level: 1 }).waitFor();
    await page.getByText('Your organization is healthy and ready for use.').waitFor();
  });
});
