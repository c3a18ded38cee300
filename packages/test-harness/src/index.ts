// What the apps' browser tests share: Chromium, the real server with the built apps, and a session of both per file.
// Fixtures (operators, organizations, users, jobs) are the server's own: `@mailyard/server/testing/*`.
export { ARTIFACTS_DIR, CHROMIUM_PATH, launchChromium, pageErrors, screenshot } from './chromium.ts';
export { itHeardNoOtherViolation, useCspWalk, type CspWalk } from './csp.ts';
export { pickSuggestion } from './autosuggest.ts';
export { builtApp, startAppServer, type App } from './server.ts';
export { useBrowserSession, type BrowserSession, type BrowserSessionOptions } from './session.ts';
