import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '@mailyard/core/auth';
import { jobRegistry, runDueJobs } from '@mailyard/server/testing/jobs';
import { screenshot, useBrowserSession } from '@mailyard/test-harness';
import { createOperator } from '@mailyard/server/testing/fixtures';

/**
 * The admin console in Chromium against the real server (built apps, /trpc, a real database). The job
 * worker is driven by the test, so each state the operator sees is deterministic: the organization stays
 * `Requested` until the test runs the workflow, and the open pages must follow it without a reload.
 * Needs `pnpm --filter @mailyard/admin build` (turbo builds it before the app's tests).
 */
const session = useBrowserSession({ app: 'admin', screenshotPrefix: 'failed-', worker: false });

let organizationId = '';
const alias = `browser-${Math.random().toString(36).slice(2, 8)}`;

/** A value set on `window` survives client-side navigation only: it proves the page was never reloaded. */
const markPage = () => session.page.evaluate('window.__noReload = true');
const pageWasKept = () => session.page.evaluate('window.__noReload === true');
/** The `name` of the focused control (the tests' tsconfig has no DOM types: the browser evaluates a string). */
const focusedName = () => session.page.evaluate("document.activeElement?.getAttribute('name') ?? null");

/** The error text a Cloudscape FormField shows for the control labelled `label` (via aria-describedby). */
async function fieldError(label: string): Promise<string> {
  const input = session.page.getByLabel(label, { exact: true });
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => session.page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

// Chromium and argon2 share two cores with the rest of the suite: generous step and test timeouts.
describe('admin console: sign-in and Quick-setup organizations', { timeout: 60_000 }, () => {
  it('refuses a wrong password with a clear message, then signs in', async () => {
    await session.page.goto('/admin/');
    await session.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(session.page, '01-sign-in');

    await session.page.getByLabel('Email address').fill(session.op.email);
    await session.page.getByLabel('Password').fill('not-the-password');
    await session.page.getByRole('button', { name: 'Sign in' }).click();
    const alert = session.page.getByText('The email address or password is incorrect.');
    await alert.waitFor();
    expect(await session.page.getByLabel('Password').inputValue()).toBe('');
    await screenshot(session.page, '02-sign-in-wrong-password');

    await session.page.getByLabel('Password').fill(session.op.password);
    await session.page.getByRole('button', { name: 'Sign in' }).click();
    await session.page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();
    expect(session.page.url()).toBe(`${session.server.url}/admin/organizations`);
    await session.page.getByText('No organizations').waitFor();
    await session.page.getByRole('button', { name: `Signed in as ${session.op.email}` }).waitFor();
    await screenshot(session.page, '03-organizations-empty');
  });

  it('creates an organization with Quick setup and follows it to Active without a reload', async () => {
    await session.page.getByRole('link', { name: 'Create organization' }).first().click();
    await session.page.getByRole('heading', { name: 'Set up your organization' }).waitFor();
    await markPage();

    // Validation from the core schema, before anything is sent; the first invalid field gets the focus.
    await session.page.getByRole('button', { name: 'Create organization' }).click();
    expect(await fieldError('Organization name')).toMatch(/Organization name is required/);
    await expect.poll(focusedName).toBe('alias');
    await session.page.getByLabel('Organization name').fill('d-reserved');
    expect(await fieldError('Organization name')).toMatch(/may not start with "d-"/);

    await session.page.getByLabel('Organization name').fill(alias);
    await session.page.getByText(`${alias}.mailyard.test`).waitFor();
    await screenshot(session.page, '04-create-organization');
    await session.page.getByRole('button', { name: 'Create organization' }).click();

    await session.page.waitForURL(/\/admin\/organizations\/m-[0-9a-f]{32}$/);
    organizationId = session.page.url().split('/').at(-1)!;
    await session.page.getByText(`Organization ${alias} is being created.`).waitFor();
    await session.page.getByRole('heading', { name: alias, level: 1 }).waitFor();
    await session.page.getByText('Your organization creation request is in the queue and waiting to be created.').waitFor();
    await screenshot(session.page, '05-organization-requested');

    // The list shows it as Requested; the workflow runs; the row turns Active by polling.
    await session.page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Organizations' }).click();
    const row = session.page.getByRole('row').filter({ hasText: organizationId });
    await row.getByText('Requested').waitFor();
    expect(await runDueJobs(session.deps, jobRegistry)).toBeGreaterThan(0);
    await row.getByText('Active', { exact: true }).waitFor();
    await expect.poll(() => row.innerText()).toContain(`${alias}.mailyard.test`);
    await session.page.getByText(`Organization ${alias} was created and is active.`).waitFor();
    await screenshot(session.page, '06-organizations-active');

    await row.getByRole('link', { name: alias }).click();
    await session.page.getByText('Your organization is healthy and ready for use.').waitFor();
    await session.page.getByRole('heading', { name: 'Organization settings' }).waitFor();
    const domains = session.page.getByRole('table').filter({ hasText: 'Ownership' });
    await domains.getByText(`${alias}.mailyard.test`).waitFor();
    await domains.getByText('Test domain').waitFor();
    await domains.getByText('Verified').first().waitFor();
    expect(await session.page.getByText('Interoperability with Microsoft Exchange').isVisible()).toBe(true);
    expect(await pageWasKept()).toBe(true);
    await screenshot(session.page, '07-organization-active');
  });

  it('shows "already in use" next to the field for a taken alias', async () => {
    await session.page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Organizations' }).click();
    await session.page.getByRole('link', { name: 'Create organization' }).first().click();
    // Aliases are unique regardless of case.
    await session.page.getByLabel('Organization name').fill(alias.toUpperCase());
    await session.page.getByRole('button', { name: 'Create organization' }).click();
    expect(await fieldError('Organization name')).toMatch(/already in use/);
    await expect.poll(focusedName).toBe('alias');
    expect(session.page.url()).toBe(`${session.server.url}/admin/organizations/create`);
    await screenshot(session.page, '08-create-organization-taken');
  });

  it('signs out from the operator menu', async () => {
    await session.page.goto('/admin/');
    await session.page.getByRole('button', { name: `Signed in as ${session.op.email}` }).click();
    await session.page.getByRole('menuitem', { name: 'Sign out' }).click();
    await session.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(session.errors).toEqual([]);

    // Signed out for real: a fresh load shows the sign-in page again.
    await session.page.goto('/admin/');
    await session.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('shows the sign-in page in place when the session ends, and returns to the page after signing in', async () => {
    await session.page.getByLabel('Email address').fill(session.op.email);
    await session.page.getByLabel('Password').fill(session.op.password);
    await session.page.getByRole('button', { name: 'Sign in' }).click();
    await session.page.getByRole('heading', { name: 'Organizations', level: 1 }).waitFor();

    await session.context.clearCookies(); // the session is gone, as after expiry
    await session.page.getByRole('button', { name: 'Refresh organizations' }).click();
    await session.page.getByText('Your session has ended. Sign in again to continue.').waitFor();
    await screenshot(session.page, '09-session-ended');
    await session.page.getByLabel('Email address').fill(session.op.email);
    await session.page.getByLabel('Password').fill(session.op.password);
    await session.page.getByRole('button', { name: 'Sign in' }).click();
    await session.page.getByRole('row').filter({ hasText: alias }).waitFor();
    expect(session.page.url()).toBe(`${session.server.url}/admin/organizations`);
  });

  it('tells an operator who tried too often to wait', async () => {
    const other = await createOperator(session.deps);
    const fresh = await session.browser.newContext({ baseURL: session.server.url, viewport: { width: 1366, height: 900 } });
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

  it('opens any console address directly (reload, bookmark)', async () => {
    const response = await session.page.goto(`/admin/organizations/${organizationId}`);
    expect(response?.status()).toBe(200);
    await session.page.getByRole('heading', { name: alias, level: 1 }).waitFor();
    await session.page.getByText('Your organization is healthy and ready for use.').waitFor();
  });
});
