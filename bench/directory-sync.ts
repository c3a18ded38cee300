/**
 * `pnpm bench:directory-sync`: Standard setup on a directory of N users, timed. A real slapd seeded with the tests'
 * LDIF (N inetOrgPerson users, nested groups), a Mailyard test database on the local PostgreSQL, the organization's
 * provisioning job (its first sync) run in this process as the worker runs it; then *Sync now* with nothing changed,
 * and again after 1 % of the users were renamed in slapd. Writes its part of docs/benchmarks.md. Not a test.
 *
 *   DATABASE_URL          server for the throw-away database (default: local PostgreSQL)
 *   DIRECTORY_USERS       users in the directory (default 100000)
 */
import os from 'node:os';
import { jobRegistry } from '../apps/server/src/jobs/registry.ts';
import { callerFor } from '../apps/server/test/support/caller.ts';
import { runDueJobs } from '../apps/server/src/jobs/worker.ts';
import { createTestDeps, liveClock } from '../apps/server/test/support/deps.ts';
import { directoryLdif, userDn, userId } from '../apps/server/test/support/directory-seed.ts';
import { openLdapSettings, replaceAttribute } from '../apps/server/test/support/directories.ts';
import { createOperator } from '../apps/server/test/support/fixtures.ts';
import { startSlapd } from '../apps/server/test/support/slapd.ts';
import { setupTestTemplate } from '../packages/db/src/testing.ts';
import { writeDirectorySyncReport } from './benchmarks-file.ts';

process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const USERS = Number(process.env.DIRECTORY_USERS ?? 100_000);
const CHANGED = Math.max(1, Math.floor(USERS / 100));
const log = (line: string) => console.log(line);
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

/** Runs `work`, timing it and sampling the process's resident memory every 100 ms (the peak is the figure). */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakRss: number }> {
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
  const t0 = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - t0) / 1000, peakRss: Math.max(peakRss, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}

const seedStarted = performance.now();
log(`Seeding slapd with ${USERS.toLocaleString('en')} users…`);
const dropTemplate = await setupTestTemplate();
const [deps, slapd] = await Promise.all([createTestDeps({}, liveClock()), startSlapd(directoryLdif(USERS))]);
const seedSeconds = (performance.now() - seedStarted) / 1000;
try {
  const op = await createOperator(deps);
  const caller = callerFor(deps, op.actor);
  const directory = await caller.directories.register({ name: 'Bench Directory', ...openLdapSettings(slapd.url) });
  const rssBefore = process.memoryUsage.rss();
  const loadBefore = os.loadavg()[0]!.toFixed(1);

  log('First sync (Standard setup through Active)…');
  const first = await measured(async () => {
    const { organizationId } = await caller.organizations.create({ alias: `bench-${Math.random().toString(36).slice(2, 8)}`, directoryId: directory.id });
    // The provisioning job may take several runs (a step waits for the one before it), as the worker's loop would.
    let org = await caller.organizations.get({ organizationId });
    while (org.state === 'Requested' || org.state === 'Creating') {
      if ((await runDueJobs(deps, jobRegistry)) === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      org = await caller.organizations.get({ organizationId });
    }
    if (org.state !== 'Active') throw new Error(`the organization ended ${org.state}: ${org.errorMessage ?? ''}`);
    return (await caller.directories.get({ directoryId: directory.id })).lastSync!;
  });
  log(JSON.stringify(first.result));

  log('Sync now, nothing changed…');
  const unchanged = await measured(() => caller.directories.sync({ directoryId: directory.id }));

  log(`Renaming ${CHANGED.toLocaleString('en')} users in slapd…`);
  for (let i = 1; i <= CHANGED; i++) {
    const uid = userId(Math.ceil((i * USERS) / CHANGED));
    await replaceAttribute(slapd, userDn(uid), 'displayName', `Renamed ${uid}`);
  }
  log('Sync now, 1 % changed…');
  const changed = await measured(() => caller.directories.sync({ directoryId: directory.id }));
  if (changed.result.usersChanged !== CHANGED) throw new Error(`expected ${CHANGED} users changed, the sync reported ${changed.result.usersChanged}`);
  const loadAfter = os.loadavg()[0]!.toFixed(1);

  const row = (label: string, m: typeof first, report: typeof first.result) =>
    `| ${label} | ${m.seconds.toFixed(1)} s | ${Math.round(report.usersFound / m.seconds).toLocaleString('en')} | ${report.usersAdded.toLocaleString('en')} / ${report.usersChanged.toLocaleString('en')} / ${report.usersRemoved.toLocaleString('en')} | ${mib(m.peakRss)} |`;
  const report = [
    '## Directory sync run',
    '',
    `- Run: ${new Date().toISOString()}; ${os.cpus().length} × ${os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}; Node.js ${process.version}; load average (1 min) ${loadBefore} before, ${loadAfter} after, on ${os.cpus().length} cores (slapd, PostgreSQL and Mailyard share them).`,
    `- What: Standard setup on a real slapd holding ${USERS.toLocaleString('en')} \`inetOrgPerson\` users and 4 nested groups (\`bench/directory-sync.ts\`, \`pnpm bench:directory-sync\`), the worker's provisioning job run in-process (register → CreateOrganization's job → Active, its first sync included); then *Sync now* twice. Seeding slapd (\`slapadd\`) and the database took ${seedSeconds.toFixed(0)} s (not measured). Resident memory of the process before the first sync: ${mib(rssBefore)}.`,
    '',
    '| sync | wall clock | users read per second | users added / changed / removed | peak resident memory |',
    '|---|---|---|---|---|',
    row('first (creation through Active)', first, first.result),
    row('Sync now, nothing changed', unchanged, unchanged.result),
    row(`Sync now, ${CHANGED.toLocaleString('en')} display names changed`, changed, changed.result),
  ].join('\n');
  log(report);
  log(`Wrote ${await writeDirectorySyncReport(report)}`);
} finally {
  await slapd.close();
  await deps.database.drop();
  await dropTemplate();
}
