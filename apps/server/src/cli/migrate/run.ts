import { readFile, writeFile } from 'node:fs/promises';
import { WorkMailClient } from '@aws-sdk/client-workmail';
import {
  cutoverLines,
  describeStep,
  mailLines,
  mailVerificationLines,
  parseCredentialCsv,
  planLines,
  planMigration,
  verificationLines,
  verificationRows,
  type CredentialRows,
  type MailboxReport,
  type OrganizationSnapshot,
  type MigrateCommandInput,
  type MigrationStep,
  type PasswordMode,
} from '@mailyard/core/migration';
import { applyStep } from './apply.ts';
import { createMailyardClient, mailyardError } from './client.ts';
import { copyMail, type MailSettings, type MailUser } from './mail-copy.ts';
import { emptyOrganization, targetOrganization } from './organization.ts';
import { mapConcurrently } from './pool.ts';
import type { Progress } from './progress.ts';
import { readWorkMailOrganization } from './source.ts';
import { readMailyardOrganization } from './target.ts';

/** Steps of one kind are independent of each other; this many run at once (the target batches them). */
const APPLY_CONCURRENCY = 8;

export interface MigrateIo {
  out: (...lines: string[]) => void;
  progress: Progress;
}

interface FailedStep {
  step: string;
  message: string;
}

/** `mailyard migrate`: read both sides, plan, print, and (unless a dry run) apply and verify. Returns the exit status. */
export async function runMigrate(options: MigrateCommandInput, io: MigrateIo): Promise<number> {
  const credentials = await readCredentials(options);
  if (!credentials.ok) return unreadable(io, credentials.message);
  const mail = await readMailSettings(options);
  if (!mail.ok) return unreadable(io, mail.message);
  const source = new WorkMailClient({
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  });
  const target = createMailyardClient({ url: `${options.targetUrl}/trpc`, token: options.token, timeoutMs: 120_000 });

  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  io.progress.note(`Reading WorkMail organization ${options.organizationId}…`);
  const sourceSnapshot = await readWorkMailOrganization(source, options.organizationId, (what) => io.progress.note(`  reading ${what} (${elapsed()})`));
  const organizationId = await targetOrganization(target, { organizationId: options.targetOrganizationId, alias: options.alias, create: !options.dryRun });
  io.progress.note(organizationId ? `Reading Mailyard organization ${organizationId}…` : `The organization ${options.alias} does not exist yet: it will be created.`);
  const targetState = organizationId ? await readMailyardOrganization(target, organizationId) : { snapshot: emptyOrganization, ids: new Map<string, string>() };

  io.progress.note(`Read both organizations in ${elapsed()}.`);
  const planOptions = { passwordMode: credentials.mode, credentials: credentials.rows };
  const plan = planMigration(sourceSnapshot, targetState.snapshot, planOptions);
  io.out(`Plan: WorkMail ${options.organizationId} → Mailyard ${organizationId ?? options.alias} (${options.targetUrl})`);
  for (const line of planLines(plan, { verbose: options.verbose })) io.out(line);
  const mailPlan = mail.settings ? await copyMail(mail.settings, mailUsers(sourceSnapshot, targetState.snapshot), 'plan', io.progress) : null;
  if (mailPlan) io.out('', ...mailLines(mailPlan, 'plan'));
  if (options.dryRun || !organizationId) {
    io.out('', 'Dry run: nothing was changed.');
    await writeReport(options, { plan: summaryOf(plan.steps), skipped: plan.skipped, failed: [], mail: mailPlan, verification: null });
    return 0;
  }

  const failed: FailedStep[] = [];
  let done = 0;
  io.progress.start('Applying', plan.steps.length);
  for (const batch of batchesByKind(plan.steps)) {
    await mapConcurrently(batch, APPLY_CONCURRENCY, async (step) => {
      try {
        await applyStep(target, organizationId, targetState.ids, step);
      } catch (error) {
        failed.push({ step: describeStep(step), message: mailyardError(error)?.message ?? (error as Error).message });
      }
      io.progress.tick(++done);
    });
  }
  io.progress.finish();

  const after = await readMailyardOrganization(target, organizationId);
  io.out('', `Applied ${plan.steps.length - failed.length} of ${plan.steps.length} changes.`);
  if (failed.length > 0) {
    io.out(`Failed (${failed.length}):`);
    for (const f of failed) io.out(`  ${f.step}: ${f.message}`);
  }

  let mailCopied: MailboxReport[] | null = null;
  let mailCheck: MailboxReport[] | null = null;
  if (mail.settings && mailPlan) {
    const users = mailUsers(sourceSnapshot, after.snapshot);
    const toCopy = mailPlan.reduce((n, r) => n + r.copied, 0);
    mailCopied = await copyMail(mail.settings, users, 'run', io.progress, toCopy);
    io.out('', ...mailLines(mailCopied, 'run'));
    mailCheck = await copyMail(mail.settings, users, 'plan', io.progress);
  }

  const remaining = planMigration(sourceSnapshot, after.snapshot, planOptions);
  const rows = verificationRows(sourceSnapshot, after.snapshot);
  for (const line of verificationLines(rows, remaining)) io.out(line);
  if (mailCheck) io.out(...mailVerificationLines(mailCheck));
  const mailRemaining = mailCheck ? mailCheck.reduce((n, r) => n + (r.error === null && r.skipped === null ? r.copied : 0), 0) : null;
  const ownDomains = after.snapshot.domains.filter((d) => !d.isTest);
  const records = await Promise.all(ownDomains.map((d) => target.domains.get.query({ organizationId, domainName: d.name })));
  io.out('', ...cutoverLines(records.map((d) => ({ domain: d.domain, records: d.records })), remaining, mailRemaining));
  await writeReport(options, {
    plan: summaryOf(plan.steps),
    skipped: plan.skipped,
    failed,
    mail: mailCopied,
    verification: { rows, remaining: remaining.steps.length, mail: mailCheck },
  });
  const mailFailed = (mailCopied ?? []).some((r) => r.error !== null);
  return failed.length > 0 || mailFailed ? 1 : 0;
}

/** Every enabled source mailbox, with the address of its twin in the target when that one is enabled. */
function mailUsers(source: OrganizationSnapshot, target: OrganizationSnapshot): MailUser[] {
  const targetUsers = new Map(target.users.map((u) => [u.name.toLowerCase(), u]));
  return source.users
    .filter((u) => u.state === 'ENABLED' && u.role !== 'SYSTEM_USER' && u.email)
    .map((u) => {
      const twin = targetUsers.get(u.name.toLowerCase());
      return { name: u.name, sourceEmail: u.email!, targetEmail: twin?.state === 'ENABLED' ? twin.email : null };
    });
}

/** Consecutive steps of one kind (the plan is sorted by kind), so a kind starts only when the one before is done. */
function batchesByKind(steps: MigrationStep[]): MigrationStep[][] {
  const batches: MigrationStep[][] = [];
  for (const step of steps) {
    const last = batches.at(-1);
    if (last && last[0]!.kind === step.kind) last.push(step);
    else batches.push([step]);
  }
  return batches;
}

const summaryOf = (steps: MigrationStep[]) => steps.map(describeStep);

function unreadable(io: MigrateIo, message: string): number {
  io.out(message);
  return 2;
}

type Read<T> = ({ ok: true } & T) | { ok: false; message: string };

async function readCsv(file: string, column: 'password' | 'recovery_email'): Promise<Read<{ rows: CredentialRows }>> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `${file}: ${(error as Error).message}` };
  }
  const parsed = parseCredentialCsv(content, column);
  return parsed.ok ? parsed : { ok: false, message: `${file}: ${parsed.message}` };
}

async function readCredentials(options: MigrateCommandInput): Promise<Read<{ mode: PasswordMode; rows: CredentialRows }>> {
  const file = options.passwordsCsv ?? options.recoveryCsv;
  if (!file) return { ok: true, mode: 'none', rows: new Map() };
  const read = await readCsv(file, options.passwordsCsv ? 'password' : 'recovery_email');
  return read.ok ? { ...read, mode: options.passwordsCsv ? 'csv' : 'reset-link' } : read;
}

/** The IMAP side, or `settings: null` with --skip-mail. The schema has checked that every part is given. */
async function readMailSettings(options: MigrateCommandInput): Promise<Read<{ settings: MailSettings | null }>> {
  if (options.skipMail) return { ok: true, settings: null };
  const base = {
    sourceUrl: options.sourceImap ?? `imaps://imap.mail.${options.region}.awsapps.com`,
    targetUrl: options.targetImap!,
    targetMaster: { master: options.targetImapMaster!, pass: options.targetImapMasterPassword! },
  };
  if (options.sourceImapMaster) {
    return { ok: true, settings: { ...base, sourceCredentials: { kind: 'master', master: options.sourceImapMaster, pass: options.sourceImapMasterPassword! } } };
  }
  const read = await readCsv(options.sourceImapPasswords!, 'password');
  return read.ok ? { ok: true, settings: { ...base, sourceCredentials: { kind: 'passwords', rows: read.rows } } } : read;
}

async function writeReport(options: MigrateCommandInput, report: object): Promise<void> {
  if (options.report) await writeFile(options.report, `${JSON.stringify({ organizationId: options.organizationId, ...report }, null, 2)}\n`);
}
