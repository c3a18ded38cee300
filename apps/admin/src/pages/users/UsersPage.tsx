import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import type { EntityState } from '@mailyard/core/entities';
import { canEdit, scheduledMailboxDeletion, userActions, type UserSummary } from '@mailyard/core/users';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { href, useFollow } from '../../lib/navigation.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DeleteUsersModal } from './DeleteUsersModal.tsx';
import { DisableUsersModal } from './DisableUsersModal.tsx';
import { EnableUsersModal } from './EnableUsersModal.tsx';
import { formatDate } from './format.ts';
import { createUserPath, userPath } from './paths.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { useDebounced } from '../../lib/debounce.ts';
import { useOrganization } from './useOrganization.ts';
import { roleLabels, UserStatus } from './UserStatus.tsx';

const PAGE_SIZE = 50;

const stateOptions: SelectProps.Option[] = [
  { value: '', label: 'All states' },
  { value: 'ENABLED', label: 'Enabled' },
  { value: 'DISABLED', label: 'Disabled' },
  { value: 'DELETED', label: 'Deleted' },
];

type Dialog = 'enable' | 'disable' | 'delete' | 'reset' | null;

/**
 * The users of one organization: enabled, disabled and system users, searched and filtered by the server, one page
 * of the keyset-paginated list per table page; selected users are enabled, disabled, deleted or given a new password.
 */
export function UsersPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const org = useOrganization(organizationId);
  usePage('Users', org.usersCrumbs());
  const trpc = useTRPC();
  const onFollow = useFollow();
  const [filteringText, setFilteringText] = useState('');
  const search = useDebounced(filteringText.trim());
  const [state, setState] = useState<EntityState | ''>('');
  const [pageIndex, setPageIndex] = useState(1);
  const [selected, setSelected] = useState<UserSummary[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);

  const list = useInfiniteQuery(
    trpc.users.list.infiniteQueryOptions(
      { organizationId, limit: PAGE_SIZE, ...(search ? { search } : {}), ...(state ? { state } : {}) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const pages = list.data?.pages ?? [];
  const loaded = pages.reduce((n, page) => n + page.items.length, 0);
  const current = Math.min(pageIndex, Math.max(1, pages.length));
  const items = pages[current - 1]?.items ?? [];
  const more = list.hasNextPage ? '+' : '';
  const filtered = Boolean(search || state);

  const resetView = () => {
    setPageIndex(1);
    setSelected([]);
  };
  const closeDialog = (changed: boolean) => {
    setDialog(null);
    if (changed) setSelected([]);
  };

  // The selected rows as the list shows them now (a bulk action just changed their state).
  const fresh = selected.map((s) => items.find((u) => u.id === s.id) ?? s);
  const actions = userActions(fresh);

  const columns: TableProps.ColumnDefinition<UserSummary>[] = [
    {
      id: 'name',
      header: 'User name',
      isRowHeader: true,
      cell: (u) => (
        <Link href={href(userPath(organizationId, u.id))} onFollow={onFollow}>
          {u.name}
        </Link>
      ),
    },
    { id: 'displayName', header: 'Display name', cell: (u) => u.displayName },
    { id: 'email', header: 'Email', cell: (u) => u.email ?? '-' },
    { id: 'state', header: 'State', cell: (u) => <UserStatus user={u} /> },
    { id: 'role', header: 'Role', cell: (u) => roleLabels[u.role] },
    {
      id: 'deletion',
      header: 'Mailbox deletion date',
      cell: (u) => formatDate(scheduledMailboxDeletion(u)),
    },
  ];

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
        items={items}
        columnDefinitions={columns}
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        isItemDisabled={(u) => canEdit(u) !== null}
        ariaLabels={{
          selectionGroupLabel: 'Users selection',
          allItemsSelectionLabel: () => 'Select all users on this page',
          itemSelectionLabel: (_, u) => `Select ${u.name}`,
        }}
        loading={list.isPending || list.isFetchingNextPage || (list.isPlaceholderData && list.isFetching)}
        loadingText="Loading users"
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={list.isPending ? undefined : selected.length > 0 ? `(${selected.length}/${loaded}${more})` : `(${loaded}${more})`}
            description="The people who have mailboxes in this organization. Choose a user name to edit its details, addresses, quota, devices and permissions."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh users" loading={list.isRefetching && !list.isFetchingNextPage && !list.isPlaceholderData} onClick={() => void list.refetch()} />
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
              </SpaceBetween>
            }
          >
            Users
          </Header>
        }
        filter={
          <SpaceBetween direction="horizontal" size="xs">
            <div style={{ minWidth: '20rem' }}>
              <TextFilter
                filteringText={filteringText}
                filteringPlaceholder="Find users by name, display name or email"
                filteringAriaLabel="Find users by the start of their user name, display name or email address"
                countText={search && !list.isFetching ? `${loaded}${more} ${loaded === 1 && !more ? 'match' : 'matches'}` : undefined}
                onChange={({ detail }) => {
                  setFilteringText(detail.filteringText);
                  resetView();
                }}
              />
            </div>
            <Select
              selectedOption={stateOptions.find((o) => o.value === state) ?? stateOptions[0]!}
              options={stateOptions}
              inlineLabelText="State"
              ariaLabel="Filter by state"
              onChange={({ detail }) => {
                setState((detail.selectedOption.value ?? '') as EntityState | '');
                resetView();
              }}
            />
          </SpaceBetween>
        }
        pagination={
          <Pagination
            currentPageIndex={current}
            pagesCount={Math.max(1, pages.length)}
            openEnd={list.hasNextPage}
            ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (n) => `Page ${n}` }}
            onChange={({ detail }) => {
              setPageIndex(detail.currentPageIndex);
              setSelected([]);
            }}
            onNextPageClick={({ detail }) => {
              if (!detail.requestedPageAvailable && list.hasNextPage) void list.fetchNextPage();
            }}
          />
        }
        empty={
          filtered ? (
            <TableEmptyState
              title="No matches"
              subtitle="No user matches the search and state filter."
              action={
                <Button
                  onClick={() => {
                    setFilteringText('');
                    setState('');
                    resetView();
                  }}
                >
                  Clear filters
                </Button>
              }
            />
          ) : (
            <TableEmptyState title="No users" subtitle="Create a user to give someone a mailbox in this organization." action={createButton} />
          )
        }
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
