import { readFile, writeFile } from 'node:fs/promises';
import { WorkMailClient } from '@aws-sdk/client-workmail';
import { credentialColumnOf, parseCredentialCsv, type CredentialColumn, type CredentialRows, type MigrateCommandInput, type PasswordMode } from '@mailyard/core/migration';
import { createMailyardClient } from '../../services/migration/engine/client.ts';
import { migrate, stepSummary, type MigrateIo } from '../../services/migration/engine/engine.ts';
import type { MailSettings } from '../../services/migration/engine/mail-copy.ts';

export type { MigrateIo } from '../../services/migration/engine/engine.ts';

/** `mailyard migrate`: the options' files read, both sides' clients made, then the shared migration. Returns the exit status. */
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
  const outcome = await migrate(
    {
      source,
      sourceOrganizationId: options.organizationId,
      target,
      targetLabel: options.targetUrl,
      targetChoice: { organizationId: options.targetOrganizationId, alias: options.alias },
      dryRun: options.dryRun,
      verbose: options.verbose,
      passwords: { mode: credentials.mode, rows: credentials.rows },
      mail: mail.settings,
    },
    io,
  );
  const { plan, mailPlan, applied } = outcome;
  if (!applied) {
    await writeReport(options, { plan: stepSummary(plan.steps), skipped: plan.skipped, failed: [], mail: mailPlan, verification: null });
    return 0;
  }
  const { rows, remaining, mail: mailCheck } = applied.verification;
  await writeReport(options, {
    plan: stepSummary(plan.steps),
    skipped: plan.skipped,
    failed: applied.failed,
    mail: applied.mail,
    verification: { rows, remaining: remaining.steps.length, mail: mailCheck },
  });
  const mailFailed = (applied.mail ?? []).some((r) => r.error !== null);
  return applied.failed.length > 0 || mailFailed ? 1 : 0;
}

function unreadable(io: MigrateIo, message: string): number {
  io.out(message);
  return 2;
}

type Read<T> = ({ ok: true } & T) | { ok: false; message: string };

async function readCsv(file: string, column: CredentialColumn): Promise<Read<{ rows: CredentialRows }>> {
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
  const mode = options.passwordsCsv ? 'csv' : 'reset-link';
  const read = await readCsv(file, credentialColumnOf(mode));
  return read.ok ? { ...read, mode } : read;
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
  return read.ok ? { ok: true, settings: { ...base, sourceCredentials: { kind: 'passwords', rows: read.rows, from: '--source-imap-passwords' } } } : read;
}

async function writeReport(options: MigrateCommandInput, report: object): Promise<void> {
  if (options.report) await writeFile(options.report, `${JSON.stringify({ organizationId: options.organizationId, ...report }, null, 2)}\n`);
}
