import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import { canDeleteResource } from '@mailyard/core/resources';
import { EntityStatus } from '../../components/EntityStatus.tsx';
import { TypedConfirmDialog } from '../../components/dialogs/TypedConfirmDialog.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { href } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { EnableResourceModal } from './EnableResourceModal.tsx';
import { ResourceDelegates } from './ResourceDelegates.tsx';
import { ResourceGeneral } from './ResourceGeneral.tsx';
import { RecordState } from '../../components/RecordState.tsx';

/** One resource: its settings and booking options, its delegates; enable, disable and delete. */
export function ResourceDetailPage() {
  const { organizationId = '', resourceId = '' } = useParams<{ organizationId: string; resourceId: string }>();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const { crumbs } = useOrganizationCrumbs(organizationId);
  const base = `/organizations/${organizationId}/resources`;
  const query = useQuery(trpc.resources.get.queryOptions({ organizationId, resourceId }));
  const name = query.data?.name ?? resourceId;
  usePage(query.data?.name ?? 'Resource', [...crumbs, { text: 'Resources', href: href(base) }, { text: name, href: href(`${base}/${resourceId}`) }]);
  const [dialog, setDialog] = useState<'enable' | 'delete' | null>(null);
  const changed = async () => {
    setDialog(null);
    await queryClient.invalidateQueries(trpc.resources.pathFilter());
    void queryClient.invalidateQueries(trpc.activity.pathFilter());
  };
  const ref = { organizationId, resourceId };
  const disable = useMutation(
    trpc.resources.disable.mutationOptions({
      onSuccess: async () => {
        notify({ id: `resource-disabled-${resourceId}`, type: 'success', content: `Resource ${name} was disabled.` });
        await changed();
      },
      onError: (error) => notify({ id: `resource-disabled-${resourceId}`, type: 'error', content: errorInfo(error).message }),
    }),
  );
  const remove = useMutation(
    trpc.resources.delete.mutationOptions({
      onSuccess: async () => {
        notify({ id: `resource-deleted-${resourceId}`, type: 'success', content: `Resource ${name} was deleted.` });
        await changed();
      },
    }),
  );

  if (!query.isSuccess) {
    return (
      <RecordState
        query={query}
        noun="resource"
        title="Resource"
        missing={`No resource ${resourceId} exists in this organization.`}
        back={{ text: 'View resources', path: base }}
      />
    );
  }

  const r = query.data;
  const deleted = r.state === 'DELETED';
  const deleteRefusal = canDeleteResource(r);
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={<EntityStatus state={r.state} />}
          actions={
            !deleted && (
              <SpaceBetween direction="horizontal" size="xs">
                <Button onClick={() => setDialog('delete')} disabled={Boolean(deleteRefusal)} disabledReason={deleteRefusal?.message}>
                  Delete
                </Button>
                {r.state === 'ENABLED' ? (
                  <Button loading={disable.isPending} onClick={() => disable.mutate(ref)}>
                    Disable
                  </Button>
                ) : (
                  <Button onClick={() => setDialog('enable')}>Enable</Button>
                )}
              </SpaceBetween>
            )
          }
        >
          {r.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {deleted && <Alert type="info">This resource was deleted. Its address was freed and its delegates removed.</Alert>}
        <ResourceGeneral organizationId={organizationId} resource={r} />
        <ResourceDelegates organizationId={organizationId} resource={r} />
      </SpaceBetween>
      {dialog === 'enable' && <EnableResourceModal organizationId={organizationId} resource={r} onDismiss={() => setDialog(null)} />}
      {dialog === 'delete' && (
        <TypedConfirmDialog
          header={`Delete resource ${r.name}?`}
          primaryLabel="Delete"
          pending={remove.isPending}
          confirmation={{ word: 'delete', label: 'To confirm, type "delete" in the field.', ariaLabel: 'Type delete to confirm', ignoreCase: true }}
          onConfirm={() => remove.mutate(ref)}
          onClose={() => setDialog(null)}
        >
          <Box variant="p">Deleting frees the resource&apos;s address and name and removes its delegates. This cannot be undone.</Box>
          {remove.error != null && <Alert type="error">{errorInfo(remove.error).message}</Alert>}
        </TypedConfirmDialog>
      )}
    </ContentLayout>
  );
}
