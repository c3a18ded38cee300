import { z } from 'zod';
import { organizationId } from '../organizations/ids.ts';
import { pageInput } from '../pagination/cursor.ts';
import { text } from '../text/well-formed.ts';
import type { MailboxReport } from './mail.ts';
import { credentialColumnOf, parseCredentialCsv, passwordModes } from './passwords.ts';
import type { MigrationPlan } from './plan.ts';
import { httpUrl, imapUrl, loginName } from './schemas.ts';
import { skipReasons, stepCounts } from './summary.ts';
import type { VerificationRow } from './verify.ts';

/**
 * The console's *Migrate from WorkMail*: the same migration as `mailyard migrate`, run by a server job into the
 * organization whose page starts it. A run plans (a dry run) and stops; *Migrate* applies it; *Plan again* starts a
 * new run with the same settings, which finds only what changed since (a sync until cut-over).
 */
export const migrationRunStates = ['planning', 'planned', 'applying', 'done', 'failed'] as const;
export type MigrationRunState = (typeof migrationRunStates)[number];

export const migrationRunStateLabels: Record<MigrationRunState, string> = {
  planning: 'Planning',
  planned: 'Planned',
  applying: 'Migrating',
  done: 'Completed',
  failed: 'Failed',
};

/** A run still working: one at a time per organization. */
export const isMigrationRunActive = (state: MigrationRunState) => state === 'planning' || state === 'applying';

/** The largest passwords or recovery CSV the form takes (about 20,000 rows). */
export const MAX_MIGRATION_CSV_BYTES = 1024 * 1024;

const secret = (label: string) => text().min(1, `${label} is required.`).max(1024, `${label} must be at most 1024 characters.`);

/**
 * The console's form: where WorkMail is (an endpoint URL, or AWS's for the region) and an access key to read it, the
 * organization to read, the password option with its CSV (as text: the browser reads the file), and the mailbox copy
 * (or none): the target through its master user, the source through its master user or each mailbox's own password from
 * a CSV (WorkMail has no master users). Secrets are sealed by the server and never shown again.
 */
export const StartMigrationInput = z
  .object({
    organizationId,
    sourceOrganizationId: organizationId,
    region: text().trim().min(1, 'Region is required (with an endpoint URL: the region its signatures name).').max(64, 'Region must be at most 64 characters.'),
    endpointUrl: httpUrl('Endpoint URL').optional(),
    accessKeyId: text().trim().min(1, 'Access key id is required.').max(128, 'Access key id must be at most 128 characters.'),
    secretAccessKey: secret('Secret access key'),
    passwordMode: z.enum(passwordModes),
    passwordsCsv: text().max(MAX_MIGRATION_CSV_BYTES, 'The CSV must be at most 1 MB.').default(''),
    copyMail: z.boolean().default(false),
    sourceImapUrl: imapUrl('Source IMAP server').optional(),
    sourceImapMaster: loginName('Source master user').optional(),
    sourceImapMasterPassword: text().max(1024).optional(),
    /** The source's per-mailbox passwords (`user,password`), for a source without master users: Amazon WorkMail. */
    sourceImapPasswordsCsv: text().max(MAX_MIGRATION_CSV_BYTES, 'The CSV must be at most 1 MB.').optional(),
    targetImapUrl: imapUrl('Target IMAP server').optional(),
    targetImapMaster: loginName('Target master user').optional(),
    targetImapMasterPassword: text().max(1024).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.passwordMode !== 'none') {
      const column = credentialColumnOf(input.passwordMode);
      const csv = typeof input.passwordsCsv === 'string' ? input.passwordsCsv : '';
      const parsed = csv.trim() === '' ? { ok: false as const, message: `Choose a CSV with the columns user,${column}.` } : parseCredentialCsv(csv, column);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['passwordsCsv'], message: parsed.message });
    }
    if (!input.copyMail) return;
    const need = (value: string | undefined, path: string, message: string) => {
      if (!value) ctx.addIssue({ code: 'custom', path: [path], message });
    };
    need(input.sourceImapUrl, 'sourceImapUrl', 'Give the source IMAP server (WorkMail: imaps://imap.mail.REGION.awsapps.com).');
    // WorkMail has no master users: its mailboxes are read with their own passwords, from a CSV.
    const passwordsCsv = typeof input.sourceImapPasswordsCsv === 'string' ? input.sourceImapPasswordsCsv : '';
    if (passwordsCsv.trim() !== '' && !input.sourceImapMaster) {
      const parsed = parseCredentialCsv(passwordsCsv, 'password');
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['sourceImapPasswordsCsv'], message: parsed.message });
    } else {
      need(input.sourceImapMaster, 'sourceImapMaster', 'Give a master user of the source IMAP server.');
      need(input.sourceImapMasterPassword, 'sourceImapMasterPassword', 'Give the password of the source master user.');
    }
    need(input.targetImapUrl, 'targetImapUrl', "Give the target's IMAP server (Mailyard's Dovecot).");
    need(input.targetImapMaster, 'targetImapMaster', "Give the master user of the target's Dovecot.");
    need(input.targetImapMasterPassword, 'targetImapMasterPassword', 'Give the password of the target master user.');
  }, {
    // Also when other fields are wrong, so the form names every problem at once.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });
export type StartMigrationInput = z.infer<typeof StartMigrationInput>;

export const migrationRunId = z.guid('Migration run id must be a UUID.').transform((id) => id.toLowerCase());
export const MigrationRunRef = z.object({ organizationId, runId: migrationRunId });
export type MigrationRunRef = z.infer<typeof MigrationRunRef>;

export const ListMigrationRunsInput = z.object({ organizationId, ...pageInput });
export type ListMigrationRunsInput = z.infer<typeof ListMigrationRunsInput>;

/** A run's settings as the console shows them again: everything but the secrets (and the CSV, of which the row count). */
export interface MigrationSettings {
  sourceOrganizationId: string;
  region: string;
  endpointUrl: string | null;
  accessKeyId: string;
  passwordMode: (typeof passwordModes)[number];
  csvRows: number;
  copyMail: boolean;
  sourceImapUrl: string | null;
  sourceImapMaster: string | null;
  /** Rows of the source's passwords CSV (0 without one; the source is then read as its master user). */
  sourceImapPasswordRows?: number;
  targetImapUrl: string | null;
  targetImapMaster: string | null;
}

/** Where a run is: the phase (`Reading organizations`, `Applying`, `Copying mail` …) and its count. */
export interface MigrationProgress {
  phase: string;
  done: number;
  total: number;
}

/** The plan as the console shows it: core's counts, skip reasons, password sentence, and the plan's own lines. */
export interface MigrationPlanView {
  changes: number;
  counts: { kind: string; label: string; count: number }[];
  skipped: { reason: string; count: number; examples: string[] }[];
  unchanged: { users: number; groups: number; resources: number };
  onlyInTarget: { users: number; groups: number; resources: number };
  passwords: { sentence: string; password: number; resetLink: number; none: number };
  /** Mailboxes to copy (null: mail skipped). */
  mail: MailboxReport[] | null;
  /** The plan exactly as `mailyard migrate` prints it (plan and mail lines). */
  lines: string[];
}

/** What a run that applied did, and what the verification found after it. */
export interface MigrationReport {
  applied: number;
  failed: { step: string; message: string }[];
  mail: MailboxReport[] | null;
  /**
   * `mailRemaining`: messages still to copy in the mailboxes verified; `mailUnverified`: the mailboxes left out or
   * failed, of which nothing is known (both null when mail was skipped).
   */
  verification: { rows: VerificationRow[]; remaining: number; mailRemaining: number | null; mailUnverified: string[] | null };
  /** The verification, mail and cut-over checklist exactly as the command prints them. */
  lines: string[];
  cutover: string[];
}

export interface MigrationRunSummary {
  id: string;
  state: MigrationRunState;
  settings: MigrationSettings;
  progress: MigrationProgress | null;
  plan: MigrationPlanView | null;
  report: MigrationReport | null;
  /** Why the run stopped (failed), or the last attempt's error while the job retries. */
  error: string | null;
  createdBy: string;
  createdAt: Date;
  finishedAt: Date | null;
}

/** The plan as a run stores it for the console: core's counts and reasons beside the lines the command prints. */
export function migrationPlanView(plan: MigrationPlan, mail: MailboxReport[] | null, lines: string[]): MigrationPlanView {
  const only = plan.onlyInTarget;
  return {
    changes: plan.steps.length,
    counts: stepCounts(plan),
    skipped: skipReasons(plan),
    unchanged: plan.unchanged,
    onlyInTarget: { users: only.users.length, groups: only.groups.length, resources: only.resources.length },
    passwords: plan.passwords,
    mail,
    lines,
  };
}
