import { describe, expect, it } from 'vitest';
import { migrationPlanView, StartMigrationInput } from './runs.ts';
import type { MigrationPlan } from './plan.ts';

const valid = {
  organizationId: `m-${'a'.repeat(32)}`,
  sourceOrganizationId: `m-${'b'.repeat(32)}`,
  region: 'eu-west-1',
  accessKeyId: 'AKIAEXAMPLE',
  secretAccessKey: 'secret',
  passwordMode: 'none' as const,
};
const problems = (input: unknown) => {
  const parsed = StartMigrationInput.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('StartMigrationInput (the console\'s Migrate from WorkMail form)', () => {
  it('takes the source, the key and no password option; trims and drops a trailing slash of the endpoint', () => {
    const parsed = StartMigrationInput.parse({ ...valid, endpointUrl: ' https://mailyard.example/aws/ ' });
    expect(parsed).toMatchObject({ endpointUrl: 'https://mailyard.example/aws', passwordsCsv: '', copyMail: false });
  });

  it('wants the CSV of the password option, with its column, and names the bad line', () => {
    expect(problems({ ...valid, passwordMode: 'csv' })).toEqual({ passwordsCsv: 'Choose a CSV with the columns user,password.' });
    expect(problems({ ...valid, passwordMode: 'reset-link', passwordsCsv: 'user,password\nann,x\n' })).toEqual({
      passwordsCsv: 'The header line must name the columns "user" and "recovery_email".',
    });
    expect(problems({ ...valid, passwordMode: 'reset-link', passwordsCsv: 'user,recovery_email\nann,nope\n' })).toEqual({ passwordsCsv: 'Line 2: "nope" is not a valid recovery address.' });
    expect(problems({ ...valid, passwordMode: 'csv', passwordsCsv: 'user,password\nann,Long-Enough-1\n' })).toEqual({});
  });

  it("reads a source without master users (WorkMail) with the mailboxes' passwords from a CSV instead, naming its bad line", () => {
    const mail = { ...valid, copyMail: true, sourceImapUrl: 'imaps://imap.mail.eu-west-1.awsapps.com', targetImapUrl: 'imap://127.0.0.1:143', targetImapMaster: 'm', targetImapMasterPassword: 'p' };
    expect(problems({ ...mail, sourceImapPasswordsCsv: 'user,password\nann,Secret-1\n' })).toEqual({});
    expect(problems({ ...mail, sourceImapPasswordsCsv: 'user,pw\nann,x\n' })).toEqual({ sourceImapPasswordsCsv: 'The header line must name the columns "user" and "password".' });
    expect(problems(mail)).toEqual({ sourceImapMaster: 'Give a master user of the source IMAP server.', sourceImapMasterPassword: 'Give the password of the source master user.' });
  });

  it('wants both IMAP servers and master users to copy mail', () => {
    expect(Object.keys(problems({ ...valid, copyMail: true })).sort()).toEqual(
      ['sourceImapMaster', 'sourceImapMasterPassword', 'sourceImapUrl', 'targetImapMaster', 'targetImapMasterPassword', 'targetImapUrl'].sort(),
    );
    expect(problems({ ...valid, copyMail: true, sourceImapUrl: 'https://imap.example' })).toMatchObject({
      sourceImapUrl: 'Source IMAP server must be imap://host[:port] (STARTTLS) or imaps://host[:port] (TLS).',
    });
  });

  it('names every problem at once, the cross-field ones with the others', () => {
    expect(Object.keys(problems({ ...valid, accessKeyId: '', passwordMode: 'csv', copyMail: true, targetImapUrl: 'imap://dovecot:143' })).sort()).toEqual(
      ['accessKeyId', 'passwordsCsv', 'sourceImapMaster', 'sourceImapMasterPassword', 'sourceImapUrl', 'targetImapMaster', 'targetImapMasterPassword'].sort(),
    );
  });
});

describe('migrationPlanView', () => {
  it('keeps core\'s counts, reasons and lines, and counts what only the target has', () => {
    const plan: MigrationPlan = {
      steps: [
        { kind: 'group.create', name: 'team', hiddenFromGlobalAddressList: false },
        { kind: 'quota.set', name: 'ann', quotaMb: 2048 },
        { kind: 'quota.set', name: 'ben', quotaMb: 2048 },
      ],
      skipped: [
        { subject: 'user x', reason: 'a reason' },
        { subject: 'user y', reason: 'a reason' },
      ],
      unchanged: { users: 2, groups: 0, resources: 0 },
      onlyInTarget: { users: ['local'], groups: [], resources: [] },
      passwords: { sentence: 'Passwords cannot be read from WorkMail.', password: 0, resetLink: 0, none: 0 },
    };
    const view = migrationPlanView(plan, null, ['Plan: …']);
    expect(view).toMatchObject({
      changes: 3,
      counts: [
        { kind: 'group.create', label: 'groups to create', count: 1 },
        { kind: 'quota.set', label: 'mailbox quotas to set', count: 2 },
      ],
      skipped: [{ reason: 'a reason', count: 2, examples: ['user x', 'user y'] }],
      onlyInTarget: { users: 1, groups: 0, resources: 0 },
      mail: null,
      lines: ['Plan: …'],
    });
  });
});
