import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every answer. The apps are built bundles served from our own origin, so no inline
 * script and nothing from elsewhere is needed; `test/browser/csp.browser.test.ts` walks every page of both apps in
 * Chromium and fails on any violation, which is how the style sources below were found.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // The apps' favicon is `data:,`; Cloudscape's icons are inline SVG elements.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/** Paths whose answers are API data (sessions, secrets, personal data): never kept by a browser or a proxy. */
const API_PREFIXES = ['/trpc', '/aws', '/api/', '/Microsoft-Server-ActiveSync', '/healthz'];
const isApiPath = (url: string) => API_PREFIXES.some((prefix) => url.startsWith(prefix));

/**
 * Security headers on every answer (`@fastify/helmet`): the CSP above, no framing (`frame-ancestors 'none'` and
 * `X-Frame-Options: DENY`), `nosniff`, `Referrer-Policy: no-referrer` (a reset link's page leaks nothing), and HSTS
 * only behind an HTTPS proxy (`MAILYARD_TRUST_PROXY`), where the site is HTTPS for certain. API answers also get
 * `Cache-Control: no-store`.
 */
export async function registerSecurityHeaders(server: FastifyInstance, options: { https: boolean }): Promise<void> {
  await server.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CONTENT_SECURITY_POLICY, ...(options.https ? { 'upgrade-insecure-requests': [] } : {}) },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
  });
  server.addHook('onSend', async (request, reply) => {
    if (isApiPath(request.url)) void reply.header('cache-control', 'no-store');
  });
}
