import type { WorkMailClient } from '@aws-sdk/client-workmail';
import {
  cutoverLines,
  describeStep,
  mailLines,
  mailVerification,
  mailVerificationLines,
  planLines,
  planMigration,
  verificationLines,
  verificationRows,
  type CredentialRows,
  type MailboxReport,
  type MailVerification,
  type MigrationPlan,
  type MigrationStep,
  type OrganizationSnapshot,
  type PasswordMode,
  type VerificationRow,
} from '@mailyard/core/migration';
import { applyStep } from './apply.ts';
import { mailyardError, type MailyardClient } from './client.ts';
import { copyMail, type MailSettings, type MailUser } from './mail-copy.ts';
import { emptyOrganization, targetOrganization } from './organization.ts';
import { mapConcurrently } from './pool.ts';
import type { Progress } from './progress.ts';
import { readWorkMailOrganization } from './source.ts';
import { readMailyardOrganization } from './target.ts';

/** Steps of one kind are independent of each other; this many run at once (the target batches them). */
const APPLY_CONCURRENCY = 8;

/**
 * Everything a migration needs, already resolved: `mailyard migrate` builds it from its options and files (a WorkMail
 * client on the AWS credential chain, the typed client over HTTP with an API token); the console's job from a run's
 * stored settings (static credentials, the typed client in process acting as the operator who started it).
 */
export interface MigrationSetup {
  source: WorkMailClient;
  sourceOrganizationId: string;
  target: MailyardClient;
  /** How the plan's first line names the target server (its URL, or "this Mailyard"). */
  targetLabel: string;
  targetChoice: { organizationId?: string | undefined; alias?: string | undefined };
  dryRun: boolean;
  verbose: boolean;
  passwords: { mode: PasswordMode; rows: CredentialRows };
  mail: MailSettings | null;
}

export interface MigrateIo {
  out: (...lines: string[]) => void;
  progress: Progress;
  /** Called once the plan is made, before anything is applied (the console stores it for the page). */
  planned?: (plan: MigrationPlan, mail: MailboxReport[] | null, lines: string[]) => Promise<void>;
}

export interface FailedStep {
  step: string;
  message: string;
}

export interface MigrationOutcome {
  /** The target organization; null after a dry run for one still to be created. */
  organizationId: string | null;
  plan: MigrationPlan;
  mailPlan: MailboxReport[] | null;
  /** Null for a dry run. */
  applied: {
    failed: FailedStep[];
    mail: MailboxReport[] | null;
    verification: { rows: VerificationRow[]; remaining: MigrationPlan; mail: MailboxReport[] | null; mailVerified: MailVerification | null };
    /** The verification and mail lines as printed, then the cut-over checklist's. */
    lines: string[];
    cutover: string[];
  } | null;
}

/**
 * The migration itself, shared by `mailyard migrate` and the console's job: read both sides, plan, report the plan,
 * and (unless a dry run) apply it step by step through the typed client, copy the mail, verify, and end with the
 * cut-over checklist. Everything said goes through `io.out`; the progress through `io.progress`.
 */
export async function migrate(setup: MigrationSetup, io: MigrateIo): Promise<MigrationOutcome> {
  const { source, target, mail } = setup;
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  io.progress.note(`Reading WorkMail organization ${setup.sourceOrganizationId}…`);
  const sourceSnapshot = await readWorkMailOrganization(source, setup.sourceOrganizationId, (what) => io.progress.note(`  reading ${what} (${elapsed()})`));
  const organizationId = await targetOrganization(target, { ...setup.targetChoice, create: !setup.dryRun });
  io.progress.note(organizationId ? `Reading Mailyard organization ${organizationId}…` : `The organization ${setup.targetChoice.alias} does not exist yet: it will be created.`);
  const targetState = organizationId ? await readMailyardOrganization(target, organizationId) : { snapshot: emptyOrganization, ids: new Map<string, string>() };

  io.progress.note(`Read both organizations in ${elapsed()}.`);
  const planOptions = { passwordMode: setup.passwords.mode, credentials: setup.passwords.rows };
  const plan = planMigration(sourceSnapshot, targetState.snapshot, planOptions);
  const lines = [
    `Plan: WorkMail ${setup.sourceOrganizationId} → Mailyard ${organizationId ?? setup.targetChoice.alias} (${setup.targetLabel})`,
    ...planLines(plan, { verbose: setup.verbose }),
  ];
  io.out(...lines);
  const mailPlan = mail ? await copyMail(mail, mailUsers(sourceSnapshot, targetState.snapshot), 'plan', io.progress) : null;
  if (mailPlan) {
    const more = ['', ...mailLines(mailPlan, 'plan')];
    io.out(...more);
    lines.push(...more);
  }
  await io.planned?.(plan, mailPlan, lines);
  if (setup.dryRun || !organizationId) {
    io.out('', 'Dry run: nothing was changed.');
    return { organizationId, plan, mailPlan, applied: null };
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

  const report: string[] = [];
  let mailCopied: MailboxReport[] | null = null;
  let mailCheck: MailboxReport[] | null = null;
  if (mail && mailPlan) {
    const users = mailUsers(sourceSnapshot, after.snapshot);
    const toCopy = mailPlan.reduce((n, r) => n + r.copied, 0);
    mailCopied = await copyMail(mail, users, 'run', io.progress, toCopy);
    report.push('', ...mailLines(mailCopied, 'run'));
    mailCheck = await copyMail(mail, users, 'plan', io.progress);
  }

  const remaining = planMigration(sourceSnapshot, after.snapshot, planOptions);
  const rows = verificationRows(sourceSnapshot, after.snapshot);
  report.push(...verificationLines(rows, remaining));
  if (mailCheck) report.push(...mailVerificationLines(mailCheck));
  const mailVerified = mailCheck ? mailVerification(mailCheck) : null;
  const ownDomains = after.snapshot.domains.filter((d) => !d.isTest);
  const records = await Promise.all(ownDomains.map((d) => target.domains.get.query({ organizationId, domainName: d.name })));
  const cutover = cutoverLines(
    records.map((d) => ({ domain: d.domain, records: d.records })),
    remaining,
    mailVerified,
  );
  io.out(...report, '', ...cutover);
  return {
    organizationId,
    plan,
    mailPlan,
    applied: { failed, mail: mailCopied, verification: { rows, remaining, mail: mailCheck, mailVerified }, lines: report, cutover },
  };
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

export const stepSummary = (steps: MigrationStep[]) => steps.map(describeStep);
