import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'wouter';
import { isMigrationRunActive, type MigrationRunSummary } from '@mailyard/core/migration';
import { errorInfo } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { href, useNavigate } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { MigrationPlanView } from './MigrationPlanView.tsx';
import { MigrationReportView } from './MigrationReportView.tsx';
import { MigrationRunStatus } from './MigrationRunStatus.tsx';
import { migrationRunPath, migrationsPath } from './paths.ts';
import { runResultText } from './summary.ts';
import { RecordState } from '../../components/RecordState.tsx';

const POLL_MS = 1000;

const passwordLabels = { none: 'None (sign-in disabled until set)', csv: 'Passwords from a CSV', 'reset-link': 'Reset links to recovery addresses' } as const;

/**
 * One run: its plan (polled while planning), *Migrate* once planned, the progress while the server applies it (the
 * job runs on the server, so leaving the page does not stop it), then the verification and the cut-over checklist.
 */
export function MigrationRunPage() {
  const { organizationId = '', runId = '' } = useParams<{ organizationId: string; runId: string }>();
  const { crumbs } = useOrganizationCrumbs(organizationId);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const ref = { organizationId, runId };
  const query = useQuery(trpc.migration.get.queryOptions(ref, { refetchInterval: (q) => (q.state.data && isMigrationRunActive(q.state.data.state) ? POLL_MS : false) }));
  const run = query.data;
  const title = run ? `WorkMail ${run.settings.sourceOrganizationId}` : 'Migration';
  usePage(title, [...crumbs, { text: 'Migrate from WorkMail', href: href(migrationsPath(organizationId)) }, { text: title, href: href(migrationRunPath(organizationId, runId)) }]);

  const onError = (error: unknown) => notify({ id: `migration-${runId}`, type: 'error', content: errorInfo(error).message });
  const start = useMutation(
    trpc.migration.start.mutationOptions({
      onSuccess: async (started) => {
        queryClient.setQueryData(trpc.migration.get.queryKey(ref), started);
        await queryClient.invalidateQueries(trpc.migration.list.pathFilter());
      },
      onError,
    }),
  );
  const again = useMutation(
    trpc.migration.planAgain.mutationOptions({
      onSuccess: async (next) => {
        await queryClient.invalidateQueries(trpc.migration.list.pathFilter());
        navigate(migrationRunPath(organizationId, next.id));
      },
      onError,
    }),
  );

  if (!query.isSuccess) {
    return (
      <RecordState
        query={query}
        noun="migration"
        title="Migration"
        missing={`No migration run ${runId} exists in this organization.`}
        back={{ text: 'View migrations', path: migrationsPath(organizationId) }}
      />
    );
  }

  const data = query.data;
  const ended = data.state === 'done' || data.state === 'failed';
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={stateDescription(data)}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {(ended || data.state === 'planned') && (
                <Button loading={again.isPending} onClick={() => again.mutate(ref)}>
                  Plan again
                </Button>
              )}
              {data.state === 'planned' && (
                <Button variant="primary" loading={start.isPending} onClick={() => start.mutate(ref)}>
                  Migrate
                </Button>
              )}
            </SpaceBetween>
          }
        >
          {title}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {data.state === 'failed' && (
          <Alert type="error" header="The migration stopped">
            {data.error ?? 'See the server log.'} What was applied stays; plan again to continue.
          </Alert>
        )}
        {isMigrationRunActive(data.state) && <RunProgress run={data} />}
        {data.report && <MigrationReportView report={data.report} />}
        {data.plan && <MigrationPlanView plan={data.plan} applied={data.state !== 'planned'} />}
        <RunSettings run={data} />
      </SpaceBetween>
    </ContentLayout>
  );
}

/** What the header says of the run: what to do next, or what it did. */
function stateDescription(run: MigrationRunSummary): string {
  switch (run.state) {
    case 'planning':
      return 'Planning: reading WorkMail and this organization. Nothing changes.';
    case 'planned':
      return 'Dry run: review the plan, then migrate.';
    case 'applying':
      return 'Migrating: applying the plan.';
    default:
      return runResultText(run);
  }
}

/** Where a run at work is: the phase, and how far into it (changes applied, messages copied). */
function RunProgress({ run }: { run: MigrationRunSummary }) {
  const p = run.progress;
  const planning = run.state === 'planning';
  const value = p && p.total > 0 ? Math.round((p.done / p.total) * 100) : 0;
  return (
    <Container>
      <ProgressBar
        label={planning ? 'Planning' : 'Migrating'}
        value={value}
        status="in-progress"
        description={p ? (p.total > 0 ? `${p.phase}: ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}` : p.phase) : 'Waiting for the server to start the run…'}
        additionalInfo={
          run.error
            ? `The last attempt failed (${run.error}); the server tries again.`
            : 'The migration runs on the server: you can leave this page and come back.'
        }
      />
    </Container>
  );
}

function RunSettings({ run }: { run: MigrationRunSummary }) {
  const s = run.settings;
  return (
    <Container header={<Header variant="h2">Settings</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          {
            type: 'group',
            title: 'Source',
            items: [
              { label: 'WorkMail organization', value: s.sourceOrganizationId },
              { label: 'Region', value: s.region },
              { label: 'Endpoint', value: s.endpointUrl ?? "AWS's for the region" },
              { label: 'Access key id', value: s.accessKeyId },
            ],
          },
          {
            type: 'group',
            title: 'Passwords and mail',
            items: [
              { label: 'New users get', value: passwordLabels[s.passwordMode] },
              ...(s.passwordMode === 'none' ? [] : [{ label: 'CSV rows', value: s.csvRows.toLocaleString('en-US') }]),
              { label: 'Mailbox content', value: s.copyMail ? `${s.sourceImapUrl} → ${s.targetImapUrl}` : 'Not copied' },
              ...(s.copyMail
                ? [{ label: 'Source sign-in', value: s.sourceImapMaster ? `As master user ${s.sourceImapMaster}` : `Each mailbox with its password (${(s.sourceImapPasswordRows ?? 0).toLocaleString('en-US')} CSV rows)` }]
                : []),
            ],
          },
          {
            type: 'group',
            title: 'Run',
            items: [
              { label: 'Status', value: <MigrationRunStatus state={run.state} /> },
              { label: 'Started by', value: run.createdBy },
              { label: 'Started', value: formatDateTime(run.createdAt) },
              { label: 'Finished', value: formatDateTime(run.finishedAt) },
            ],
          },
        ]}
      />
    </Container>
  );
}
