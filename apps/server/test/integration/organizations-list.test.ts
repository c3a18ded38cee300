import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../support/caller.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';
import { failure } from '../support/errors.ts';
import { jobRegistry, runDueJobs } from '../support/jobs.ts';
import { createOperator, type TestOperator } from '../support/fixtures.ts';
import { createActiveOrganization } from '../support/users.ts';

/** The console's organizations list: fragment search, every sort keyset-paginated, state filter, counts, isolation. */
let deps: TestDeps;
let op: TestOperator;
const ids: Record<string, string> = {};
const ALIASES = ['delta-mail', 'Alpha-Corp', 'charlie', 'bravo-north', 'echo-north'];

beforeAll(async () => {
  deps = await createTestDeps();
  op = await createOperator(deps);
  const caller = callerFor(deps, op.actor);
  // Created a minute apart, in an order unrelated to their aliases; the last stays Requested (no workflow run).
  for (const alias of ALIASES.slice(0, -1)) {
    deps.clock.advance(60_000);
    const { organizationId } = await caller.organizations.create({ alias });
    ids[alias] = organizationId;
  }
  for (let ran = 1; ran > 0; ) ran = await runDueJobs(deps, jobRegistry);
  // Another account's organization never shows.
  await createActiveOrganization(deps, (await createOperator(deps)).actor);
  deps.clock.advance(60_000);
  ids['echo-north'] = (await caller.organizations.create({ alias: 'echo-north' })).organizationId;
});
afterAll(() => deps.database.drop());

const caller = () => callerFor(deps, op.actor);
const aliases = (page: { items: { alias: string }[] }) => page.items.map((o) => o.alias);

/** Every page of a list, two at a time, following cursors. */
async function everything(input: Record<string, unknown>) {
  const all: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await caller().organizations.list({ limit: 2, ...input, ...(cursor ? { cursor } : {}) });
    all.push(...aliases(page));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

describe('organizations list', () => {
  it('keeps newest first without a sort (WorkMail ListOrganizations, scripts)', async () => {
    expect(await everything({})).toEqual([...ALIASES].reverse());
  });

  it('sorts by each column both ways, page after page', async () => {
    const byAlias = ['Alpha-Corp', 'bravo-north', 'charlie', 'delta-mail', 'echo-north'];
    expect(await everything({ sort: 'alias' })).toEqual(byAlias);
    expect(await everything({ sort: 'alias', descending: true })).toEqual([...byAlias].reverse());
    expect(await everything({ sort: 'createdAt' })).toEqual(ALIASES);
    // Domains are `<alias>.<suffix>`, lower case: the same order as the aliases.
    // Still Requested, echo-north has no domain yet: it sorts first.
    expect(await everything({ sort: 'defaultMailDomain' })).toEqual(['echo-north', 'Alpha-Corp', 'bravo-north', 'charlie', 'delta-mail']);
    expect(await everything({ sort: 'state' })).toEqual(['Alpha-Corp', 'bravo-north', 'charlie', 'delta-mail', 'echo-north']);
    expect(await everything({ sort: 'state', descending: true })).toEqual(['echo-north', 'delta-mail', 'charlie', 'bravo-north', 'Alpha-Corp']);
  });

  it('finds a fragment anywhere in the alias, the domain or the id, without case', async () => {
    expect(await everything({ sort: 'alias', search: 'NORTH' })).toEqual(['bravo-north', 'echo-north']);
    expect(await everything({ sort: 'alias', search: 'ha-co' })).toEqual(['Alpha-Corp']);
    expect(await everything({ sort: 'alias', search: 'lie.' })).toEqual(['charlie']);
    expect(await everything({ sort: 'alias', search: ids.charlie!.slice(5, 20) })).toEqual(['charlie']);
    // Short fragments walk the page index instead of the trigram index: same answers.
    expect(await everything({ sort: 'alias', search: 'rt' })).toEqual(['bravo-north', 'echo-north']);
    // The search's own wildcards match themselves.
    expect(await everything({ search: '%' })).toEqual([]);
  });

  it('filters by state and counts exactly what the list holds', async () => {
    expect(await everything({ sort: 'alias', state: 'Requested' })).toEqual(['echo-north']);
    expect(await caller().organizations.count({})).toEqual({ count: 5, exact: true });
    expect(await caller().organizations.count({ state: 'Active' })).toEqual({ count: 4, exact: true });
    expect(await caller().organizations.count({ search: 'north' })).toEqual({ count: 2, exact: true });
  });

  it('refuses a cursor of another sort or filter, naming the field', async () => {
    const first = await caller().organizations.list({ limit: 1, sort: 'alias' });
    const error = await failure(caller().organizations.list({ limit: 1, sort: 'createdAt', cursor: first.nextCursor! }));
    expect(error.fieldErrors).toMatchObject({ cursor: expect.any(Array) });
    const bad = await failure(caller().organizations.list({ sort: 'bogus' as 'alias' }));
    expect(bad.fieldErrors).toMatchObject({ sort: expect.any(Array) });
  });

  it('shows a scoped token only its organizations, and another account none of these', async () => {
    const scoped = callerFor(deps, { ...op.actor, via: 'api_token:x', organizationIds: [ids.charlie!] });
    expect(aliases(await scoped.organizations.list({ sort: 'alias' }))).toEqual(['charlie']);
    expect(await scoped.organizations.count({})).toEqual({ count: 1, exact: true });
    const other = callerFor(deps, (await createOperator(deps)).actor);
    expect(await other.organizations.count({ search: 'north' })).toEqual({ count: 0, exact: true });
  });
});
