import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Table from '@cloudscape-design/components/table';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import type { OutboxEntry } from '@mailyard/core/notices';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { formatDateTimeShort } from '../../lib/format.ts';
import { useKeysetPages } from '../../lib/keyset-pages.ts';
import { href } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { NoticeModal } from './NoticeModal.tsx';
import { kindLabel, OutboxStatus } from './status.tsx';

const PAGE_SIZE = 50;

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
        refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((n) => n.state === 'queued')) ? 2000 : false),
      },
    ),
  );
  const pages = useKeysetPages(list, organizationId);

  if (list.isError && !list.data) {
    return <ErrorAlert header="The outbox could not be loaded" error={list.error} onRetry={() => void list.refetch()} />;
  }

  return (
    <>
      <Table
        variant="full-page"
        stickyHeader
        trackBy="id"
        items={pages.items}
        loading={list.isPending}
        loadingText="Loading notices"
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={pages.counter}
            description="Notices sent to this organization's users, newest first. Without an SMTP relay (SMTP_URL), notices are kept here and in the server log instead of being sent."
            actions={<Button iconName="refresh" ariaLabel="Refresh outbox" loading={list.isRefetching && !list.isFetchingNextPage} onClick={() => void list.refetch()} />}
          >
            Outbox
          </Header>
        }
        columnDefinitions={[
          {
            id: 'subject',
            header: 'Subject',
            isRowHeader: true,
            cell: (n) => (
              <Link ariaLabel={`Read notice ${n.subject} to ${n.to}`} onFollow={() => setOpen(n)}>
                {n.subject}
              </Link>
            ),
          },
          { id: 'to', header: 'To', cell: (n) => n.to },
          { id: 'kind', header: 'Kind', cell: (n) => kindLabel(n.kind) },
          { id: 'state', header: 'Status', cell: (n) => <OutboxStatus entry={n} /> },
          { id: 'created', header: 'Created', cell: (n) => formatDateTimeShort(n.createdAt) },
          { id: 'sent', header: 'Sent', cell: (n) => formatDateTimeShort(n.sentAt) },
        ]}
        pagination={<Pagination {...pages.pagination} />}
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
