import type { DnsRecord } from '../mail-domains/records.ts';
import type { MailVerification } from './mail.ts';
import type { MigrationPlan } from './plan.ts';

/**
 * What WorkMail has that this command does not move into Mailyard (yet): the operator plans for each before
 * switching the MX records.
 */
export const staysBehind: readonly string[] = [
  'calendars, contacts and tasks (not IMAP data)',
  "resources' calendars (the bookings made; the resources, their booking options and delegates move)",
  'email flow rules, journaling, retention policies and mobile device access rules',
  'groups inside groups (Mailyard\'s built-in directory does not nest them): listed under "Skipped"',
  'passwords (WorkMail never gives them out): see "Passwords" above',
];

/**
 * The cut-over checklist: the DNS records to publish (from each domain's page), what stays behind, and the last
 * step. `mail`: what the verification found of the mail, or null when mail was skipped. Every message is ticked off
 * only when every mailbox was verified: one left out or failed holds messages nobody counted.
 */
export function cutoverLines(domains: { domain: string; records: DnsRecord[] }[], plan: Pick<MigrationPlan, 'steps'>, mail: MailVerification | null): string[] {
  const lines = ['Cut-over checklist:'];
  lines.push(plan.steps.length === 0 ? '  [x] the target matches the source (run again right before switching)' : '  [ ] run again until the plan has no steps');
  if (mail === null) lines.push('  [ ] copy the mailboxes (run without --skip-mail): mail, folders and flags stay in WorkMail until then');
  else if (mail.remaining === 0 && mail.unverified.length === 0) {
    lines.push('  [x] every source message is in the target (run again right after switching MX: what reached WorkMail meanwhile follows)');
  } else {
    if (mail.remaining > 0) lines.push(`  [ ] ${mail.remaining} messages still to copy: run again`);
    if (mail.unverified.length > 0) {
      const some = mail.unverified.slice(0, 5).join(', ') + (mail.unverified.length > 5 ? ', …' : '');
      lines.push(`  [ ] ${mail.unverified.length} mailboxes not copied nor verified (${some}): see why above, fix it and run again`);
    }
  }
  for (const d of domains) {
    lines.push(`  [ ] publish the records of ${d.domain} (replacing WorkMail's MX, SPF, DKIM and autodiscover):`);
    for (const r of d.records) lines.push(`        ${r.type.padEnd(5)} ${r.hostname}  ${r.value}`);
  }
  lines.push('  Stays behind in WorkMail:', ...staysBehind.map((s) => `    - ${s}`));
  return lines;
}
