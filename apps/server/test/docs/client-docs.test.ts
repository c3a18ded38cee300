import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientDocPath, renderProcedures, withProcedures } from '../../../../scripts/generate-client-docs.ts';
import { appRouter } from '../../src/trpc/app-router.ts';

describe('docs/client.md', () => {
  const doc = readFileSync(clientDocPath, 'utf8');

  it('documents every procedure with its input, as the router defines them now', () => {
    expect(withProcedures(doc, renderProcedures()), 'the procedure reference is stale: run `pnpm docs:client`').toBe(doc);
  });

  it('names each procedure of the router', () => {
    for (const path of Object.keys(appRouter._def.procedures)) expect(doc).toContain(`### \`${path}\``);
  });
});
