import { useQuery } from '@tanstack/react-query';
import { Section } from '../components/Section.tsx';
import { errorInfo } from '../lib/errors.ts';
import { formatDateTime, formatMb } from '../lib/format.ts';
import { useTRPC } from '../lib/trpc.ts';

/** How full the mailbox is; from 90 % the bar and a sentence say so. */
export function MailboxSection() {
  const trpc = useTRPC();
  const mailbox = useQuery(trpc.portal.mailbox.queryOptions());
  const m = mailbox.data;
  return (
    <Section id="mailbox" title="Mailbox">
      {mailbox.isPending ? (
        <p role="status">Loading…</p>
      ) : mailbox.error ? (
        <p className="message message-error">{errorInfo(mailbox.error).message}</p>
      ) : !m ? (
        <p>You have no mailbox yet.</p>
      ) : (
        <>
          <p className="usage-text">
            <strong>{formatMb(m.usageMb)}</strong> of {formatMb(m.quotaMb)} used ({m.usagePercent}&nbsp;%)
          </p>
          <div
            className={`usage usage-${m.usageState}`}
            role="meter"
            aria-label="Mailbox usage"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.min(m.usagePercent, 100)}
            aria-valuetext={`${m.usagePercent} % of ${formatMb(m.quotaMb)}`}
          >
            <div className="usage-bar" style={{ width: `${Math.min(m.usagePercent, 100)}%` }} />
            <div className="usage-mark" style={{ left: `${m.warningPercent}%` }} aria-hidden="true" />
          </div>
          {m.usageState === 'full' ? (
            <p className="message message-error">Your mailbox is full: new mail to you is refused. Delete messages you no longer need, or ask your administrator for more space.</p>
          ) : m.usageState === 'warning' ? (
            <p className="message message-warning">Your mailbox is almost full (over {m.warningPercent}&nbsp;%). Delete messages you no longer need, or ask your administrator for more space.</p>
          ) : null}
          <p className="muted small">Last measured {formatDateTime(m.usageReportedAt)}.</p>
        </>
      )}
    </Section>
  );
}
