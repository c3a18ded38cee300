/**
 * `pnpm bench:throughput`: requests per second at 10 connections (autocannon) for the console's users list, `/aws`
 * ListUsers, the portal's "my account", the device sync endpoint and the mail-server usage report, each as a ratio to a
 * bare Fastify + postgres.js route running the list's own statement (`bench/bare-route.ts`), all in one run on one
 * freshly seeded database; the statements each request sends; and, with `--profile`, where the server's CPU goes
 * under the list's load (`node --cpu-prof`). Not a test: it prints and writes its part of docs/benchmarks.md.
 *
 *   DATABASE_URL     server on which `mailyard_throughput` is created afresh (default: local PostgreSQL)
 *   --users N        users in the listed organization (default 20,000; nine more organizations of 1,000 each)
 *   --seconds S      how long each endpoint is loaded (default 10)
 *   --connections C  concurrent connections (default 10)
 *   --warmup W       seconds each endpoint is loaded, unmeasured, before its first measured run (default 10)
 *   --profile        also profile the server under the list's load and write the breakdown
 *   --baseline F     also load another build's main.js (e.g. a checkout of an earlier commit, built) on the same data,
 *                    each endpoint right after this build's, for a before/after taken in one run
 *   (the built server is used: `pnpm --filter @mailyard/server build` first)
 *
 * PostgreSQL's share of each run is measured too: its backends' CPU always, each statement's calls and execution time
 * when PostgreSQL preloads pg_stat_statements (`alter system set shared_preload_libraries = 'pg_stat_statements'`, then
 * a restart of PostgreSQL).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runMigrations } from '../packages/db/src/index.ts';
import { ensureDatabase, recordingDatabase } from '../packages/db/src/bench/measure.ts';
import { seedBenchOrganizations, seedBenchUsers, vacuumAnalyzeBench } from '../packages/db/src/bench/seed.ts';
import { insertAccount, insertOperator } from '../packages/db/src/queries/operators.ts';
import { listUsersPage } from '../packages/db/src/queries/user-list.ts';
import { buildApp } from '../apps/server/src/app.ts';
import { hashPassword } from '../apps/server/src/platform/passwords.ts';
import { sessionOperatorActor } from '../apps/server/src/services/auth/operator-session.ts';
import { listUsers } from '../apps/server/src/services/users/list.ts';
import { signedListUsers } from '../apps/server/test/support/aws-signed.ts';
import { cookieClient, freePort, mainJs, signIn, startProduct, stopProduct, type Product } from '../apps/server/test/support/product.ts';
import { startChildServer } from './child-server.ts';
import { analyseProfile } from './cpu-profile.ts';
import { databaseMeter, type DatabaseMeter } from './database-share.ts';
import { writeThroughputReport } from './benchmarks-file.ts';
import { benchDeps } from './deps.ts';
import { load, loadSpread, type LoadCase } from './load.ts';
import { BENCH_PASSWORD, benchAccount, benchOrganizationId } from './seed.ts';
import { renderThroughput, type CaseResult, type MeasuredLoad } from './throughput-report.ts';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '10' },
    profile: { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});
const USERS = Number(args.users);
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const WARMUP_SECONDS = Number(args.warmup);
const ORGANIZATIONS = 10;
const OTHERS = 1000;
/** Mailboxes per usage report (a mail server sends up to 1,000); each connection reports its own. */
const REPORTED = 100;
const MAIL_SERVER_TOKEN = randomBytes(32).toString('hex');
const log = (line: string) => console.log(line);

async function main() {
  const started = performance.now();
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const { url } = await ensureDatabase(adminUrl, 'mailyard_throughput', { recreate: true });
  await runMigrations(url);
  const key = randomBytes(32);
  const { deps, close } = benchDeps(url, key);
  log(`Seeding ${ORGANIZATIONS} organizations: ${USERS.toLocaleString('en-US')} users in the first, ${OTHERS} in each other…`);
  const t = performance.now();
  const at = new Date();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await insertAccount(deps.db, { id: benchAccount.id, name: 'Benchmark', awsAccountId: '000000000000', maxOrganizations: ORGANIZATIONS + 10 });
  await insertOperator(deps.db, { id: benchAccount.operatorId, accountId: benchAccount.id, email: benchAccount.email, displayName: 'Benchmark', passwordHash });
  await seedBenchOrganizations(deps.db, { accountId: benchAccount.id, count: ORGANIZATIONS, at });
  await seedBenchUsers(deps.db, { from: 1, to: ORGANIZATIONS, passwordHash, at, sizes: { first: USERS, others: OTHERS } });
  await vacuumAnalyzeBench(deps.db);
  const seedSeconds = (performance.now() - t) / 1000;
  log(`Seeded in ${seedSeconds.toFixed(1)} s.`);

  const organizationId = benchOrganizationId(1);
  const operator = sessionOperatorActor({ id: benchAccount.operatorId, accountId: benchAccount.id, email: benchAccount.email });
  // The list's own statement, exactly as the service sends it (the organization check first, then the page).
  const recording = recordingDatabase(url);
  await listUsers(recording.db, operator, { organizationId, limit: 50, sort: 'name', descending: false });
  await recording.close();
  const statement = recording.captured.at(-1)!;
  // Addresses the mail servers and phones would use: ASCII ones (the seed gives some users accented local parts).
  const addressesOf = async (organizations: number[], count: number) => {
    const pages = await Promise.all(organizations.map((k) => listUsersPage(deps.db, { organizationId: benchOrganizationId(k), after: null, limit: OTHERS })));
    const addresses = pages.flat().map((u) => u.email!).filter((a) => /^[a-z0-9.]+@/.test(a)).slice(0, count);
    if (addresses.length < count) throw new Error(`only ${addresses.length} addresses for ${count} mailboxes: lower --connections`);
    return addresses;
  };
  const deviceOwners = await addressesOf([2], CONNECTIONS);
  const reported = await addressesOf([3, 4, 5], REPORTED * CONNECTIONS);

  const env = {
    DATABASE_URL: url,
    MAILYARD_SECRET_KEY: key.toString('hex'),
    MAILYARD_MAIL_SERVER_TOKEN: MAIL_SERVER_TOKEN,
    MAILYARD_LOG_LEVEL: 'warn',
  };
  meter = await databaseMeter(deps.db);
  const bare = await startChildServer('./bare-route.ts', { BARE_DATABASE_URL: url, BARE_STATEMENT: JSON.stringify(statement) });
  let product = await startProduct({ ...env, PORT: String(await freePort()) });
  const baseline = args.baseline ? await startProduct({ ...env, PORT: String(await freePort()) }, 60_000, [], path.resolve(args.baseline)) : null;
  try {
    const cases = await prepareCases(product, bare, organizationId, deviceOwners, reported);
    const baselineCases = baseline ? await prepareCases(baseline, bare, organizationId, deviceOwners, reported) : null;
    for (const c of cases) await checkAnswer(c);
    const queries = await countStatements(url, key, cases);

    const loadBefore = os.loadavg()[0]!;
    const results: CaseResult[] = [];
    const [floor, ...measured] = cases;
    // The floor before and after each endpoint, each endpoint's ratio taken to the mean of the two around it: on a
    // machine shared with other work, the load changes within a run.
    log(`${CONNECTIONS} connections, ${SECONDS} s each:`);
    const bareRuns: MeasuredLoad[] = [await run(floor!, CONNECTIONS)];
    for (const c of measured) {
      const result = await run(c, CONNECTIONS);
      const before = baselineCases ? await run({ ...baselineCases.find((b) => b.key === c.key)!, label: `${c.label}, baseline build` }, CONNECTIONS) : null;
      bareRuns.push(await run(floor!, CONNECTIONS));
      const around = (bareRuns.at(-2)!.requestsPerSecond + bareRuns.at(-1)!.requestsPerSecond) / 2;
      results.push({ key: c.key, label: c.label, load: result, baseline: before, floor: around, statements: queries.get(c.key) ?? null });
    }
    log('1 connection (latency):');
    const oneBare = await run(floor!, 1);
    const oneList = await run(cases[1]!, 1);
    const replicas = await twoReplicas(env, product, cases[1]!, floor!);
    const loadAfter = os.loadavg()[0]!;

    let profile = null;
    if (args.profile) {
      await stopProduct(product);
      const dir = await mkdtemp(path.join(os.tmpdir(), 'mailyard-cpu-'));
      product = await startProduct({ ...env, PORT: String(await freePort()) }, 60_000, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
      const listCase = (await prepareCases(product, bare, organizationId, deviceOwners, reported))[1]!;
      await warm([listCase]);
      log('Profiling the server under the list load…');
      const micros = () => process.hrtime.bigint() / 1000n;
      const from = micros();
      const profiled = await run(listCase, CONNECTIONS);
      const to = micros();
      await stopProduct(product);
      const file = path.join(dir, (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'))!);
      profile = { ...(await analyseProfile(file, mainJs, [from, to])), requests: profiled.requests, file };
      log(`CPU profile: ${file}; ${(profile.busyMs / profiled.requests).toFixed(2)} ms of CPU per list call`);
    }

    const report = renderThroughput({
      date: new Date(),
      users: USERS,
      organizations: ORGANIZATIONS,
      others: OTHERS,
      reported: REPORTED,
      seconds: SECONDS,
      warmup: WARMUP_SECONDS,
      connections: CONNECTIONS,
      seedSeconds,
      load: [loadBefore, loadAfter],
      bare: bareRuns,
      results,
      bareStatements: 1,
      oneConnection: { bare: oneBare, list: oneList },
      replicas,
      profile,
      baseline: args.baseline ?? null,
    });
    const file = await writeThroughputReport(report);
    log(`Wrote ${file} (${((performance.now() - started) / 1000).toFixed(0)} s in all).`);
  } finally {
    await stopProduct(product);
    if (baseline) await stopProduct(baseline);
    bare.process.kill('SIGTERM');
    await close();
  }
}

/** PostgreSQL's part of each measured run. */
let meter: DatabaseMeter;

/** Loads one endpoint; given several cases (the same endpoint on several replicas), all at once, the connections split. */
async function run(target: LoadCase | LoadCase[], connections: number): Promise<MeasuredLoad> {
  const spread = [target].flat();
  const c = spread[0]!;
  await warm(spread);
  const metered = await meter.start();
  const loaded = spread.length > 1 ? await loadSpread(spread, connections, SECONDS) : await load(c, connections, SECONDS);
  const result = { ...loaded, database: await metered(loaded.requests) };
  const label = spread.length > 1 ? `${c.label}, ${spread.length} replicas` : c.label;
  log(`  ${label}: ${result.requestsPerSecond.toFixed(0)} req/s, ${result.cpuMsPerRequest.toFixed(2)} ms CPU/req (PostgreSQL ${result.database.cpuMsPerRequest.toFixed(2)}), p50 ${result.p50} ms, p97.5 ${result.p97_5} ms${result.failed ? `, ${result.failed} FAILED` : ''}`);
  if (result.failed > 0) throw new Error(`${label}: ${result.failed} requests failed under load`);
  return result;
}

/** Endpoints (by URL) already loaded once, unmeasured. */
const warmed = new Set<string>();

/**
 * Loads each endpoint not loaded before for a few seconds, unmeasured: a fresh process runs its first few thousand
 * requests slower while V8 compiles the code they take, which would count against whichever endpoint comes first.
 */
async function warm(cases: LoadCase[]): Promise<void> {
  const cold = cases.filter((c) => !warmed.has(c.url));
  if (cold.length > 0) await loadSpread(cold, CONNECTIONS, WARMUP_SECONDS);
  for (const c of cold) warmed.add(c.url);
}

/**
 * The list served by one replica, then by two on the same database (a second process of the same build, the
 * connections split between them), then the bare route: three runs back to back, so the ratios share one minute.
 * The second replica is sent the console session the first one made, as it is.
 */
async function twoReplicas(env: Record<string, string>, product: Product, list: LoadCase, floor: LoadCase) {
  log('Two replicas on one database:');
  const replica = await startProduct({ ...env, PORT: String(await freePort()) });
  try {
    const second = { ...list, pid: replica.pid, url: list.url.replace(product.url, replica.url) };
    await checkAnswer(second);
    const one = await run(list, CONNECTIONS);
    const two = await run([list, second], CONNECTIONS);
    return { one, two, floor: await run(floor, CONNECTIONS) };
  } finally {
    await stopProduct(replica);
  }
}

/** The requests, made ready against a running product: a console session, an access key, a portal session. */
async function prepareCases(
  product: Product,
  bare: { url: string; process: { pid?: number } },
  organizationId: string,
  deviceOwners: string[],
  reported: string[],
): Promise<LoadCase[]> {
  const cookie = await signIn(product.url, { email: benchAccount.email, password: BENCH_PASSWORD });
  const consoleClient = cookieClient(product.url, cookie);
  const { accessKeyId, secretAccessKey } = await consoleClient.accessKeys.create.mutate({ description: `bench ${Date.now()}` });
  const aws = await signedListUsers(product.url, { accessKeyId, secretAccessKey }, 'us-east-1', { OrganizationId: organizationId, MaxResults: 50 });
  const portal = await fetch(`${product.url}/trpc/portal.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { email: deviceOwners[0], password: BENCH_PASSWORD } }),
  });
  if (portal.status !== 200) throw new Error(`portal sign-in: ${portal.status} ${await portal.text()}`);
  const portalCookie = portal.headers.get('set-cookie')!.split(';')[0]!;
  // What the console's batching tRPC client sends for one query.
  const batch = (input: unknown) => `?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: input } }))}`;
  const basic = (address: string) => `Basic ${Buffer.from(`${address}:${BENCH_PASSWORD}`).toString('base64')}`;
  return [
    { key: 'bare', pid: bare.process.pid!, label: 'bare route (Fastify + postgres.js, same statement)', url: `${bare.url}/users` },
    { key: 'list', pid: product.pid, label: 'console users list (session cookie)', url: `${product.url}/trpc/users.list${batch({ organizationId, limit: 50 })}`, headers: { cookie } },
    { key: 'aws', pid: product.pid, label: '/aws ListUsers (SigV4)', url: `${product.url}${aws.path}`, method: 'POST', headers: aws.headers, body: aws.body },
    { key: 'portal', pid: product.pid, label: 'portal "my account" (portal.me)', url: `${product.url}/trpc/portal.me${batch(null)}`, headers: { cookie: portalCookie } },
    {
      key: 'device',
      pid: product.pid,
      label: 'device sync (ActiveSync Provision, HTTP Basic)',
      url: `${product.url}/Microsoft-Server-ActiveSync?Cmd=Provision&DeviceId=benchdevice&DeviceType=iPhone`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basic(deviceOwners[0]!) },
      body: JSON.stringify({ model: 'iPhone 15', operatingSystem: 'iOS 19' }),
      // Each connection is another user's phone: one user's sign-in budget is not what is measured.
      perConnection: (i) => ({ headers: { 'content-type': 'application/json', authorization: basic(deviceOwners[i % deviceOwners.length]!) } }),
    },
    {
      key: 'usage',
      pid: product.pid,
      label: `mail-server usage report (${REPORTED} mailboxes a request)`,
      url: `${product.url}/api/mail-server/usage`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${MAIL_SERVER_TOKEN}` },
      body: usageBody(reported, 0),
      // Each connection reports its own mailboxes, as mail servers of different hosts would.
      perConnection: (i) => ({ body: usageBody(reported, i) }),
    },
  ];
}

const usageBody = (addresses: string[], i: number) =>
  JSON.stringify({ reports: addresses.slice(i * REPORTED, (i + 1) * REPORTED).map((address, n) => ({ address, usageBytes: 1_000_000 + n })) });

/** One request of each case answered 2xx with what it should hold, before any is measured. */
async function checkAnswer(c: LoadCase): Promise<void> {
  const response = await fetch(c.url, { method: c.method ?? 'GET', headers: c.headers, body: c.body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${c.label}: ${response.status} ${text.slice(0, 300)}`);
  const expected: Record<string, RegExp> = { bare: /"name"/, list: /"items"/, aws: /"Users"/, portal: /"primaryEmail"/, device: /"status":"ok"/, usage: /"recorded":100/ };
  if (!expected[c.key]!.test(text)) throw new Error(`${c.label}: unexpected answer ${text.slice(0, 300)}`);
}

/**
 * The statements one request of each case sends, counted by running the same request in process (`inject`) against
 * an app whose database handle records every statement; the session's sliding-expiry write (at most once a minute)
 * is not in the count.
 */
async function countStatements(url: string, key: Buffer, cases: LoadCase[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const recording = recordingDatabase(url);
  const { deps, close } = benchDeps(url, key);
  const app = await buildApp({ ...deps, config: { ...deps.config, MAILYARD_MAIL_SERVER_TOKEN: MAIL_SERVER_TOKEN }, db: recording.db as typeof deps.db });
  try {
    for (const c of cases.slice(1)) {
      const u = new URL(c.url);
      const request = { method: c.method ?? 'GET', url: u.pathname + u.search, headers: c.headers, payload: c.body } as const;
      await app.inject(request); // warm: any once-a-minute write happens here
      recording.captured.length = 0;
      const response = await app.inject(request);
      if (response.statusCode >= 300) throw new Error(`${c.label} in process: ${response.statusCode} ${response.body.slice(0, 200)}`);
      counts.set(c.key, recording.captured.length);
    }
  } finally {
    await app.close();
    await recording.close();
    await close();
  }
  return counts;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
