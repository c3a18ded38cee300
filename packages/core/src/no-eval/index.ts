import { z } from 'zod';

/**
 * Imported first by each app's entry, before any schema is built: zod decides when a schema is created whether to
 * compile its parser with `new Function`, and its probe for that is refused and reported as a violation by the
 * server's Content-Security-Policy (no 'unsafe-eval'). Without it, parsing is as fast as a form needs.
 */
z.config({ jitless: true });
