import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserSession } from '@mailyard/test-harness';
import { callerFor } from '@mailyard/server/testing/caller';
import { jobRegistry, runDueJobs } from '@mailyard/server/testing/jobs';

/**
 * The organizations list in Chromium against the real server, as Users and Groups: fragment search (alias, domain),
 * sortable headers, the exact total, a long alias cut with the whole of it on hover and focus, and the view (search,
 * state, sort, page) in the URL through reload, Back and a deep link. Needs `pnpm --filter @mailyard/admin build`.
 */
const FLEET = 52;
const LONG_ALIAS = 'northwind-traders-eastern-region-shared-services-mail-42';

const session = useBrowserSession({
  app: 'admin',
  screenshotPrefix: 'organizations-list-failed-',
  worker: false,
  // 53 organizations through the provisioning workflow: minutes on a loaded machine.
  setupTimeout: 300_000,
  async setup(deps, op) {
    const admin = callerFor(deps, op.actor);
    // More than a page of organizations, a minute apart, then one with a long alias; all made Active by the workflow.
    for (let i = 0; i < FLEET; i++) {
      deps.clock.advance(60_000);
      await admin.organizations.create({ alias: `fleet-${String(i).padStart(2, '0')}` });
    }
    deps.clock.advance(60_000);
    await admin.organizations.create({ alias: LONG_ALIAS });
    const deadline = Date.now() + 120_000;
    for (;;) {
      await runDueJobs(deps, jobRegistry);
      const { count } = await admin.organizations.count({ state: 'Active' });
      if (count === FLEET + 1) break;
      if (Date.now() > deadline) throw new Error(`only ${count} organizations became Active`);
    }
  },
});

const page = () => session.page;
const poll = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 15_000 });
const searchBox = () => page().getByRole('searchbox', { name: /Find organizations/ });
const heading = () => page().getByRole('heading', { level: 1 });
const header = (name: string) => page().getByRole('columnheader', { name });
const params = () => new URL(page().url()).searchParams;
/** The aliases of the rows shown, in order. */
const aliases = () => page().getByRole('table').getByRole('link').allInnerTexts();
const sortBy = (name: string) => header(name).getByRole('button').click({ force: true });

describe('admin console: the organizations list', { timeout: 180_000 }, () => {
  it('shows the exact total, and finds organizations by a fragment of the alias or the domain', async () => {
    await page().goto('/admin/');
    await page().getByLabel('Email address').fill(session.op.email);
    await page().getByLabel('Password').fill(session.op.password);
    await page().getByRole('button', { name: 'Sign in' }).click();
    await poll(() => heading().innerText()).toBe(`Organizations (${FLEET + 1})`);
    await poll(aliases).toHaveLength(50);
    // Sorted by alias by default: fleet-00 first.
    expect((await aliases())[0]).toBe('fleet-00');
    await screenshot(page(), 'organizations-list-01-total');

    await searchBox().fill('eet-3');
    await poll(aliases).toEqual(['fleet-30', 'fleet-31', 'fleet-32', 'fleet-33', 'fleet-34', 'fleet-35', 'fleet-36', 'fleet-37', 'fleet-38', 'fleet-39']);
    await poll(() => page().getByText('10 matches').count()).toBeGreaterThan(0);
    // The default mail domain is `<alias>.<test suffix>`: a fragment of the domain after the alias finds it too.
    await searchBox().fill('region-shared-services-mail-42.');
    await poll(aliases).toEqual([LONG_ALIAS]);
    await poll(() => params().get('q')).toBe('region-shared-services-mail-42.');
    await page().reload();
    await poll(aliases).toEqual([LONG_ALIAS]);
    expect(await searchBox().inputValue()).toBe('region-shared-services-mail-42.');
  });

  it('cuts a long alias and domain to their column, whole on hover and on keyboard focus', async () => {
    const cell = page().getByRole('table').locator('.truncated', { hasText: 'northwind' }).first();
    expect(await cell.getAttribute('title')).toBe(LONG_ALIAS);
    const [clipped, full] = await cell.evaluate((el) => [el.clientWidth, el.scrollWidth]);
    expect(clipped).toBeLessThan(full!);
    const domainCell = page().getByRole('table').locator('.truncated[tabindex="0"]', { hasText: `${LONG_ALIAS}.` });
    expect(await domainCell.getAttribute('title')).toMatch(new RegExp(`^${LONG_ALIAS}\\.`));
    await domainCell.focus();
    await screenshot(page(), 'organizations-list-02-long-alias');
    await searchBox().fill('');
    await poll(() => params().get('q')).toBeNull();
  });

  it('sorts by alias, state, domain and creation; each sort is a history entry', async () => {
    expect(await header('Alias').getAttribute('aria-sort')).toBe('ascending');
    await sortBy('Alias');
    await poll(() => header('Alias').getAttribute('aria-sort')).toBe('descending');
    await poll(async () => (await aliases())[0]).toBe(LONG_ALIAS);

    await header('Created').getByRole('button').focus();
    await page().keyboard.press('Enter');
    await poll(() => header('Created').getAttribute('aria-sort')).toBe('ascending');
    await poll(async () => (await aliases())[0]).toBe('fleet-00');
    await page().keyboard.press('Enter');
    await poll(async () => (await aliases()).slice(0, 2)).toEqual([LONG_ALIAS, 'fleet-51']);
    expect(params().get('sort')).toBe('createdAt');
    expect(params().get('order')).toBe('desc');

    await sortBy('Default mail domain');
    await poll(() => header('Default mail domain').getAttribute('aria-sort')).toBe('ascending');
    await poll(async () => (await aliases())[0]).toBe('fleet-00');
    await sortBy('State');
    await poll(() => header('State').getAttribute('aria-sort')).toBe('ascending');
    expect(await header('Organization ID').getByRole('button').count()).toBe(0);
    await screenshot(page(), 'organizations-list-03-sorted');

    await page().goBack();
    await poll(() => header('Default mail domain').getAttribute('aria-sort')).toBe('ascending');
    await page().goBack();
    await poll(() => header('Created').getAttribute('aria-sort')).toBe('descending');
    await poll(async () => (await aliases()).slice(0, 2)).toEqual([LONG_ALIAS, 'fleet-51']);
  });

  it('keeps the state filter and the page in the URL: reload, Back and a deep link show the same view', async () => {
    await sortBy('Created');
    await poll(() => header('Created').getAttribute('aria-sort')).toBe('ascending');
    await page().getByRole('button', { name: 'Filter organizations by state' }).click();
    await page().getByRole('option', { name: 'Active', exact: true }).click();
    await poll(() => params().get('state')).toBe('Active');
    await poll(aliases).toHaveLength(50);
    const firstPage = await aliases();
    expect(firstPage[0]).toBe('fleet-00');

    await page().getByRole('button', { name: 'Next page' }).click();
    await poll(aliases).toEqual(['fleet-50', 'fleet-51', LONG_ALIAS]);
    await screenshot(page(), 'organizations-list-04-page-two');
    const deepLink = page().url();
    await page().reload();
    await poll(aliases).toEqual(['fleet-50', 'fleet-51', LONG_ALIAS]);

    await page().goBack();
    await poll(aliases).toEqual(firstPage);

    await page().getByRole('button', { name: 'Filter organizations by state' }).click();
    await page().getByRole('option', { name: 'Failed', exact: true }).click();
    await poll(() => page().getByText('No organization matches the search and state filter.').count()).toBe(1);
    await page().getByRole('button', { name: 'Clear filters' }).click();
    await poll(() => heading().innerText()).toBe(`Organizations (${FLEET + 1})`);

    await page().goto('/admin/');
    await page().goto(deepLink);
    await poll(aliases).toEqual(['fleet-50', 'fleet-51', LONG_ALIAS]);
    await page().getByRole('button', { name: 'Previous page' }).click();
    await poll(aliases).toEqual(firstPage);
    expect(session.errors).toEqual([]);
  });
});
