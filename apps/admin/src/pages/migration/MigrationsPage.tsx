import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import type { TableProps } from '@cloudscape-design/components/table';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useParams } from 'wouter';
import { isMigrationRunActive, type MigrationRunSummary } from '@mailyard/core/migration';
import { followWhile, KeysetListPage } from '../../components/KeysetListPage.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { formatDateTimeShort } from '../../lib/format.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { MigrationRunStatus } from './MigrationRunStatus.tsx';
import { migrationRunPath, migrationsPath, newMigrationPath } from './paths.ts';
import { runResultText } from './summary.ts';

const PAGE_SIZE = 50;
const POLL_MS = 2000;

/** The organization's migrations from WorkMail, newest first; a run at work is followed until it ends. */
export function MigrationsPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { crumbs } = useOrganizationCrumbs(organizationId);
  usePage('Migrate from WorkMail', [...crumbs, { text: 'Migrate from WorkMail', href: href(migrationsPath(organizationId)) }]);
  const trpc = useTRPC();
  const onFollow = useFollow();
  const list = useInfiniteQuery(
    trpc.migration.list.infiniteQueryOptions(
      { organizationId, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: followWhile<MigrationRunSummary>((r) => isMigrationRunActive(r.state), POLL_MS) },
    ),
  );
  const total = useQuery(trpc.migration.count.queryOptions({ organizationId }));

  const columns: TableProps.ColumnDefinition<MigrationRunSummary>[] = [
    {
      id: 'at',
      header: 'Started',
      isRowHeader: true,
      minWidth: 200,
      cell: (r) => (
        <Link href={href(migrationRunPath(organizationId, r.id))} onFollow={onFollow}>
          {formatDateTimeShort(r.createdAt)}
        </Link>
      ),
    },
    { id: 'source', header: 'WorkMail organization', cell: (r) => r.settings.sourceOrganizationId, minWidth: 320 },
    { id: 'state', header: 'Status', cell: (r) => <MigrationRunStatus state={r.state} />, minWidth: 140 },
    { id: 'result', header: 'Result', cell: (r) => runResultText(r) },
  ];
  const newButton = (
    <Button variant="primary" href={href(newMigrationPath(organizationId))} onFollow={onFollow}>
      New migration
    </Button>
  );

  return (
    <KeysetListPage
      title="Migrate from WorkMail"
      noun="migration runs"
      total={total}
      description="Bring an Amazon WorkMail organization into this one. Each run plans first; migrating applies only what differs, so run again until cut-over."
      list={list}
      resetKey={organizationId}
      columns={columns}
      actions={newButton}
      table={{ wrapLines: true }}
      empty={<TableEmptyState title="No migrations" subtitle="Plan a migration from an Amazon WorkMail organization." action={newButton} />}
    />
  );
}
