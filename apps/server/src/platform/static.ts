import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built single-page apps. Both the source file and the bundle (`dist/main.js`) sit one level
 * below `apps/server`, so the same relative path finds `apps/<app>/dist` from either.
 */
export function appDist(app: 'admin' | 'portal'): string {
  return fileURLToPath(new URL(`../../${app}/dist`, import.meta.url));
}

export async function registerApps(server: FastifyInstance, dirs: { admin: string; portal: string }): Promise<void> {
  for (const [name, root] of Object.entries(dirs)) {
    const prefix = `/${name}/`;
    if (!existsSync(root)) {
      server.get(`${prefix}*`, async (_req, reply) => reply.code(503).type('text/plain').send(`The ${name} app is not built: run \`pnpm build\`.`));
      continue;
    }
    await server.register(fastifyStatic, { root, prefix, decorateReply: false, wildcard: false, index: ['index.html'] });
    // Client-side routes (e.g. /admin/organizations/m-…) get the app shell.
    server.get(`${prefix}*`, (_req, reply) => reply.type('text/html').sendFile('index.html', root));
  }
  server.get('/', (_req, reply) => reply.redirect('/admin/'));
  server.get('/admin', (_req, reply) => reply.redirect('/admin/'));
  server.get('/portal', (_req, reply) => reply.redirect('/portal/'));
}
