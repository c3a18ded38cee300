/**
 * `pnpm bench:soak`: the bounded soak run. The built product (`apps/server/dist/main.js`, `pnpm build` first) on a
 * database of its own, 20 clients for 60 s, 70 % reads and 30 % writes through the typed client, then the invariants
 * checked in the database and the server's memory compared. Not a test (not in CI): it prints, writes its part of
 * docs/benchmarks.md, and exits 1 when an invariant does not hold.
 *
 *   DATABASE_URL    server on which `mailyard_soak` is created afresh (default: local PostgreSQL)
 *   SOAK_SECONDS    how long the clients run (default 60)
 *   SOAK_CLIENTS    how many clients (default 20)
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { createMailyardClient, mailyardError, type MailyardClient } from '../packages/client/src/index.ts';
import { ensureDatabase } from '../packages/db/src/bench/measure.ts';
import { openProbe, type Probe } from '../packages/db/src/probe.ts';
import { ADMIN_PASSWORD, freePort, operatorToken, startProduct, stopProduct, waitFor } from '../apps/server/test/support/product.ts';
import { writeSoakReport } from './benchmarks-file.ts';
import { stats, type Stats } from './stats.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 20);
const ORGANIZATIONS = 4;
const USERS_PER_ORGANIZATION = 25;
/** Aliases are drawn from a small pool per organization, so clients race for the same addresses. */
const ALIAS_POOL = 40;
const PASSWORD = 'Soak-run-Password-2026';
const log = (line: string) => console.log(line);

interface Organization {
  id: string;
  domain: string;
  /** Users known to exist (ids); created ones join as their create answers. */
  users: string[];
  /** Aliases added during the run and not yet taken by a removal or a primary change. */
  aliases: { userId: string; address: string }[];
}

/** The mix: each operation with its share of all calls (reads 70 %, writes 30 %) and the audit action a success records. */
type Kind = 'read' | 'write';
interface Operation {
  name: string;
  kind: Kind;
  share: number;
  audit?: string;
  run(client: MailyardClient, org: Organization, n: number): Promise<unknown>;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
const pooledAlias = (org: Organization) => ({ localPart: `pool${Math.floor(Math.random() * ALIAS_POOL)}`, domain: org.domain });

/** An alias added earlier, taken off the list so that no other client picks it too (four times in five, when there is one). */
function knownAlias(org: Organization): { entityId: string; address: string } | null {
  const known = org.aliases.length > 0 && Math.random() < 0.8 ? org.aliases.splice(Math.floor(Math.random() * org.aliases.length), 1)[0]! : null;
  return known ? { entityId: known.userId, address: known.address } : null;
}

/** An alias to remove: a known one, else a pooled address of a random user (another's, or nobody's: refused). */
function aliasToRemove(org: Organization): { entityId: string; address: string } {
  const { localPart, domain } = pooledAlias(org);
  return knownAlias(org) ?? { entityId: pick(org.users), address: `${localPart}@${domain}` };
}

/**
 * A new primary address: a known alias (they swap places) or an address nobody has. Never the one the user already
 * has: that change is a no-op, answered as a success and rightly not audited, which the count of events per success
 * could not tell from a lost event.
 */
function newPrimary(org: Organization, n: number): { entityId: string; address: string } {
  return knownAlias(org) ?? { entityId: pick(org.users), address: `primary${n}@${org.domain}` };
}

const OPERATIONS: Operation[] = [
  { name: 'users.list', kind: 'read', share: 0.3, run: (c, org) => c.users.list.query({ organizationId: org.id, limit: 50 }) },
  { name: 'users.list (search)', kind: 'read', share: 0.1, run: (c, org) => c.users.list.query({ organizationId: org.id, search: 'pool', limit: 20 }) },
  { name: 'users.get', kind: 'read', share: 0.15, run: (c, org) => c.users.get.query({ organizationId: org.id, userId: pick(org.users) }) },
  { name: 'users.listAddresses', kind: 'read', share: 0.1, run: (c, org) => c.users.listAddresses.query({ organizationId: org.id, userId: pick(org.users) }) },
  { name: 'organizations.get', kind: 'read', share: 0.05, run: (c, org) => c.organizations.get.query({ organizationId: org.id }) },
  {
    name: 'users.create',
    kind: 'write',
    share: 0.08,
    audit: 'user.create',
    async run(c, org, n) {
      const name = `soak${n}`;
      const { userId } = await c.users.create.mutate({ organizationId: org.id, name, displayName: `Soak ${n}`, password: PASSWORD, repeatPassword: PASSWORD });
      org.users.push(userId);
    },
  },
  {
    name: 'users.updateDetails',
    kind: 'write',
    share: 0.08,
    audit: 'user.update',
    run: (c, org, n) => c.users.updateDetails.mutate({ organizationId: org.id, userId: pick(org.users), displayName: `Renamed ${n}` }),
  },
  {
    name: 'users.addAlias',
    kind: 'write',
    share: 0.07,
    audit: 'user.alias_add',
    async run(c, org) {
      const [userId, alias] = [pick(org.users), pooledAlias(org)];
      await c.users.addAlias.mutate({ organizationId: org.id, entityId: userId, ...alias });
      org.aliases.push({ userId, address: `${alias.localPart}@${alias.domain}` });
    },
  },
  {
    name: 'users.removeAlias',
    kind: 'write',
    share: 0.04,
    audit: 'user.alias_remove',
    run: (c, org) => c.users.removeAlias.mutate({ organizationId: org.id, ...aliasToRemove(org) }),
  },
  {
    name: 'users.setPrimaryAddress',
    kind: 'write',
    share: 0.03,
    audit: 'user.primary_address_set',
    run: (c, org, n) => c.users.setPrimaryAddress.mutate({ organizationId: org.id, ...newPrimary(org, n) }),
  },
];

function chooseOperation(): Operation {
  let r = Math.random();
  for (const op of OPERATIONS) if ((r -= op.share) < 0) return op;
  return OPERATIONS.at(-1)!;
}

interface Tally {
  latencies: number[];
  ok: number;
  /** Refusals by domain code (a taken alias, an alias that is not this user's): expected under races. */
  refused: Record<string, number>;
  /** Anything else: a 5xx, a transport error. The run fails with any. */
  errors: string[];
}

async function rssKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
}

async function main() {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const { url } = await ensureDatabase(adminUrl, 'mailyard_soak', { recreate: true });
  const port = await freePort();
  const product = await startProduct({ DATABASE_URL: url, MAILYARD_SECRET_KEY: randomBytes(32).toString('hex'), MAILYARD_ADMIN_PASSWORD: ADMIN_PASSWORD, MAILYARD_LOG_LEVEL: 'warn', PORT: String(port) });
  const probe = openProbe(url);
  try {
    const client = createMailyardClient({ url: `${product.url}/trpc`, token: await operatorToken(product.url) });
    log(`Setting up ${ORGANIZATIONS} organizations of ${USERS_PER_ORGANIZATION} users…`);
    const organizations: Organization[] = [];
    for (let o = 0; o < ORGANIZATIONS; o++) {
      const alias = `soak-${o}`;
      const { organizationId } = await client.organizations.create.mutate({ alias });
      await waitFor(`${alias} to be Active`, async () => (await probe.sql`select 1 from organizations where id = ${organizationId} and state = 'Active'`).length > 0);
      const org: Organization = { id: organizationId, domain: `${alias}.mailyard.test`, users: [], aliases: [] };
      for (let u = 0; u < USERS_PER_ORGANIZATION; u++) {
        const { userId } = await client.users.create.mutate({ organizationId, name: `seed${u}`, displayName: `Seed ${u}`, password: PASSWORD, repeatPassword: PASSWORD });
        org.users.push(userId);
      }
      organizations.push(org);
    }
    const auditBefore = await probe.auditActions();
    const rssBefore = await rssKiB(product.pid);
    // Every 10 s while the clients run: growth that levels off is the heap and the allocator settling, a leak climbs on.
    const rssSeries: number[] = [];
    const sampler = setInterval(() => void rssKiB(product.pid).then((kib) => rssSeries.push(kib)), 10_000);
    const loadBefore = os.loadavg()[0]!;

    log(`${CLIENTS} clients for ${SECONDS} s (70 % reads, 30 % writes)…`);
    const tallies = new Map(OPERATIONS.map((op) => [op.name, { latencies: [], ok: 0, refused: {}, errors: [] } as Tally]));
    let sequence = 0;
    const deadline = performance.now() + SECONDS * 1000;
    const started = performance.now();
    // Each client one loop of awaited calls; the fetch pool gives each in-flight call a connection of its own.
    const runClient = async () => {
      while (performance.now() < deadline) {
        const op = chooseOperation();
        const tally = tallies.get(op.name)!;
        const t0 = performance.now();
        try {
          await op.run(client, pick(organizations), sequence++);
          tally.ok++;
        } catch (error) {
          const api = mailyardError(error);
          if (api?.code && api.httpStatus !== null && api.httpStatus < 500) tally.refused[api.code] = (tally.refused[api.code] ?? 0) + 1;
          else tally.errors.push(api ? `${api.httpStatus} ${api.message}` : String(error));
        }
        tally.latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, runClient));
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const loadAfter = os.loadavg()[0]!;
    // Memory once the worker has had ten quiet seconds for the jobs the writes enqueued (and V8 for its collections).
    await new Promise((r) => setTimeout(r, 10_000));
    const rssAfter = await rssKiB(product.pid);

    log('Checking the invariants…');
    const invariants = await checkInvariants(probe, tallies, auditBefore);
    const report = render({ tallies, elapsed, rss: { before: rssBefore, series: rssSeries, after: rssAfter }, load: [loadBefore, loadAfter], invariants });
    log(report);
    const file = await writeSoakReport(report);
    log(`Wrote ${file}.`);
    const failed = invariants.filter((i) => !i.holds);
    const errors = [...tallies.values()].flatMap((t) => t.errors);
    if (failed.length > 0 || errors.length > 0) {
      console.error(`Soak run failed: ${failed.map((i) => i.name).join('; ')}${errors.length ? ` ${errors.length} errors, first: ${errors[0]}` : ''}`);
      process.exitCode = 1;
    }
  } finally {
    await stopProduct(product);
    await probe.close();
  }
}

interface Invariant {
  name: string;
  holds: boolean;
  detail: string;
}

async function checkInvariants(probe: Probe, tallies: Map<string, Tally>, auditBefore: Record<string, number>): Promise<Invariant[]> {
  const [primaries] = await probe.sql<{ users: number; wrong: number }[]>`
    select count(*)::int as users,
           count(*) filter (where (select count(*) from addresses a where a.organization_id = u.organization_id and a.entity_id = u.id and a.is_primary) <> 1
                              or not exists (select 1 from addresses a where a.address = u.primary_email and a.entity_id = u.id and a.is_primary))::int as wrong
    from users u where u.state <> 'DELETED'`;
  const [twice] = await probe.sql<{ n: number }[]>`select count(*)::int as n from (select lower(address) from addresses group by 1 having count(*) > 1) d`;
  const [addresses] = await probe.sql<{ n: number }[]>`select count(*)::int as n from addresses`;
  const auditAfter = await probe.auditActions();
  const perAction = OPERATIONS.filter((op) => op.audit).map((op) => {
    const events = (auditAfter[op.audit!] ?? 0) - (auditBefore[op.audit!] ?? 0);
    return { op: op.name, action: op.audit!, successes: tallies.get(op.name)!.ok, events };
  });
  const mutations = perAction.reduce((n, a) => n + a.successes, 0);
  const events = Object.values(auditAfter).reduce((n, v) => n + v, 0) - Object.values(auditBefore).reduce((n, v) => n + v, 0);
  return [
    { name: 'every user has exactly one primary address, the one it names', holds: primaries!.wrong === 0, detail: `${primaries!.users} users, ${primaries!.wrong} wrong` },
    { name: 'no address is held twice', holds: twice!.n === 0, detail: `${addresses!.n} addresses, ${twice!.n} held twice` },
    ...perAction.map((a) => ({
      name: `one \`${a.action}\` event per successful ${a.op}`,
      holds: a.events === a.successes,
      detail: `${a.successes} successes, ${a.events} events`,
    })),
    { name: 'no other audit event (a refusal records nothing)', holds: events === mutations, detail: `${events} events in all for ${mutations} successful writes` },
  ];
}

const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));

function render(r: {
  tallies: Map<string, Tally>;
  elapsed: number;
  rss: { before: number; series: number[]; after: number };
  load: [number, number];
  invariants: Invariant[];
}): string {
  const mib = (kib: number) => (kib / 1024).toFixed(0);
  const all = [...r.tallies.values()];
  const calls = all.reduce((n, t) => n + t.latencies.length, 0);
  const byKind = (kind: Kind): Stats & { calls: number } => {
    const samples = OPERATIONS.filter((op) => op.kind === kind).flatMap((op) => r.tallies.get(op.name)!.latencies);
    return { ...stats(samples), calls: samples.length };
  };
  const reads = byKind('read');
  const writes = byKind('write');
  const rows = OPERATIONS.map((op) => {
    const t = r.tallies.get(op.name)!;
    const s = stats(t.latencies);
    const refused = Object.entries(t.refused).map(([code, n]) => `${code} ${n}`).join(', ') || '–';
    return `| ${op.name} | ${op.kind} | ${t.latencies.length} | ${t.ok} | ${refused} | ${t.errors.length} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} |`;
  });
  return `## Soak run

- Run: ${new Date().toISOString()}; ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node.js ${process.version}.
- Load average (1 min) ${r.load[0].toFixed(1)} before and ${r.load[1].toFixed(1)} after, on ${os.cpus().length} cores shared with other work.
- **Method**: the built product (\`dist/main.js\`) on a fresh PostgreSQL database, its job worker running;
  ${ORGANIZATIONS} organizations of ${USERS_PER_ORGANIZATION} users made first. Then ${CLIENTS} clients (the typed client with one API token, each
  client a loop of calls, each call awaited before the next) for ${r.elapsed.toFixed(0)} s: reads 70 % (users lists, a search,
  a user, its addresses, an organization), writes 30 % (create a user with a password, change details, add and
  remove an alias, set a primary address; aliases are drawn from ${ALIAS_POOL} per organization so clients race
  for them, removals mostly take an alias added earlier, primary changes an alias added earlier or a new address,
  never the one the user already has, a no-op that is rightly not audited). Then the database is checked.

| | calls | per second | p50 ms | p95 ms | max ms |
|---|---|---|---|---|---|
| reads | ${reads.calls} | ${(reads.calls / r.elapsed).toFixed(0)} | ${ms(reads.p50)} | ${ms(reads.p95)} | ${ms(reads.max)} |
| writes | ${writes.calls} | ${(writes.calls / r.elapsed).toFixed(0)} | ${ms(writes.p50)} | ${ms(writes.p95)} | ${ms(writes.max)} |
| all | ${calls} | ${(calls / r.elapsed).toFixed(0)} | | | |

| operation | kind | calls | succeeded | refused (expected under races) | errors | p50 ms | p95 ms | max ms |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Server memory (RSS): ${mib(r.rss.before)} MiB before the clients; every 10 s while they ran ${r.rss.series.map(mib).join(', ')} MiB;
${mib(r.rss.after)} MiB ten quiet seconds after.

| invariant | holds | |
|---|---|---|
${r.invariants.map((i) => `| ${i.name} | ${i.holds ? 'yes' : '**no**'} | ${i.detail} |`).join('\n')}
`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
