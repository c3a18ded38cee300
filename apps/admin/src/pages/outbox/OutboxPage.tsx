import Link from '@cloudscape-design/components/link';
import type { TableProps } from '@cloudscape-design/components/table';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import type { OutboxEntry } from '@mailyard/core/notices';
import { followWhile, KeysetListPage } from '../../components/KeysetListPage.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { TruncatedText } from '../../components/TruncatedText.tsx';
import { formatDateTimeShort } from '../../lib/format.ts';
import { href } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { NoticeModal } from './NoticeModal.tsx';
import { kindLabel, OutboxStatus } from './status.tsx';

const PAGE_SIZE = 50;
const POLL_MS = 2000;

/**
 * The notices Mailyard sent to this organization's users (quota warnings, reset links, recovery codes). Without an
 * SMTP relay (SMTP_URL) they are kept here, and in the server log, so nothing is lost.
 */
export function OutboxPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { crumbs } = useOrganizationCrumbs(organizationId);
  usePage('Outbox', [...crumbs, { text: 'Outbox', href: href(`/organizations/${organizationId}/outbox`) }]);
  const trpc = useTRPC();
  const [open, setOpen] = useState<OutboxEntry | null>(null);
  const list = useInfiniteQuery(
    trpc.outbox.list.infiniteQueryOptions(
      { organizationId, limit: PAGE_SIZE },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        // Queued notices are picked up by the mail job within seconds: follow them.
        refetchInterval: followWhile<OutboxEntry>((n) => n.state === 'queued', POLL_MS),
      },
    ),
  );
  const total = useQuery(trpc.outbox.count.queryOptions({ organizationId }));

  const columns: TableProps.ColumnDefinition<OutboxEntry>[] = [
    {
      id: 'subject',
      header: 'Subject',
      isRowHeader: true,
      cell: (n) => (
        <Link ariaLabel={`Read notice ${n.subject} to ${n.to}`} onFollow={() => setOpen(n)}>
          <TruncatedText text={n.subject} focusable={false} />
        </Link>
      ),
    },
    { id: 'to', header: 'To', cell: (n) => <TruncatedText text={n.to} /> },
    { id: 'kind', header: 'Kind', cell: (n) => kindLabel(n.kind) },
    { id: 'state', header: 'Status', cell: (n) => <OutboxStatus entry={n} /> },
    { id: 'created', header: 'Created', cell: (n) => formatDateTimeShort(n.createdAt) },
    { id: 'sent', header: 'Sent', cell: (n) => formatDateTimeShort(n.sentAt) },
  ];

  return (
    <>
      <KeysetListPage
        title="Outbox"
        noun="notices"
        total={total}
        description="Notices sent to this organization's users, newest first. Without an SMTP relay (SMTP_URL), notices are kept here and in the server log instead of being sent."
        list={list}
        resetKey={organizationId}
        columns={columns}
        empty={
          <TableEmptyState
            title="No notices"
            subtitle="Quota warnings, password reset links and recovery codes sent to this organization's users appear here."
          />
        }
      />
      {open && <NoticeModal notice={open} onDismiss={() => setOpen(null)} />}
    </>
  );
}
