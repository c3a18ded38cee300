import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'wouter';
import { isDeletionUnderway, isOperational, isTransient, nextOrganizationState, organizationStateDescriptions } from '@mailyard/core/organizations';
import { OrganizationStatus } from '../../components/OrganizationStatus.tsx';
import { useCreationOutcome } from '../../lib/creation-notices.ts';
import { href } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { deletionNoticeId, DeleteOrganizationModal } from './DeleteOrganizationModal.tsx';
import { OrganizationDirectory } from './OrganizationDirectory.tsx';
import { OrganizationDomains } from './OrganizationDomains.tsx';
import { OrganizationSettings } from './OrganizationSettings.tsx';
import { SelfServiceAliases } from './SelfServiceAliases.tsx';
import { RecordState } from '../../components/RecordState.tsx';

const POLL_MS = 1000;

export function OrganizationDetailPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const trpc = useTRPC();
  const query = useQuery(
    trpc.organizations.get.queryOptions(
      { organizationId },
      // Follow the workflow until the organization settles in a state.
      { refetchInterval: (q) => (q.state.data && isTransient(q.state.data.state) ? POLL_MS : false) },
    ),
  );
  const org = query.data;
  usePage(org?.alias ?? organizationId, [
    { text: 'Mailyard', href: href('/organizations') },
    { text: 'Organizations', href: href('/organizations') },
    { text: org?.alias ?? organizationId, href: href(`/organizations/${organizationId}`) },
  ]);
  useCreationOutcome(useMemo(() => (org ? [org] : undefined), [org]));
  useDeletionOutcome(org);
  const [deleting, setDeleting] = useState(false);

  if (!query.isSuccess) {
    return (
      <RecordState
        query={query}
        noun="organization"
        title={organizationId}
        missing={`No organization ${organizationId} exists in your account.`}
        back={{ text: 'View organizations', path: '/organizations' }}
      />
    );
  }

  const { data } = query;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          actions={
            !isDeletionUnderway(data.state) && (
              <Button
                onClick={() => setDeleting(true)}
                disabled={nextOrganizationState(data.state, 'delete') === null}
                disabledReason="Wait until the organization has finished being created."
              >
                Delete
              </Button>
            )
          }
          description={
            <>
              <OrganizationStatus state={data.state} /> <span className="separator" aria-hidden="true">·</span> {organizationStateDescriptions[data.state]}
            </>
          }
        >
          {data.alias}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {data.state === 'Failed' && (
          <Alert type="error" header="Your organization could not be created">
            {data.errorMessage ?? 'The creation workflow stopped without a message. Check the server log.'}
          </Alert>
        )}
        {data.state === 'Impaired' && (
          <Alert type="warning" header="Your organization is impaired">
            {data.errorMessage ?? 'A health check found a problem.'} It returns to Active by itself once the problem is fixed (at the next sync).
          </Alert>
        )}
        <OrganizationSettings organization={data} />
        {/* Shown once the workflow has settled: the first sync is written before the organization becomes Active. */}
        {data.directoryType === 'ExternalDirectory' && data.directoryId && !isTransient(data.state) && !isDeletionUnderway(data.state) && (
          <OrganizationDirectory organizationId={data.id} directoryId={data.directoryId} editable={isOperational(data.state) || data.state === 'Impaired'} />
        )}
        <OrganizationDomains organizationId={data.id} domains={data.domains} provisioning={isTransient(data.state)} />
        {!isDeletionUnderway(data.state) && <SelfServiceAliases organizationId={data.id} editable={isOperational(data.state)} />}
      </SpaceBetween>
      {deleting && <DeleteOrganizationModal organization={data} onDismiss={() => setDeleting(false)} />}
    </ContentLayout>
  );
}

/** Turns a still-shown "being deleted" notice into its outcome once the workflow has finished. */
function useDeletionOutcome(org: { id: string; alias: string; state: string } | undefined) {
  const { items, update } = useNotifications();
  useEffect(() => {
    if (!org || org.state !== 'Deleted') return;
    const notice = items.find((n) => n.id === deletionNoticeId(org.id));
    if (notice?.loading) update(notice.id, { type: 'success', loading: false, content: `Organization ${org.alias} was deleted.` });
  }, [org, items, update]);
}
