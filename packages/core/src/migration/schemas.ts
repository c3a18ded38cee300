import { z } from 'zod';
import { emailAddressSchema } from '../addresses/address.ts';
import { organizationAlias } from '../organizations/alias.ts';
import { organizationId } from '../organizations/ids.ts';
import { text } from '../text/well-formed.ts';
import { passwordSchema } from '../passwords/policy.ts';
import { assignableRoles } from '../users/roles.ts';
import { displayNameSchema, optionalUserDetailsFields } from '../users/attributes.ts';
import { newUserNameSchema } from '../users/names.ts';


/**
 * A user brought over from WorkMail, whole in one call: every attribute, the role, the state (enabled with its
 * primary address, or disabled: `email` null) and, as the operator chose, a password, a recovery address that gets
 * a one-time reset link, or neither (no sign-in until an operator sets one).
 */
export const CreateMigratedUserInput = z
  .object({
    organizationId,
    name: newUserNameSchema,
    displayName: displayNameSchema,
    ...optionalUserDetailsFields,
    hiddenFromGlobalAddressList: z.boolean().default(false),
    role: z.enum(assignableRoles, 'Role must be USER or REMOTE_USER.').default('USER'),
    email: emailAddressSchema.nullable(),
    password: passwordSchema.optional(),
    recoveryAddress: emailAddressSchema.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.password !== undefined && input.recoveryAddress !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['recoveryAddress'], message: 'Give a password or a recovery address, not both.' });
    }
    if (input.recoveryAddress !== undefined && input.email === null) {
      ctx.addIssue({ code: 'custom', path: ['recoveryAddress'], message: 'A disabled user cannot be sent a reset link: give it an email address.' });
    }
  });
export type CreateMigratedUserInput = z.infer<typeof CreateMigratedUserInput>;

export const httpUrl = (label: string) =>
  text()
    .trim()
    .refine((v) => /^https?:\/\/[^\s/]+/i.test(v), `${label} must be an http:// or https:// URL.`)
    .transform((v) => v.replace(/\/+$/, ''));
const filePath = (label: string) => text().trim().min(1, `${label} must name a file.`);
export const imapUrl = (label: string) =>
  text()
    .trim()
    .refine((v) => /^imaps?:\/\/[^\s/:]+(:\d{1,5})?\/?$/i.test(v), `${label} must be imap://host[:port] (STARTTLS) or imaps://host[:port] (TLS).`)
    .transform((v) => v.replace(/\/+$/, ''));
export const loginName = (label: string) => text().trim().min(1, `${label} must not be empty.`);

/**
 * `mailyard migrate`'s options, checked before anything is read: the source (WorkMail: organization, region or
 * endpoint, profile), the target (a Mailyard URL and its organization, by id or by an alias created if missing),
 * the password option (at most one CSV), and how to run.
 */
export const MigrateCommandInput = z
  .object({
    organizationId: organizationId,
    region: text().trim().min(1, '--region must not be empty.').optional(),
    endpointUrl: httpUrl('--endpoint-url').optional(),
    profile: text().trim().min(1, '--profile must not be empty.').optional(),
    targetUrl: httpUrl('--target-url'),
    token: text().min(1, 'MAILYARD_TOKEN must hold an API token of the target Mailyard (read-write).'),
    targetOrganizationId: organizationId.optional(),
    alias: organizationAlias.optional(),
    passwordsCsv: filePath('--passwords-csv').optional(),
    recoveryCsv: filePath('--recovery-csv').optional(),
    dryRun: z.boolean().default(false),
    verbose: z.boolean().default(false),
    report: filePath('--report').optional(),
    skipMail: z.boolean().default(false),
    sourceImap: imapUrl('--source-imap').optional(),
    sourceImapPasswords: filePath('--source-imap-passwords').optional(),
    sourceImapMaster: loginName('--source-imap-master').optional(),
    sourceImapMasterPassword: text().optional(),
    targetImap: imapUrl('--target-imap').optional(),
    targetImapMaster: loginName('--target-imap-master').optional(),
    targetImapMasterPassword: text().optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.targetOrganizationId === undefined) === (input.alias === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['targetOrganizationId'], message: 'Give --target-organization-id or --alias (exactly one).' });
    }
    if (input.passwordsCsv !== undefined && input.recoveryCsv !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['recoveryCsv'], message: 'Give --passwords-csv or --recovery-csv, not both.' });
    }
    if (input.skipMail) return;
    const mail = (message: string, path: string) => ctx.addIssue({ code: 'custom', path: [path], message: `${message} (or --skip-mail).` });
    if (input.sourceImap === undefined && input.region === undefined) mail('--source-imap: give the source IMAP server, or --region for WorkMail\'s', 'sourceImap');
    if ((input.sourceImapPasswords === undefined) === (input.sourceImapMaster === undefined)) {
      mail('Give --source-imap-passwords or --source-imap-master (exactly one) to sign in to the source mailboxes', 'sourceImapPasswords');
    }
    if (input.sourceImapMaster !== undefined && !input.sourceImapMasterPassword) mail('SOURCE_IMAP_MASTER_PASSWORD must hold the password of --source-imap-master', 'sourceImapMasterPassword');
    if (input.targetImap === undefined) mail("--target-imap: give the target's IMAP server (Mailyard's Dovecot)", 'targetImap');
    if (input.targetImapMaster === undefined) mail("--target-imap-master: give the master user of the target's Dovecot", 'targetImapMaster');
    else if (!input.targetImapMasterPassword) mail('MAILYARD_IMAP_MASTER_PASSWORD must hold the password of --target-imap-master', 'targetImapMasterPassword');
  });
export type MigrateCommandInput = z.infer<typeof MigrateCommandInput>;
