import { expect } from 'vitest';
import type { Page, Response } from 'playwright-core';

/** What the browser refused under the server's Content-Security-Policy. */
export interface CspViolations {
  /** `securitypolicyviolation` events of the current document (`directive blocked uri (file:line)`). */
  inPage(): Promise<string[]>;
  /** CSP messages Chromium wrote to the console, on every page since listening began. */
  console: string[];
}

/**
 * Listens for CSP violations where the browser reports them: the page's `securitypolicyviolation` events (the listener
 * is added through the DevTools protocol before any of the page's own scripts, on every navigation, so it is no inline
 * script itself) and the console.
 */
export async function listenForCspViolations(page: Page): Promise<CspViolations> {
  await page.addInitScript(`
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));
  `);
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) console.push(message.text());
  });
  return { inPage: () => page.evaluate<string[]>('window.cspViolations ?? []'), console };
}

/** The page was served under the strict policy (so a test finding no violation is not vacuous). */
export function expectStrictCsp(response: Response | null): void {
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
}

/**
 * Adds an inline script to the page and expects it refused and reported: proof that the listener hears violations.
 * Clears what it caused from `violations.console`.
 */
export async function expectInlineScriptRefused(page: Page, violations: CspViolations): Promise<void> {
  const before = violations.console.length;
  await page.evaluate(`document.body.appendChild(Object.assign(document.createElement('script'), { textContent: 'window.ran = true' }))`);
  await expect.poll(() => violations.inPage()).toContainEqual(expect.stringMatching(/^script-src(-elem)? blocked inline/));
  expect(await page.evaluate('window.ran')).toBeUndefined();
  await expect.poll(() => violations.console.length).toBe(before + 1);
  violations.console.splice(before);
}
