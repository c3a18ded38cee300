import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/**
 * Types into a Cloudscape Autosuggest and picks the option whose name matches, as a person would: after the
 * suggestions for the typed text have arrived (the pickers search after a pause). Clicking a suggestion of the
 * earlier, unfiltered list let the late answer reopen the list over the dialog's buttons (seen in CI).
 */
export async function pickSuggestion(page: Page, combobox: Locator, text: string, option: RegExp) {
  await combobox.fill(text);
  const options = page.getByRole('option');
  await expect.poll(async () => (await options.count()) > 0 && (await options.filter({ hasNotText: text }).count()) === 0).toBe(true);
  await options.filter({ hasText: option }).first().click();
  await expect.poll(() => options.count()).toBe(0);
}
