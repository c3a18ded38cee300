import type { MigrationReport, MigrationRunSummary } from '@mailyard/core/migration';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** A run in a few words: what its plan holds, or what it did. */
export function runResultText(run: MigrationRunSummary): string {
  if (run.state === 'failed') return `Stopped: ${run.error ?? 'see the server log'}`;
  if (run.report) {
    const { applied, failed, verification } = run.report;
    const rest = verification.remaining === 0 ? 'the target matches the source' : `${plural(verification.remaining, 'change remains', 'changes remain')}`;
    return `${plural(applied, 'change', 'changes')} applied${failed.length > 0 ? `, ${failed.length} failed` : ''}; ${rest}${mailResult(run.report)}`;
  }
  if (run.plan) return run.plan.changes === 0 ? 'Nothing to change' : `${plural(run.plan.changes, 'change', 'changes')} planned, ${plural(run.plan.skipped.reduce((n, s) => n + s.count, 0), 'skip', 'skips')}`;
  return run.error ?? '-';
}

/** A run's mail in a few words: messages copied, and the mailboxes left out or failed (never counted as copied). */
function mailResult({ mail, verification }: MigrationReport): string {
  if (!mail) return '';
  const copied = mail.reduce((n, m) => n + m.copied, 0);
  const unverified = verification.mailUnverified?.length ?? mail.filter((m) => m.skipped !== null || m.error !== null).length;
  return `; ${plural(copied, 'message', 'messages')} copied${unverified > 0 ? `, ${plural(unverified, 'mailbox', 'mailboxes')} not copied nor verified` : ''}`;
}
