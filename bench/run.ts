/**
 * `pnpm bench`: the users and organizations lists (every sort, deep pages, fragment search, counts) and create-user at
 * scale, through HTTP, against 1,000,000 users. Not a test: it
 * measures, prints, and writes docs/benchmarks.md. See that file for the method.
 *
 *   DATABASE_URL          server on which the database `mailyard_bench` is created (default: local PostgreSQL)
 *   BENCH_DATABASE_URL    a database to use instead (it is seeded when empty)
 *   BENCH_ITERATIONS      measured calls per list query (default 300)
 *   BENCH_WARMUP          unmeasured calls before each (default 30)
 *   BENCH_CREATES         users created through HTTP, and through the service (default 300 each)
 *   --reseed              drop `mailyard_bench` and seed it again
 */
import os from 'node:os';
import { createMailyardClient } from '../packages/client/src/index.ts';
import { runMigrations } from '../packages/db/src/index.ts';
import { ensureDatabase, explainPrepared, recordingDatabase, serverFacts } from '../packages/db/src/bench/measure.ts';
import { deleteBenchCreatedUsers, vacuumAnalyzeBench } from '../packages/db/src/bench/seed.ts';
import { hashPassword } from '../apps/server/src/platform/passwords.ts';
import type { Deps } from '../apps/server/src/deps.ts';
import type { OperatorActor } from '../apps/server/src/services/actor.ts';
import { createApiToken } from '../apps/server/src/services/api-tokens/create.ts';
import { createUser } from '../apps/server/src/services/users/create.ts';
import { writeLatencyReport } from './benchmarks-file.ts';
import { startChildServer } from './child-server.ts';
import { benchDeps } from './deps.ts';
import { listCases, listTargets } from './lists.ts';
import { renderReport, type ListResult } from './report.ts';
import { BENCH_PASSWORD, benchAccount, benchOrganizationId, isSeeded, seed } from './seed.ts';
import { measure, measureSplit, ms, serverTimings, stats, timeAlternately } from './stats.ts';
import { wireClient } from './wire-client.ts';

const log = (line: string) => console.log(line);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
/** Rounds of every HTTP case before any is measured (the "ab" case is the slow one: about 1.5 s a round). */
const SERVER_WARMUP_ROUNDS = 20;
/** Passes over every list case, each taking a share of its measured calls. */
const PASSES = 3;
const CREATES = Number(process.env.BENCH_CREATES ?? 300);
const HASHES = 50;

async function main() {
  const started = performance.now();
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const target = process.env.BENCH_DATABASE_URL
    ? { url: process.env.BENCH_DATABASE_URL, created: false }
    : await ensureDatabase(adminUrl, 'mailyard_bench', { recreate: process.argv.includes('--reseed') });
  log(`Database: ${target.url.replace(/\/\/[^@]*@/, '//')}${target.created ? ' (created)' : ''}`);
  await runMigrations(target.url);
  const { deps, close } = benchDeps(target.url);
  let seedSeconds: number | null = null;
  if (!(await isSeeded(deps.db))) {
    log('Seeding 1,000 organizations and 1,000,000 users (bulk SQL, one precomputed argon2 hash)…');
    seedSeconds = (await seed(deps.db, log)).seconds;
    log(`Seeded in ${seedSeconds.toFixed(0)} s.`);
  } else log('Already seeded: 1,000 organizations, 1,000,000 users, 99,000 organizations of other accounts (run with --reseed to seed again).');

  const organizationId = benchOrganizationId(1);
  const session: OperatorActor = {
    type: 'operator',
    operatorId: benchAccount.operatorId,
    accountId: benchAccount.id,
    label: benchAccount.email,
    via: 'session',
    readOnly: false,
    organizationIds: null,
  };
  const { token } = await createApiToken(deps, session, { name: `bench ${new Date().toISOString()}`, access: 'read-write', organizationIds: null });
  const server = await startChildServer('./server.ts', { BENCH_SERVER_DATABASE_URL: target.url });
  // The server reports in `Server-Timing` what a request spent hashing passwords: kept from the last response.
  let lastTimings = new Map<string, number>();
  const timingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    lastTimings = serverTimings(response.headers.get('server-timing'));
    return response;
  };
  const client = createMailyardClient({ url: `${server.url}/trpc`, token, fetch: timingFetch, batch: false });
  const wire = wireClient(server.url, token);
  const createdPrefix = `benchnew${Date.now().toString(36)}x`;
  try {
    const cases = await listCases({ wire, typed: client }, deps.db, { accountId: benchAccount.id, organizationId }, log);
    // A fresh server answers its first few hundred calls half as slowly again while V8 compiles its hot code: every
    // case is called a few times round first, so the first cases are not measured on a colder server than the last.
    for (let round = 0; round < SERVER_WARMUP_ROUNDS; round++) {
      for (const c of cases) {
        await c.http();
        await c.typed();
      }
    }
    const loadBefore = os.loadavg()[0]!;
    // The floor of any call: HTTP to the same server and one trivial query (`/healthz`), without tRPC or a token check.
    const floor = await measure(ITERATIONS, WARMUP, () => wire.get('/healthz'));
    log(`GET /healthz: p50 ${ms(floor.p50)} / p95 ${ms(floor.p95)} ms`);
    // Every case is measured in `PASSES` passes over all of them, a share of its calls each time: a burst of other work
    // on the machine then falls on many cases a little rather than on one case whole.
    const samples = cases.map(() => ({ http: [] as number[], typed: [] as number[], sql: [] as number[] }));
    for (let pass = 0; pass < PASSES; pass++) {
      for (const [i, c] of cases.entries()) {
        const [http, typed, sql] = await timeAlternately(Math.ceil(ITERATIONS / PASSES), WARMUP, [c.http, c.typed, () => c.sql(deps.db)]);
        samples[i]!.http.push(...http!);
        samples[i]!.typed.push(...typed!);
        samples[i]!.sql.push(...sql!);
      }
    }
    const lists: ListResult[] = [];
    for (const [i, c] of cases.entries()) {
      const [http, typed, sql] = [stats(samples[i]!.http), stats(samples[i]!.typed), stats(samples[i]!.sql)];
      const recording = recordingDatabase(target.url);
      await c.sql(recording.db);
      await recording.close();
      const plan = await explainPrepared(target.url, recording.captured[0]!);
      lists.push({ label: c.label, kind: c.kind, http, typed, sql, plan, seqScan: /Seq Scan/.test(plan) });
      log(`${c.label}: HTTP p50 ${ms(http.p50)} / p95 ${ms(http.p95)} ms · typed client p50 ${ms(typed.p50)} / p95 ${ms(typed.p95)} ms · SQL p50 ${ms(sql.p50)} / p95 ${ms(sql.p95)} ms`);
    }

    log(`Creating users (${CREATES} through HTTP, ${CREATES} through the service without a password) and hashing (${HASHES})…`);
    const name = (kind: string, i: number) => `${createdPrefix}${kind}${i < 0 ? `w${-i}` : i}`;
    const [createHttp, createHttpLessHashing] = await measureSplit(CREATES, 5, async (i) => {
      await client.users.create.mutate({ organizationId, name: name('h', i), displayName: 'Bench New', password: BENCH_PASSWORD, repeatPassword: BENCH_PASSWORD });
      const hashed = lastTimings.get('argon2');
      if (hashed === undefined) throw new Error('the server did not report its hashing time (Server-Timing: argon2)');
      return hashed;
    });
    const hashing = await measure(HASHES, 3, () => hashPassword(BENCH_PASSWORD));
    const createService = await measure(CREATES, 5, (i) =>
      createUser(deps, session, { organizationId, name: name('s', i), displayName: 'Bench New' }, { register: true }),
    );
    // How many statements one create sends (the checks, then the writes in one transaction).
    const recording = recordingDatabase(target.url);
    await createUser({ ...deps, db: recording.db as unknown as Deps['db'] }, session, { organizationId, name: name('r', 0), displayName: 'Bench New' }, { register: true });
    await recording.close();
    const createStatements = recording.captured.length;
    log(`Create user through HTTP: p50 ${ms(createHttp.p50)} / p95 ${ms(createHttp.p95)} ms; hashing alone p50 ${ms(hashing.p50)} / p95 ${ms(hashing.p95)} ms`);
    log(`Create user through HTTP less its own hashing: p50 ${ms(createHttpLessHashing.p50)} / p95 ${ms(createHttpLessHashing.p95)} ms`);
    log(`Create user without hashing (service, in process): p50 ${ms(createService.p50)} / p95 ${ms(createService.p95)} ms`);

    const report = renderReport({
      date: new Date(),
      database: await serverFacts(deps.db),
      iterations: ITERATIONS,
      passes: PASSES,
      load: [loadBefore, os.loadavg()[0]!],
      floor,
      warmup: WARMUP,
      serverWarmupRounds: SERVER_WARMUP_ROUNDS,
      seedSeconds,
      lists,
      create: { http: createHttp, httpLessHashing: createHttpLessHashing, hashing, service: createService, count: CREATES, statements: createStatements },
    });
    const file = await writeLatencyReport(report);
    log(`Wrote ${file} (${((performance.now() - started) / 1000).toFixed(0)} s in all).`);
    const missed = lists.filter((l) => l.http.p95 > listTargets[l.kind] || l.seqScan).map((l) => l.label);
    if (missed.length > 0) log(`Targets missed: ${missed.join('; ')}`);
  } finally {
    await deleteBenchCreatedUsers(deps.db, organizationId, createdPrefix);
    // As autovacuum would in time: the next run meets the data as seeded, not with every earlier run's dead rows.
    await vacuumAnalyzeBench(deps.db);
    wire.close();
    server.process.kill('SIGTERM');
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
