/**
 * `pnpm bench:migrate`: a migration of N users with their mail, timed. Two Mailyards on test databases of the local
 * PostgreSQL (the source seeded through its WorkMail-compatible /aws with the AWS SDK), each with its real Dovecot and
 * Postfix rendered from deploy/ (as the migration tests run them); the source mailboxes filled over IMAP; then
 * `mailyard migrate` in its own process, as an operator runs it, once (everything) and once more (nothing to do).
 * Writes its part of docs/benchmarks.md. Not a test.
 *
 *   DATABASE_URL          server for the throw-away databases (default: local PostgreSQL)
 *   MIGRATE_USERS         users to migrate (default 200)
 *   MIGRATE_MESSAGES      messages per mailbox (default 50; every tenth carries a 25 KiB attachment)
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { mapConcurrently } from '../apps/server/src/services/migration/engine/pool.ts';
import { startMailStack } from '../apps/server/test/mailserver/mail-stack.ts';
import { runMigrateCli, sidesArgs } from '../apps/server/test/migration/cli.ts';
import { activeOrganization, awsTenant } from '../apps/server/test/support/aws.ts';
import { callerFor } from '../apps/server/test/support/caller.ts';
import { createTestDeps, liveClock } from '../apps/server/test/support/deps.ts';
import { createOperator } from '../apps/server/test/support/fixtures.ts';
import { createMailUsers, testImap } from '../apps/server/test/support/mail-seed.ts';
import { startTestServer } from '../apps/server/test/support/server.ts';
import { setupTestTemplate } from '../packages/db/src/testing.ts';
import { writeMigrationReport } from './benchmarks-file.ts';

process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const USERS = Number(process.env.MIGRATE_USERS ?? 200);
const MESSAGES = Number(process.env.MIGRATE_MESSAGES ?? 50);
const MASTER = { name: 'migration', password: 'Bench-Master-Pass-1' };
const log = (line: string) => console.log(line);

function message(i: number, user: number, domain: string): string {
  const headers = [`From: a${i % 7}@example.com`, `To: u${user}@${domain}`, `Subject: Bench ${i}`, `Message-ID: <b${i}.u${user}@bench.example>`, 'MIME-Version: 1.0'];
  if (i % 10 !== 5) return [...headers, 'Content-Type: text/plain', '', `Message ${i}, ${'lorem ipsum '.repeat(40)}`, ''].join('\r\n');
  const data = Buffer.alloc(25_600, i % 251).toString('base64').replace(/.{76}/g, '$&\r\n');
  return [...headers, 'Content-Type: application/octet-stream', 'Content-Transfer-Encoding: base64', '', data, ''].join('\r\n');
}

const started = Date.now();
// The tests' databases: a migrated template, then a copy for each Mailyard (dropped at the end).
const dropTemplate = await setupTestTemplate();
const [sourceDeps, targetDeps] = await Promise.all([createTestDeps({}, liveClock()), createTestDeps()]);
const [sourceServer, targetServer, sourceMail, targetMail] = await Promise.all([
  startTestServer(sourceDeps),
  startTestServer(targetDeps),
  startMailStack(sourceDeps, undefined, { masterUsers: [MASTER] }),
  startMailStack(targetDeps, undefined, { masterUsers: [MASTER] }),
]);
try {
  log(`Seeding ${USERS} users with ${MESSAGES} messages each…`);
  const tenant = await awsTenant(sourceDeps, sourceServer.url);
  const org = await activeOrganization(tenant.client, `bench-${Math.random().toString(36).slice(2, 8)}`);
  const users = Array.from({ length: USERS }, (_, i) => i);
  await createMailUsers(tenant.client, org.organizationId, org.domain, users.map((i) => `u${i}`), (name) => `Bench-Pass-${name}-x`);
  await mapConcurrently(users, 4, async (i) => {
    const client = await testImap(sourceMail, { user: `u${i}@${org.domain}`, pass: `Bench-Pass-u${i}-x` });
    for (let m = 0; m < MESSAGES; m++) await client.append('INBOX', message(m, i, org.domain), m % 2 ? ['\\Seen'] : [], new Date(Date.UTC(2025, 0, 1) + m * 60_000));
    await client.logout();
  });

  const op = await createOperator(targetDeps);
  const { token } = await callerFor(targetDeps, op.actor).apiTokens.create({ name: 'bench', access: 'read-write' });
  const target = await callerFor(targetDeps, op.actor).organizations.create({ alias: `bench-${Math.random().toString(36).slice(2, 8)}` });
  const dir = await mkdtemp(path.join(tmpdir(), 'mailyard-bench-migrate-'));
  await writeFile(path.join(dir, 'ca.pem'), (await Promise.all([sourceMail, targetMail].map((m) => readFile(m.certificateFile, 'utf8')))).join(''));
  const args = [
    ...sidesArgs({ url: sourceServer.url, region: sourceDeps.config.MAILYARD_REGION, organizationId: org.organizationId }, { url: targetServer.url, organizationId: target.organizationId }),
    '--source-imap',
    `imap://127.0.0.1:${sourceMail.imapPort}`,
    '--source-imap-master',
    MASTER.name,
    '--target-imap',
    `imap://127.0.0.1:${targetMail.imapPort}`,
    '--target-imap-master',
    MASTER.name,
  ];
  const env = {
    MAILYARD_TOKEN: token,
    AWS_ACCESS_KEY_ID: tenant.accessKeyId,
    AWS_SECRET_ACCESS_KEY: tenant.secretAccessKey,
    SOURCE_IMAP_MASTER_PASSWORD: MASTER.password,
    MAILYARD_IMAP_MASTER_PASSWORD: MASTER.password,
    NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.pem'),
  };
  const load = () => os.loadavg()[0]!.toFixed(1);
  const loadBefore = load();
  const timed = async () => {
    const t0 = Date.now();
    const run = await runMigrateCli(args, env);
    if (run.code !== 0) throw new Error(`migrate exited ${run.code}:\n${run.stdout}\n${run.stderr}`);
    return { seconds: (Date.now() - t0) / 1000, run };
  };
  log('First run…');
  const first = await timed();
  log('Second run…');
  const second = await timed();
  const loadAfter = load();
  // The progress prints the average rate on its last line of each phase.
  const rate = (label: string) => Number([...first.run.stderr.matchAll(new RegExp(`${label} \\[#+\\] (\\d+)/(\\d+) ([\\d.]+)/s`, 'g'))].at(-1)?.[3] ?? NaN);
  const mailLine = first.run.stdout.match(/Mail \(IMAP\): .*/)?.[0] ?? '';
  const messages = USERS * MESSAGES;
  const report = [
    '## Migration run',
    '',
    `- Run: ${new Date().toISOString()}; ${os.cpus().length} × ${os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}; Node.js ${process.version}; load average (1 min) ${loadBefore} before, ${loadAfter} after, on ${os.cpus().length} cores (other work shared the machine: every figure includes waiting for a core).`,
    `- What: \`mailyard migrate\` in its own process (\`bench/migrate.ts\`, \`pnpm bench:migrate\`), from a Mailyard's /aws and its Dovecot to a second Mailyard and its Dovecot, all on this machine (loopback, one PostgreSQL): ${USERS} enabled users (no password option) and ${messages.toLocaleString('en')} messages (${MESSAGES} a mailbox, one in ten with a 25 KiB attachment), read through a master user on both sides.`,
    '',
    '| | first run (everything) | second run (nothing to do) |',
    '|---|---|---|',
    `| wall clock, whole command | ${first.seconds.toFixed(1)} s | ${second.seconds.toFixed(1)} s |`,
    `| users created (applying the directory's steps) | ${rate('Applying').toFixed(1)} steps/s | — |`,
    `| messages copied | ${rate('Copying mail').toFixed(1)} messages/s | 0 |`,
    `| users migrated per second, whole command | ${(USERS / first.seconds).toFixed(1)} | — |`,
    '',
    `The first run's mail line: \`${mailLine}\``,
    '',
    `Seeding and starting the servers took ${((Date.now() - started) / 1000 - first.seconds - second.seconds).toFixed(0)} s (not measured).`,
  ].join('\n');
  log(report);
  log(`Wrote ${await writeMigrationReport(report)}`);
} finally {
  await Promise.all([sourceServer.close(), targetServer.close(), sourceMail.stop(), targetMail.stop()]);
  await Promise.all([sourceDeps.database.drop(), targetDeps.database.drop()]);
  await dropTemplate();
}
