import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Where `apps/<app>/dist` is: this module runs from `apps/server/src/platform/` (tsx, tests) or bundled
 * into `apps/server/dist/main.js`, so look from both depths.
 */
export function appDist(app: 'admin' | 'portal'): string {
  const candidates = [`../../../${app}/dist`, `../../${app}/dist`].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0]!;
}

export async function registerApps(server: FastifyInstance, dirs: { admin: string; portal: string }): Promise<void> {
  for (const [name, root] of Object.entries(dirs)) {
    const prefix = `/${name}/`;
    if (!existsSync(path.join(root, 'index.html'))) {
      server.get(`${prefix}*`, async (_req, reply) => reply.code(503).type('text/plain').send(`The ${name} app is not built: run \`pnpm build\`.`));
      continue;
    }
    await server.register(fastifyStatic, { root, prefix, decorateReply: false, wildcard: false, index: ['index.html'] });
    // Client-side routes (e.g. /admin/organizations/m-…) get the app shell; it is never cached, the hashed assets are.
    const shell = readFileSync(path.join(root, 'index.html'), 'utf8');
    server.get(`${prefix}*`, (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(shell));
  }
  server.get('/', (_req, reply) => reply.redirect('/admin/'));
  server.get('/admin', (_req, reply) => reply.redirect('/admin/'));
  server.get('/portal', (_req, reply) => reply.redirect('/portal/'));
}
