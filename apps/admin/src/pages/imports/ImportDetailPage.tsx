import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useParams } from 'wouter';
import type { ImportSummary } from '@mailyard/core/imports';
import { errorInfo } from '../../lib/errors.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { ImportOverview } from './ImportOverview.tsx';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportReportTable } from './ImportReportTable.tsx';
import { importPath, importsPath, newImportPath } from './paths.ts';
import { countsText } from './summary.ts';
import { RecordState } from '../../components/RecordState.tsx';

const POLL_MS = 1000;
const noticeId = (importId: string) => `import-${importId}`;
const rowsText = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;

/**
 * One import: the dry-run report, the button that starts the import, its progress (polled while it runs) and the
 * final report. The import runs on the server, so leaving the page does not stop it.
 */
export function ImportDetailPage() {
  const { organizationId = '', importId = '' } = useParams<{ organizationId: string; importId: string }>();
  const { crumbs } = useOrganizationCrumbs(organizationId);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onFollow = useFollow();
  const { notify } = useNotifications();
  const ref = { organizationId, importId };
  const query = useQuery(trpc.imports.get.queryOptions(ref, { refetchInterval: (q) => (q.state.data?.state === 'applying' ? POLL_MS : false) }));
  const summary = query.data;
  usePage(summary?.fileName ?? 'Import', [
    ...crumbs,
    { text: 'User imports', href: href(importsPath(organizationId)) },
    { text: summary?.fileName ?? importId, href: href(importPath(organizationId, importId)) },
  ]);
  useOutcomeNotice(summary);
  useUsersRefreshedWhenDone(summary?.state);

  const start = useMutation(
    trpc.imports.start.mutationOptions({
      onSuccess: async (started) => {
        queryClient.setQueryData(trpc.imports.get.queryKey(ref), started);
        notify({ id: noticeId(started.id), type: 'in-progress', loading: true, content: `Importing ${rowsText(started.validRows)} from ${started.fileName}…` });
        await queryClient.invalidateQueries(trpc.imports.rows.pathFilter());
      },
      onError: (error) => notify({ id: noticeId(importId), type: 'error', content: errorInfo(error).message }),
    }),
  );

  if (!query.isSuccess) {
    return (
      <RecordState
        query={query}
        noun="import"
        title="Import"
        missing={`No import ${importId} exists in this organization.`}
        back={{ text: 'View imports', path: importsPath(organizationId) }}
      />
    );
  }

  const data = query.data;
  const { counts } = data;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={data.state === 'validated' ? 'Dry run: review the report, then start the import.' : countsText(data)}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button href={href(newImportPath(organizationId))} onFollow={onFollow}>
                Import another file
              </Button>
              {data.state === 'validated' && (
                <Button
                  variant="primary"
                  disabled={data.validRows === 0}
                  disabledReason="No row can be imported: fix the problems in the file and import it again."
                  loading={start.isPending}
                  onClick={() => start.mutate(ref)}
                >
                  Import {data.validRows.toLocaleString('en-US')} valid {data.validRows === 1 ? 'row' : 'rows'}
                </Button>
              )}
            </SpaceBetween>
          }
        >
          {data.fileName}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {data.state === 'validated' && (
          <Alert type={counts.invalid > 0 ? 'warning' : 'info'} header="Nothing has been created yet">
            {counts.valid > 0 && `${rowsText(counts.valid)} will create ${counts.valid === 1 ? 'a user' : 'users'}. `}
            {counts.exists > 0 &&
              `${rowsText(counts.exists)} ${counts.exists === 1 ? 'names a user that already exists' : 'name users that already exist'} with the same address and will be skipped. `}
            {counts.invalid > 0 && `${rowsText(counts.invalid)} ${counts.invalid === 1 ? 'has' : 'have'} problems and will not be imported: fix them in the file and import it again.`}
          </Alert>
        )}
        {data.state !== 'validated' && <ImportProgress summary={data} />}
        <ImportOverview summary={data} />
        <ImportReportTable organizationId={organizationId} summary={data} />
      </SpaceBetween>
    </ContentLayout>
  );
}

/** Turns the "Importing…" notice, if still shown, into the import's outcome once it ends. */
function useOutcomeNotice(summary: ImportSummary | undefined) {
  const { items, update } = useNotifications();
  useEffect(() => {
    if (!summary || (summary.state !== 'done' && summary.state !== 'failed')) return;
    const notice = items.find((n) => n.id === noticeId(summary.id));
    if (!notice?.loading) return;
    update(notice.id, {
      loading: false,
      type: summary.state === 'done' ? (summary.counts.failed > 0 ? 'warning' : 'success') : 'error',
      content: `${summary.state === 'done' ? 'Import of' : 'The import stopped:'} ${summary.fileName}: ${countsText(summary)}.`,
    });
  }, [summary, items, update]);
}

/** The users list shows the new users once an import this page followed has ended. */
function useUsersRefreshedWhenDone(state: ImportSummary['state'] | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const previous = useRef(state);
  useEffect(() => {
    if (previous.current === 'applying' && state !== 'applying') void queryClient.invalidateQueries(trpc.users.list.pathFilter());
    previous.current = state;
  }, [state, queryClient, trpc]);
}
