import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { skipToken, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_QUOTA_MB, MIN_QUOTA_MB, quotaBytes, QUOTA_WARNING_PERCENT, quotaChangeRefusal, type MailboxView } from '@mailyard/core/mailboxes';
import type { UserDetail } from '@mailyard/core/users';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { formatBytes, formatMb } from './format.ts';
import { QuotaModal } from './QuotaModal.tsx';

/** The Quota tab: the mailbox's usage against its quota (1–51,200 MB), the 90 % warning, and Edit. */
export function UserQuotaTab({ organizationId, user }: { organizationId: string; user: UserDetail }) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const hasMailbox = user.mailbox !== null && user.mailbox.deletedAt === null;
  const mailbox = useQuery(trpc.mailboxes.get.queryOptions(hasMailbox ? { organizationId, userId: user.id } : skipToken));
  const refusal = quotaChangeRefusal(user);

  const header = (
    <Header
      variant="h2"
      description={`Quotas range from ${formatMb(MIN_QUOTA_MB)} to ${formatMb(MAX_QUOTA_MB)} (50 GB). The user is notified by email when the mailbox reaches ${QUOTA_WARNING_PERCENT} % of its quota.`}
      actions={
        <Button ariaLabel="Edit mailbox quota" disabled={!mailbox.data || Boolean(refusal)} disabledReason={refusal?.message} onClick={() => setEditing(true)}>
          Edit
        </Button>
      }
    >
      Mailbox quota
    </Header>
  );

  if (!hasMailbox) {
    return (
      <Container header={header}>
        <TableEmptyState
          title="No mailbox"
          subtitle={user.mailbox?.deletedAt ? 'The mailbox of this user was deleted.' : 'The user gets a mailbox when it is enabled.'}
        />
      </Container>
    );
  }
  if (mailbox.isError) return <ErrorAlert header="The mailbox could not be loaded" error={mailbox.error} onRetry={() => void mailbox.refetch()} />;

  return (
    <Container header={header}>
      {mailbox.data ? <Usage mailbox={mailbox.data} /> : <StatusIndicator type="loading">Loading mailbox</StatusIndicator>}
      {editing && mailbox.data && <QuotaModal organizationId={organizationId} user={user} quotaMb={mailbox.data.quotaMb} onClose={() => setEditing(false)} />}
    </Container>
  );
}

function Usage({ mailbox }: { mailbox: MailboxView }) {
  const percent = Math.min(100, (mailbox.usageBytes / quotaBytes(mailbox.quotaMb)) * 100);
  return (
    <SpaceBetween size="l">
      <ProgressBar
        label="Mailbox usage"
        value={percent}
        description={`${formatBytes(mailbox.usageBytes)} of ${formatMb(mailbox.quotaMb)} used`}
        additionalInfo={
          mailbox.usageState === 'full' ? (
            <StatusIndicator type="error">The mailbox is full: new mail to this user is refused.</StatusIndicator>
          ) : mailbox.usageState === 'warning' ? (
            <StatusIndicator type="warning">
              Over {QUOTA_WARNING_PERCENT} % of the quota is used.
              {mailbox.quotaWarningSentAt ? ` The user was notified on ${formatDateTime(mailbox.quotaWarningSentAt)}.` : ''}
            </StatusIndicator>
          ) : (
            <StatusIndicator type="success">Below the {QUOTA_WARNING_PERCENT} % warning level.</StatusIndicator>
          )
        }
      />
      <KeyValuePairs
        columns={4}
        items={[
          { label: 'Mailbox quota', value: formatMb(mailbox.quotaMb) },
          { label: 'Usage', value: `${formatBytes(mailbox.usageBytes)} (${percent < 1 && percent > 0 ? '< 1' : Math.floor(percent)} %)` },
          { label: 'Usage reported', value: mailbox.usageReportedAt ? formatDateTime(mailbox.usageReportedAt) : 'Not reported by the mail server yet' },
          { label: `${QUOTA_WARNING_PERCENT} % notice`, value: mailbox.quotaWarningSentAt ? `Sent ${formatDateTime(mailbox.quotaWarningSentAt)}` : 'Not sent' },
        ]}
      />
      {mailbox.deletionDueAt && (
        <Box color="text-status-warning">The user is disabled: this mailbox will be deleted on {formatDateTime(mailbox.deletionDueAt)}.</Box>
      )}
    </SpaceBetween>
  );
}
