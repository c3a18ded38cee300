import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import { canDeleteGroup } from '@mailyard/core/groups';
import { EntityStatus } from '../../components/EntityStatus.tsx';
import { href } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { ActivityTable } from '../activity/ActivityTable.tsx';
import { DeleteGroupsModal } from './DeleteGroupsModal.tsx';
import { DisableGroupsModal } from './DisableGroupsModal.tsx';
import { EnableGroupsModal } from './EnableGroupsModal.tsx';
import { GroupAddresses } from './GroupAddresses.tsx';
import { GroupGeneral } from './GroupGeneral.tsx';
import { GroupMembers } from './GroupMembers.tsx';
import { RenameGroupModal } from './RenameGroupModal.tsx';
import { RecordState } from '../../components/RecordState.tsx';

type Dialog = 'rename' | 'enable' | 'disable' | 'delete' | null;

/** One group: its settings, members and activity; rename, enable, disable and delete. */
export function GroupDetailPage() {
  const { organizationId = '', groupId = '' } = useParams<{ organizationId: string; groupId: string }>();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { crumbs } = useOrganizationCrumbs(organizationId);
  const base = `/organizations/${organizationId}/groups`;
  const query = useQuery(trpc.groups.get.queryOptions({ organizationId, groupId }));
  const group = query.data;
  usePage(group?.name ?? 'Group', [...crumbs, { text: 'Groups', href: href(base) }, { text: group?.name ?? groupId, href: href(`${base}/${groupId}`) }]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tab, setTab] = useState('members');

  if (!query.isSuccess) {
    return (
      <RecordState
        query={query}
        noun="group"
        title="Group"
        missing={`No group ${groupId} exists in this organization.`}
        back={{ text: 'View groups', path: base }}
      />
    );
  }

  const g = query.data;
  const deleted = g.state === 'DELETED';
  const deleteRefusal = canDeleteGroup(g);
  const changed = () => {
    setDialog(null);
    void queryClient.invalidateQueries(trpc.groups.pathFilter());
    void queryClient.invalidateQueries(trpc.activity.pathFilter());
  };

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={<EntityStatus state={g.state} />}
          actions={
            !deleted && (
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  onClick={() => setDialog('delete')}
                  disabled={Boolean(deleteRefusal)}
                  disabledReason={deleteRefusal?.message}
                >
                  Delete
                </Button>
                {g.state === 'ENABLED' ? (
                  <Button onClick={() => setDialog('disable')}>Disable</Button>
                ) : (
                  <Button onClick={() => setDialog('enable')}>Enable</Button>
                )}
                <Button onClick={() => setDialog('rename')}>Rename</Button>
              </SpaceBetween>
            )
          }
        >
          {g.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {deleted && <Alert type="info">This group was deleted. Its addresses were freed and its members removed.</Alert>}
        <GroupGeneral organizationId={organizationId} group={g} />
        <Tabs
          variant="container"
          activeTabId={tab}
          onChange={({ detail }) => setTab(detail.activeTabId)}
          tabs={[
            { id: 'members', label: 'Members', content: <GroupMembers organizationId={organizationId} group={g} /> },
            { id: 'addresses', label: 'Email addresses', content: <GroupAddresses organizationId={organizationId} group={g} /> },
            {
              id: 'activity',
              label: 'Activity',
              content: (
                <ActivityTable organizationId={organizationId} targetId={g.id} variant="borderless" description="Changes made to this group and its members." />
              ),
            },
          ]}
        />
      </SpaceBetween>
      {dialog === 'rename' && <RenameGroupModal organizationId={organizationId} group={g} onDismiss={() => setDialog(null)} />}
      {dialog === 'enable' && <EnableGroupsModal organizationId={organizationId} groups={[g]} onDismiss={() => setDialog(null)} onDone={changed} />}
      {dialog === 'disable' && <DisableGroupsModal organizationId={organizationId} groups={[g]} onDismiss={() => setDialog(null)} onDone={changed} />}
      {dialog === 'delete' && <DeleteGroupsModal organizationId={organizationId} groups={[g]} onDismiss={() => setDialog(null)} onDone={changed} />}
    </ContentLayout>
  );
}
