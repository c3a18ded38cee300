import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserSession } from './session.ts';

/** A walk through an app's pages that hears what the browser refuses under the server's Content-Security-Policy. */
export interface CspWalk {
  /** Opens `path` (served under the strict policy), waits for its title and the network, returns the page's violations. */
  visit(path: string, title: string | RegExp): Promise<string[]>;
  /** `securitypolicyviolation` events of the current document (`directive blocked uri (file:line)`). */
  inPage(): Promise<string[]>;
  /** CSP messages Chromium wrote to the console, on every page of the walk. */
  console: string[];
}

/**
 * Listens for CSP violations where the browser reports them: the page's `securitypolicyviolation` events (the listener
 * is added through the DevTools protocol before any of the page's own scripts, on every navigation, so it is no inline
 * script itself) and the console. Registers a `beforeAll` (after the session's own).
 */
export function useCspWalk(session: BrowserSession): CspWalk {
  const console: string[] = [];
  const inPage = () => session.page.evaluate<string[]>('window.cspViolations ?? []');
  beforeAll(async () => {
    await session.page.addInitScript(`
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));
    `);
    session.page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) console.push(message.text());
    });
  });
  return {
    console,
    inPage,
    async visit(path, title) {
      const response = await session.page.goto(path);
      // Served under the strict policy, so a page without violations is not a vacuous pass.
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await session.page.getByRole('heading', { name: title, level: 1 }).first().waitFor();
      await session.page.waitForLoadState('networkidle');
      return inPage();
    },
  };
}

/** Adds an inline script and expects it refused and reported: the walk hears violations. Clears what it caused. */
async function expectInlineScriptRefused(page: Page, walk: CspWalk): Promise<void> {
  const before = walk.console.length;
  await page.evaluate(`document.body.appendChild(Object.assign(document.createElement('script'), { textContent: 'window.ran = true' }))`);
  await expect.poll(() => walk.inPage()).toContainEqual(expect.stringMatching(/^script-src(-elem)? blocked inline/));
  expect(await page.evaluate('window.ran')).toBeUndefined();
  await expect.poll(() => walk.console.length).toBe(before + 1);
  walk.console.splice(before);
}

/** The walk's last two tests: it hears a violation when there is one, and heard none other (nor a page error). */
export function itHeardNoOtherViolation(session: BrowserSession, walk: CspWalk): void {
  it('hears a violation when there is one (an inline script added to the page)', () => expectInlineScriptRefused(session.page, walk));
  it('heard nothing else refused anywhere, on the console either', () => {
    expect(walk.console).toEqual([]);
    expect(session.errors).toEqual([]);
  });
}
