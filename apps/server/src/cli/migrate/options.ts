import { parseArgs } from 'node:util';
import { MigrateCommandInput } from '@mailyard/core/migration';

export const MIGRATE_HELP = `Usage: mailyard migrate [options]

Brings an Amazon WorkMail organization into a Mailyard organization: domains, users (display name, personal
details, state, role), groups and their members (nested too), aliases, mailbox quotas and mailbox permissions.
It plans first: what it will create, change and skip, and why. Run it again at any time: it applies only what
changed in the source since (a sync until cut-over), and a run that was stopped continues where it stopped.

Source (WorkMail, read with @aws-sdk/client-workmail and the standard AWS credential chain):
  --organization-id ID          WorkMail organization id (m-…)                                      [required]
  --region REGION               AWS region of the organization (else AWS_REGION or the profile's region)
  --endpoint-url URL            WorkMail API endpoint (else AWS's for the region); any WorkMail-compatible
                                endpoint works, such as another Mailyard's http://host:port/aws
  --profile NAME                AWS profile of ~/.aws/config and ~/.aws/credentials (else AWS_PROFILE, then
                                the default chain: environment, SSO, instance role …)

Target (Mailyard, through its typed API with an API token in MAILYARD_TOKEN, read-write):
  --target-url URL              Mailyard's base URL, e.g. http://127.0.0.1:3000                    [required]
  --target-organization-id ID   the Mailyard organization to fill (m-…)
  --alias ALIAS                 or: the organization with this alias, created if there is none
                                (give exactly one of the two)

Passwords (WorkMail never gives out passwords; the plan says which option applies to how many users):
  --passwords-csv FILE          new users get the password of their row: columns user,password
  --recovery-csv FILE           new users get a one-time reset link (valid 72 hours) mailed to the address of
                                their row: columns user,recovery_email
                                (neither: new users get no password; their mail arrives, but nobody signs in
                                until an operator sets a password or issues a reset link)
                                "user" is the user name or its WorkMail address.

Mail (copied over IMAP, folder by folder, with flags and dates; never twice: a message is in the target when a
message with the same Message-ID and size is, so a run continues where the last one stopped):
  --source-imap URL             the source IMAP server, imaps://host[:port] or imap://host[:port] (STARTTLS)
                                (default with --region: WorkMail's imaps://imap.mail.REGION.awsapps.com)
  --source-imap-passwords FILE  each user's source password: columns user,password (WorkMail has no admin login
                                to mailboxes, so this is how to read WorkMail's)
  --source-imap-master NAME     or: a master (admin) user of the source server, password in
                                SOURCE_IMAP_MASTER_PASSWORD; signs in as each user by SASL PLAIN's
                                authorization identity (Dovecot master users, Cyrus/Stalwart admins …)
  --target-imap URL             Mailyard's Dovecot, imap://host:143 or imaps://host:993
  --target-imap-master NAME     its master user (docs/deployment.md), password in MAILYARD_IMAP_MASTER_PASSWORD
  --skip-mail                   move the directory only

Run:
  --dry-run                     print the plan and change nothing
  --verbose                     also print every step of the plan
  --report FILE                 write the plan, the outcome of each failed step and the verification as JSON
  -h, --help                    this text

Exit status: 0 done (or planned), 1 some steps failed (listed; run again once fixed), 2 bad options.`;

export type ParsedMigrateOptions = { ok: true; options: MigrateCommandInput } | { ok: false; help: true } | { ok: false; help: false; problems: string[] };

/** The command line and MAILYARD_TOKEN, checked by core's schema; each problem names its option. */
export function parseMigrateOptions(argv: string[], env: NodeJS.ProcessEnv): ParsedMigrateOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        'organization-id': { type: 'string' },
        region: { type: 'string' },
        'endpoint-url': { type: 'string' },
        profile: { type: 'string' },
        'target-url': { type: 'string' },
        'target-organization-id': { type: 'string' },
        alias: { type: 'string' },
        'passwords-csv': { type: 'string' },
        'recovery-csv': { type: 'string' },
        'dry-run': { type: 'boolean' },
        verbose: { type: 'boolean' },
        report: { type: 'string' },
        'skip-mail': { type: 'boolean' },
        'source-imap': { type: 'string' },
        'source-imap-passwords': { type: 'string' },
        'source-imap-master': { type: 'string' },
        'target-imap': { type: 'string' },
        'target-imap-master': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { ok: false, help: false, problems: [(error as Error).message] };
  }
  if (values.help) return { ok: false, help: true };
  const parsed = MigrateCommandInput.safeParse({
    organizationId: values['organization-id'],
    region: values.region,
    endpointUrl: values['endpoint-url'],
    profile: values.profile,
    targetUrl: values['target-url'],
    token: env.MAILYARD_TOKEN ?? '',
    targetOrganizationId: values['target-organization-id'],
    alias: values.alias,
    passwordsCsv: values['passwords-csv'],
    recoveryCsv: values['recovery-csv'],
    dryRun: values['dry-run'] ?? false,
    verbose: values.verbose ?? false,
    report: values.report,
    skipMail: values['skip-mail'] ?? false,
    sourceImap: values['source-imap'],
    sourceImapPasswords: values['source-imap-passwords'],
    sourceImapMaster: values['source-imap-master'],
    sourceImapMasterPassword: env.SOURCE_IMAP_MASTER_PASSWORD,
    targetImap: values['target-imap'],
    targetImapMaster: values['target-imap-master'],
    targetImapMasterPassword: env.MAILYARD_IMAP_MASTER_PASSWORD,
  });
  if (parsed.success) return { ok: true, options: parsed.data };
  const flag = (path: PropertyKey[]) => (path[0] === 'token' ? 'MAILYARD_TOKEN' : `--${String(path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  return {
    ok: false,
    help: false,
    problems: parsed.error.issues.map((i) => (/^(--|Give |[A-Z_]{8,} )/.test(i.message) ? i.message : `${flag(i.path)}: ${i.message}`)),
  };
}
