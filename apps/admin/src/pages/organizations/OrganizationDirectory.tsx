import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SyncProgress, SyncReport } from '@mailyard/core/directories';
import { errorInfo } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DirectoryHealth } from '../directories/DirectoryHealth.tsx';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the last sync did, as the operator reads it: added, changed, disabled, and the entries it could not take. */
function SyncReportView({ report }: { report: SyncReport }) {
  return (
    <SpaceBetween size="m">
      <KeyValuePairs
        columns={4}
        ariaLabel="Last sync"
        items={[
          { label: 'Last sync', value: formatDateTime(report.finishedAt) },
          { label: 'Found in the directory', value: `${count(report.usersFound, 'user')}, ${count(report.groupsFound, 'group')}` },
          { label: 'Added', value: `${count(report.usersAdded, 'user')}, ${count(report.groupsAdded, 'group')}` },
          { label: 'Changed', value: `${count(report.usersChanged, 'user')}, ${count(report.groupsChanged, 'group')}` },
          { label: 'Disabled (gone from the directory)', value: `${count(report.usersRemoved, 'user')}, ${count(report.groupsRemoved, 'group')}` },
          { label: 'Errors', value: report.error ?? (report.skipped.length ? `${count(report.skipped.length, 'entry', 'entries')} skipped` : 'None') },
        ]}
      />
      {report.skipped.length > 0 && (
        <ExpandableSection headerText={`Skipped entries (${report.skipped.length})`}>
          <Table
            variant="embedded"
            items={report.skipped}
            trackBy="dn"
            columnDefinitions={[
              { id: 'dn', header: 'Entry', cell: (s) => s.dn, isRowHeader: true },
              { id: 'reason', header: 'Why it was skipped', cell: (s) => s.reason },
            ]}
          />
        </ExpandableSection>
      )}
    </SpaceBetween>
  );
}

const POLL_MS = 1000;

/** A sync under way (*Sync now* or the periodic one): entries read from the directory, then written. */
function SyncProgressView({ progress }: { progress: SyncProgress }) {
  const reading = progress.phase === 'reading';
  return (
    <ProgressBar
      label={reading ? 'Reading the directory' : 'Writing users and groups'}
      value={progress.total ? Math.round((progress.done / progress.total) * 100) : 0}
      additionalInfo={reading ? `${progress.done} of about ${progress.total} entries read` : `${progress.total} entries being written`}
      description={`Sync started ${formatDateTime(progress.startedAt)}`}
    />
  );
}

/**
 * A Standard setup organization's directory on its overview: which directory, whether it answers, the last sync's
 * report, and *Sync now* (which asks before disabling more than half of the users at once).
 */
export function OrganizationDirectory({ organizationId, directoryId, editable }: { organizationId: string; directoryId: string; editable: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onFollow = useFollow();
  const { notify } = useNotifications();
  // Follow a sync while one runs (this page's or the periodic one).
  const query = useQuery(trpc.directories.get.queryOptions({ directoryId }, { refetchInterval: (q) => (q.state.data?.syncProgress ? POLL_MS : false) }));
  const sync = useMutation(
    trpc.directories.sync.mutationOptions({
      onSuccess: (r) =>
        notify({
          id: `directory-sync-${directoryId}`,
          type: 'success',
          content: `Synchronised: ${count(r.usersAdded, 'user')} added, ${r.usersChanged} changed, ${r.usersRemoved} disabled.`,
        }),
      // A sync is also the health check: the organization may have become Impaired, or Active again.
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.directories.get.queryFilter({ directoryId })),
          queryClient.invalidateQueries(trpc.organizations.get.queryFilter({ organizationId })),
        ]),
    }),
  );
  // While this page's sync runs, its progress is on the directory's row.
  useQuery({ ...trpc.directories.get.queryOptions({ directoryId }), enabled: sync.isPending, refetchInterval: POLL_MS });
  const d = query.data;
  const failure = sync.error ? errorInfo(sync.error) : null;

  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Users and groups come from this directory, which keeps their names and passwords. Addresses, quotas and permissions are Mailyard's."
          actions={
            <Button
              loading={sync.isPending}
              disabled={!editable || !d}
              disabledReason="The organization is not Active or Impaired."
              onClick={() => sync.mutate({ directoryId, confirmMassRemoval: false })}
            >
              Sync now
            </Button>
          }
        >
          Directory
        </Header>
      }
    >
      <SpaceBetween size="l">
        {query.isError && <Alert type="error" header="The directory could not be loaded">{errorInfo(query.error).message}</Alert>}
        {failure && (
          <Alert
            type={failure.code === 'DIRECTORY.MASS_REMOVAL' ? 'warning' : 'error'}
            header={failure.code === 'DIRECTORY.MASS_REMOVAL' ? 'Confirm disabling these users' : 'The sync failed'}
            action={
              failure.code === 'DIRECTORY.MASS_REMOVAL' && (
                <Button loading={sync.isPending} onClick={() => sync.mutate({ directoryId, confirmMassRemoval: true })}>
                  Sync and disable them
                </Button>
              )
            }
          >
            {failure.message}
          </Alert>
        )}
        {d && (
          <KeyValuePairs
            columns={4}
            items={[
              {
                label: 'Directory',
                value: (
                  <Link href={href('/directories')} onFollow={onFollow}>
                    {d.name}
                  </Link>
                ),
              },
              { label: 'URL', value: d.url },
              { label: 'Connection', value: <DirectoryHealth health={d.health} /> },
              { label: 'Last checked', value: formatDateTime(d.checkedAt) },
            ]}
          />
        )}
        {d?.syncProgress && <SyncProgressView progress={d.syncProgress} />}
        {!failure && d?.health === 'Unavailable' && d.healthMessage && <Alert type="error" header="The directory did not answer">{d.healthMessage}</Alert>}
        {d && (d.lastSync ? <SyncReportView report={d.lastSync} /> : <Box color="text-status-inactive">Not synchronised yet.</Box>)}
      </SpaceBetween>
    </Container>
  );
}
