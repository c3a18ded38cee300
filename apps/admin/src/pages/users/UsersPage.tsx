import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Table from '@cloudscape-design/components/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import { entityStates } from '@mailyard/core/entities';
import { canEdit, scheduledMailboxDeletion, userActions, userSortColumns, type UserSort, type UserSummary } from '@mailyard/core/users';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { entityStateOptions, ListEmptyState, ListFilters, ListHeader, useListTable, type ListColumn } from '../../components/list-table.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { TruncatedText } from '../../components/TruncatedText.tsx';
import { formatDateTime, formatDay } from '../../lib/format.ts';
import { useListUrlState } from '../../lib/list-url-state.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DeleteUsersModal } from './DeleteUsersModal.tsx';
import { DisableUsersModal } from './DisableUsersModal.tsx';
import { EnableUsersModal } from './EnableUsersModal.tsx';
import { formatDate } from './format.ts';
import { createUserPath, userPath } from './paths.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { useOrganization } from './useOrganization.ts';
import { NoPasswordBadge } from './NoPasswordBadge.tsx';
import { roleLabels, UserStatus } from './UserStatus.tsx';

const PAGE_SIZE = 50;

type Dialog = 'enable' | 'disable' | 'delete' | 'reset' | null;

/**
 * The users of one organization: enabled, disabled and system users, searched, filtered and sorted by the server,
 * one keyset page at a time, the view in the URL; selected users are enabled, disabled, deleted or given a new password.
 */
export function UsersPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const org = useOrganization(organizationId);
  usePage('Users', org.usersCrumbs());
  const trpc = useTRPC();
  const onFollow = useFollow();
  const view = useListUrlState(userSortColumns, entityStates);
  const [selection, setSelection] = useState<{ view: string; users: UserSummary[] }>({ view: '', users: [] });
  const selected = selection.view === view.viewKey ? selection.users : [];
  const setSelected = (users: UserSummary[]) => setSelection({ view: view.viewKey, users });
  const [dialog, setDialog] = useState<Dialog>(null);

  const list = useQuery(trpc.users.list.queryOptions({ organizationId, limit: PAGE_SIZE, ...view.input }, { placeholderData: keepPreviousData }));
  const total = useQuery(trpc.users.count.queryOptions({ organizationId, ...view.filters }, { placeholderData: keepPreviousData }));
  const items = list.data?.items ?? [];
  const closeDialog = (changed: boolean) => {
    setDialog(null);
    if (changed) setSelected([]);
  };

  // The selected rows as the list shows them now (a bulk action just changed their state).
  const fresh = selected.map((s) => items.find((u) => u.id === s.id) ?? s);
  const actions = userActions(fresh);

  const columns: ListColumn<UserSummary, UserSort>[] = [
    {
      id: 'name',
      sort: 'name',
      header: 'User name',
      isRowHeader: true,
      cell: (u) => (
        <Link href={href(userPath(organizationId, u.id))} onFollow={onFollow}>
          <TruncatedText text={u.name} focusable={false} />
        </Link>
      ),
    },
    { id: 'displayName', sort: 'displayName', header: 'Display name', cell: (u) => <TruncatedText text={u.displayName} /> },
    { id: 'email', sort: 'email', header: 'Email', cell: (u) => (u.email ? <TruncatedText text={u.email} /> : '-') },
    {
      id: 'state',
      sort: 'state',
      header: 'State',
      cell: (u) => (
        <span className="nowrap">
          <UserStatus user={u} /> <NoPasswordBadge user={u} />
        </span>
      ),
    },
    { id: 'role', header: 'Role', cell: (u) => roleLabels[u.role] },
    { id: 'createdAt', sort: 'createdAt', header: 'Created', cell: (u) => <span title={formatDateTime(u.createdAt)}>{formatDay(u.createdAt)}</span> },
    {
      id: 'deletion',
      header: 'Mailbox deletion',
      cell: (u) => formatDate(scheduledMailboxDeletion(u)),
    },
  ];
  const table = useListTable(view, list, total, columns);

  const createButton = (
    <Button variant="primary" href={href(createUserPath(organizationId))} onFollow={onFollow}>
      Create user
    </Button>
  );

  if (list.isError && !list.data) {
    return <ErrorAlert header="Users could not be loaded" error={list.error} onRetry={() => void list.refetch()} />;
  }

  return (
    <>
      <Table
        variant="full-page"
        stickyHeader
        trackBy="id"
        {...table.table}
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        isItemDisabled={(u) => canEdit(u) !== null}
        ariaLabels={{
          selectionGroupLabel: 'Users selection',
          allItemsSelectionLabel: () => 'Select all users on this page',
          itemSelectionLabel: (_, u) => `Select ${u.name}`,
        }}
        loadingText="Loading users"
        header={
          <ListHeader title="Users" noun="users" counter={table.counter(selected.length)} description="The people who have mailboxes in this organization. Choose a user name to edit its details, addresses, quota, devices and permissions." refresh={table.refresh}>
            <Button disabled={!actions.resetPassword} disabledReason="Select one user to reset its password." onClick={() => setDialog('reset')}>
              Reset password
            </Button>
            <Button disabled={!actions.delete} disabledReason="Select disabled users to delete them. System users cannot be deleted." onClick={() => setDialog('delete')}>
              Delete
            </Button>
            <Button disabled={!actions.disable} disabledReason="Select enabled users to disable them. System users cannot be disabled." onClick={() => setDialog('disable')}>
              Disable
            </Button>
            <Button disabled={!actions.enable} disabledReason="Select disabled users to enable them." onClick={() => setDialog('enable')}>
              Enable
            </Button>
            {createButton}
          </ListHeader>
        }
        filter={
          <ListFilters
            view={view}
            states={entityStateOptions}
            noun="users"
            placeholder="Find users by name, display name, email or alias"
            searchLabel="Find users by any part of their user name, display name, email address or alias"
            matches={table.matches}
          />
        }
        pagination={<Pagination {...table.pagination} />}
        empty={<ListEmptyState view={view} singular="user" none={<TableEmptyState title="No users" subtitle="Create a user to give someone a mailbox in this organization." action={createButton} />} />}
      />
      {dialog === 'enable' && (
        <EnableUsersModal
          organizationId={organizationId}
          users={fresh}
          domains={org.verified}
          defaultDomain={org.defaultDomain}
          onDismiss={() => closeDialog(false)}
          onEnabled={() => closeDialog(true)}
        />
      )}
      {dialog === 'disable' && <DisableUsersModal organizationId={organizationId} users={fresh} onDismiss={() => closeDialog(false)} onDisabled={() => closeDialog(true)} />}
      {dialog === 'delete' && <DeleteUsersModal organizationId={organizationId} users={fresh} onDismiss={() => closeDialog(false)} onDeleted={() => closeDialog(true)} />}
      {dialog === 'reset' && fresh[0] && (
        <ResetPasswordModal organizationId={organizationId} user={fresh[0]} onDismiss={() => closeDialog(false)} onReset={() => closeDialog(true)} />
      )}
    </>
  );
}
