import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Icon from '@cloudscape-design/components/icon';
import Pagination from '@cloudscape-design/components/pagination';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { permissionLabels, permissionTypes, type MailboxPermissionSummary, type PermissionType } from '@mailyard/core/permissions';
import { canEdit, type UserDetail } from '@mailyard/core/users';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { ConfirmDialog } from '../../components/dialogs/ConfirmDialog.tsx';
import { totalText } from '../../lib/format.ts';
import { plural } from './format.ts';
import { PermissionsModal } from './PermissionsModal.tsx';
import { USERS_NOTICE } from './notice-id.ts';

const PAGE_SIZE = 50;
type Dialog = 'add' | 'edit' | 'remove' | 'remove-all' | null;

const granted = (type: PermissionType) => (p: MailboxPermissionSummary) =>
  p.permissions.includes(type) ? (
    <span>
      <Icon name="check" variant="success" /> <span className="visually-hidden">Yes</span>
    </span>
  ) : (
    <Box color="text-status-inactive">
      <span aria-hidden="true">-</span>
      <span className="visually-hidden">No</span>
    </Box>
  );

/** The Permissions tab: who may open this mailbox or send as it; add, edit, remove one, remove all. */
export function UserPermissionsTab({ organizationId, user }: { organizationId: string; user: UserDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pageIndex, setPageIndex] = useState(1);
  const ref = { organizationId, mailboxUserId: user.id };
  const list = useInfiniteQuery(trpc.permissions.list.infiniteQueryOptions({ ...ref, limit: PAGE_SIZE }, { getNextPageParam: (p) => p.nextCursor ?? undefined }));
  const total = useQuery(trpc.permissions.count.queryOptions(ref));
  const pages = list.data?.pages ?? [];
  const all = pages.flatMap((p) => p.items);
  const current = Math.min(pageIndex, Math.max(1, pages.length));
  const selected = all.find((p) => p.granteeId === selectedId) ?? null;
  const editable = canEdit(user) === null;

  const done = async (message: string) => {
    await Promise.all([queryClient.invalidateQueries(trpc.permissions.pathFilter()), queryClient.invalidateQueries(trpc.activity.pathFilter())]);
    setDialog(null);
    setSelectedId(null);
    notify({ id: USERS_NOTICE, type: 'success', content: message });
  };
  const remove = useMutation(
    trpc.permissions.remove.mutationOptions({ onSuccess: () => done(`${selected?.granteeName} no longer has permissions on the mailbox of ${user.name}.`) }),
  );
  const removeAll = useMutation(
    trpc.permissions.removeAll.mutationOptions({
      onSuccess: ({ removed }) => done(`Every permission on the mailbox of ${user.name} was removed (${plural(removed, 'user or group', 'users or groups')}).`),
    }),
  );

  const columns: TableProps.ColumnDefinition<MailboxPermissionSummary>[] = [
    { id: 'name', header: 'User or group', isRowHeader: true, cell: (p) => p.granteeName },
    { id: 'type', header: 'Type', cell: (p) => (p.granteeType === 'GROUP' ? 'Group' : 'User') },
    { id: 'email', header: 'Email', cell: (p) => p.granteeEmail ?? '-' },
    ...permissionTypes.map((type) => ({ id: type, header: permissionLabels[type], cell: granted(type) })),
  ];

  if (list.isError && !list.data) return <ErrorAlert header="The permissions could not be loaded" error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <Table
        trackBy="granteeId"
        items={pages[current - 1]?.items ?? []}
        loading={list.isPending || list.isFetchingNextPage}
        loadingText="Loading permissions"
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={({ detail }) => setSelectedId(detail.selectedItems[0]?.granteeId ?? null)}
        ariaLabels={{ selectionGroupLabel: 'Grantee selection', itemSelectionLabel: (_, p) => `Select ${p.granteeName}`, allItemsSelectionLabel: () => 'Select all' }}
        columnDefinitions={columns}
        header={
          <Header
            variant="h2"
            counter={total.data ? `(${totalText(total.data)})` : undefined}
            description="Users and groups that may open this mailbox (Full access) or send mail as, or on behalf of, its owner."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={!editable || all.length === 0} disabledReason="No one has permissions on this mailbox." onClick={() => setDialog('remove-all')}>
                  Remove all
                </Button>
                <Button disabled={!selected} disabledReason="Select a user or group to remove its permissions." onClick={() => setDialog('remove')}>
                  Remove
                </Button>
                <Button disabled={!selected} disabledReason="Select a user or group to edit its permissions." onClick={() => setDialog('edit')}>
                  Edit
                </Button>
                <Button variant="primary" disabled={!editable} onClick={() => setDialog('add')}>
                  Add permissions
                </Button>
              </SpaceBetween>
            }
          >
            Mailbox permissions
          </Header>
        }
        pagination={
          pages.length > 1 || list.hasNextPage ? (
            <Pagination
              currentPageIndex={current}
              pagesCount={Math.max(1, pages.length)}
              openEnd={list.hasNextPage}
              onChange={({ detail }) => setPageIndex(detail.currentPageIndex)}
              onNextPageClick={({ detail }) => {
                if (!detail.requestedPageAvailable && list.hasNextPage) void list.fetchNextPage();
              }}
            />
          ) : undefined
        }
        empty={
          <TableEmptyState
            title="No permissions"
            subtitle="Only the owner can use this mailbox."
            action={
              editable && <Button onClick={() => setDialog('add')}>Add permissions</Button>
            }
          />
        }
      />
      {(dialog === 'add' || (dialog === 'edit' && selected)) && (
        <PermissionsModal
          organizationId={organizationId}
          owner={user}
          editing={dialog === 'edit' ? (selected ?? undefined) : undefined}
          existing={all}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'remove' && selected && (
        <ConfirmDialog
          header="Remove permissions"
          confirmText="Remove"
          loading={remove.isPending}
          error={remove.error}
          onDismiss={() => setDialog(null)}
          onConfirm={() => remove.mutate({ ...ref, granteeId: selected.granteeId })}
        >
          <Box variant="p">
            Remove every permission of <b>{selected.granteeName}</b> ({selected.permissions.map((p) => permissionLabels[p]).join(', ')}) on the mailbox of {user.name}?
          </Box>
        </ConfirmDialog>
      )}
      {dialog === 'remove-all' && (
        <ConfirmDialog
          header="Remove all permissions"
          confirmText="Remove all"
          loading={removeAll.isPending}
          error={removeAll.error}
          onDismiss={() => setDialog(null)}
          onConfirm={() => removeAll.mutate(ref)}
        >
          <Box variant="p">
            Remove the permissions of every user and group on the mailbox of <b>{user.name}</b>? Afterwards only {user.name} can use it.
          </Box>
        </ConfirmDialog>
      )}
    </>
  );
}
