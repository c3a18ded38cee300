import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams, useSearchParams } from 'wouter';
import { canDelete, canDisable, lacksPassword, type UserDetail } from '@mailyard/core/users';
import { formatDateTime } from '../../lib/format.ts';
import { href, useFollow, useNavigate } from '../../lib/navigation.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DeleteUsersModal } from './DeleteUsersModal.tsx';
import { useDirectoryManaged } from './directory-managed.ts';
import { DisableUsersModal } from './DisableUsersModal.tsx';
import { EnableUsersModal } from './EnableUsersModal.tsx';
import { editUserPath, userPath, usersPath } from './paths.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserActivityTab } from './UserActivityTab.tsx';
import { UserAddressesTab } from './UserAddressesTab.tsx';
import { UserDetailsTab } from './UserDetailsTab.tsx';
import { UserDevicesTab } from './UserDevicesTab.tsx';
import { UserPermissionsTab } from './UserPermissionsTab.tsx';
import { UserQuotaTab } from './UserQuotaTab.tsx';
import { useOrganization } from './useOrganization.ts';
import { NoPasswordBadge } from './NoPasswordBadge.tsx';
import { UserStatus } from './UserStatus.tsx';
import { RecordState } from '../../components/RecordState.tsx';

const tabIds = ['details', 'addresses', 'quota', 'devices', 'permissions', 'activity'] as const;
type TabId = (typeof tabIds)[number];
type Dialog = 'enable' | 'disable' | 'delete' | 'reset' | null;

/** One user: its state and actions, and the tabs of "Editing user details". The open tab is in the address (`?tab=`). */
export function UserDetailPage() {
  const { organizationId = '', userId = '' } = useParams<{ organizationId: string; userId: string }>();
  const trpc = useTRPC();
  const org = useOrganization(organizationId);
  const query = useQuery(trpc.users.get.queryOptions({ organizationId, userId }));
  const user = query.data;
  usePage(user?.name ?? 'User', org.usersCrumbs({ text: user?.name ?? userId, href: href(userPath(organizationId, userId)) }));

  if (!query.isSuccess) {
    return (
      <RecordState
        query={query}
        noun="user"
        title="User"
        missing={`No user with the ID ${userId} exists in this organization.`}
        back={{ text: 'View users', path: usersPath(organizationId) }}
      />
    );
  }
  return <UserView organizationId={organizationId} user={query.data} domains={org.verified} defaultDomain={org.defaultDomain} />;
}

function UserView({ organizationId, user, domains, defaultDomain }: { organizationId: string; user: UserDetail; domains: string[]; defaultDomain: string | null }) {
  const onFollow = useFollow();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>(null);
  const requested = params.get('tab') as TabId | null;
  const activeTab: TabId = requested && tabIds.includes(requested) ? requested : 'details';
  const deleted = user.state === 'DELETED';
  const disableRefusal = canDisable(user);
  const managed = useDirectoryManaged(organizationId, user);
  const deleteRefusal = canDelete(user) ?? managed('delete');
  const resetRefusal = managed('password');
  const close = () => setDialog(null);

  const tabProps = { organizationId, user };
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={
            <>
              <UserStatus user={user} />
              {lacksPassword(user) && (
                <>
                  {' '}
                  <NoPasswordBadge user={user} />
                </>
              )}
              {user.email && (
                <>
                  <span className="separator" aria-hidden="true">
                    ·
                  </span>
                  {user.email}
                </>
              )}
              <span className="separator" aria-hidden="true">
                ·
              </span>
              {user.displayName}
            </>
          }
          actions={
            !deleted && (
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={Boolean(deleteRefusal)} disabledReason={deleteRefusal?.message} onClick={() => setDialog('delete')}>
                  Delete
                </Button>
                <Button disabled={Boolean(resetRefusal)} disabledReason={resetRefusal?.message} onClick={() => setDialog('reset')}>
                  Reset password
                </Button>
                {user.state === 'ENABLED' ? (
                  <Button disabled={Boolean(disableRefusal)} disabledReason={disableRefusal?.message} onClick={() => setDialog('disable')}>
                    Disable
                  </Button>
                ) : (
                  <Button onClick={() => setDialog('enable')}>Enable</Button>
                )}
                <Button variant="primary" href={href(editUserPath(organizationId, user.id))} onFollow={onFollow}>
                  Edit
                </Button>
              </SpaceBetween>
            )
          }
        >
          {user.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {deleted && (
          <Alert type="info" header="This user is deleted">
            Its addresses were freed and it can no longer be changed. Its name may be given to a new user.
          </Alert>
        )}
        {lacksPassword(user) && (
          <Alert type="warning" header="No password set">
            This user was created without a password and cannot sign in.{' '}
            {user.state === 'ENABLED' ? 'Reset its password to give it one.' : 'Enable it to give it one with its mailbox, or reset its password.'}
          </Alert>
        )}
        {user.state === 'DISABLED' && user.mailbox?.deletionDueAt && !user.mailbox.deletedAt && (
          <Alert type="warning" header="This user is disabled">
            Its mailbox is kept until {formatDateTime(user.mailbox.deletionDueAt)} and then deleted. Enable the user before then to keep it.
          </Alert>
        )}
        <Tabs
          activeTabId={activeTab}
          onChange={({ detail }) => setParams(detail.activeTabId === 'details' ? {} : { tab: detail.activeTabId }, { replace: true })}
          ariaLabel="User"
          tabs={[
            { id: 'details', label: 'User details', content: <UserDetailsTab user={user} /> },
            { id: 'addresses', label: 'Email addresses', content: <UserAddressesTab {...tabProps} domains={domains} /> },
            { id: 'quota', label: 'Quota', content: <UserQuotaTab {...tabProps} /> },
            { id: 'devices', label: 'Mobile devices', content: <UserDevicesTab {...tabProps} /> },
            { id: 'permissions', label: 'Permissions', content: <UserPermissionsTab {...tabProps} /> },
            { id: 'activity', label: 'Activity', content: <UserActivityTab {...tabProps} /> },
          ]}
        />
      </SpaceBetween>
      {dialog === 'enable' && (
        <EnableUsersModal organizationId={organizationId} users={[user]} domains={domains} defaultDomain={defaultDomain} onDismiss={close} onEnabled={close} />
      )}
      {dialog === 'disable' && <DisableUsersModal organizationId={organizationId} users={[user]} onDismiss={close} onDisabled={close} />}
      {dialog === 'delete' && (
        <DeleteUsersModal
          organizationId={organizationId}
          users={[user]}
          onDismiss={close}
          onDeleted={() => {
            close();
            navigate(usersPath(organizationId));
          }}
        />
      )}
      {dialog === 'reset' && <ResetPasswordModal organizationId={organizationId} user={user} onDismiss={close} onReset={close} />}
    </ContentLayout>
  );
}
