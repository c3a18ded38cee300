import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { UserSummary } from '@mailyard/core/users';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPCClient } from '../../lib/trpc.ts';
import { BatchProgress } from '../../components/dialogs/BatchProgress.tsx';
import { TypedConfirmDialog } from '../../components/dialogs/TypedConfirmDialog.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { nameList, plural } from './format.ts';
import { useRefreshUsers } from './useRefreshUsers.ts';
import { USERS_NOTICE } from './notice-id.ts';

const CONFIRM_WORD = 'delete';

interface DeleteUsersModalProps {
  organizationId: string;
  /** Disabled users only: an enabled user must be disabled first. */
  users: readonly Pick<UserSummary, 'id' | 'name'>[];
  onDismiss(): void;
  onDeleted(): void;
}

/** "Delete users": permanent, so the operator types "delete"; users are deleted one by one with progress. */
export function DeleteUsersModal({ organizationId, users, onDismiss, onDeleted }: DeleteUsersModalProps) {
  const client = useTRPCClient();
  const refresh = useRefreshUsers();
  const { notify } = useNotifications();
  const [done, setDone] = useState(0);
  const one = users.length === 1;

  const remove = useMutation({
    mutationFn: async () => {
      for (const [i, user] of users.entries()) {
        try {
          await client.users.delete.mutate({ organizationId, userId: user.id });
        } catch (error) {
          throw Object.assign(new Error(`${user.name} was not deleted: ${error instanceof Error ? error.message : 'the request failed.'}`), { deleted: i });
        }
        setDone(i + 1);
      }
    },
    onSuccess: async () => {
      await refresh();
      notify({ id: USERS_NOTICE, type: 'success', content: `${one ? `User ${users[0]!.name} was` : `${plural(users.length, 'user')} were`} deleted.` });
      onDeleted();
    },
    // Some may be gone already: the list shows what is left.
    onError: () => void refresh(),
  });

  return (
    <TypedConfirmDialog
      closeAriaLabel="Close dialog"
      header={one ? 'Delete user' : 'Delete users'}
      primaryLabel="Delete"
      confirmation={{ word: CONFIRM_WORD, label: `To confirm deletion, type "${CONFIRM_WORD}".`, ignoreCase: true }}
      onConfirm={() => remove.mutate()}
      onClose={done > 0 ? onDeleted : onDismiss}
      pending={remove.isPending}
      footer={
        <>
          {remove.isPending && users.length > 1 && <BatchProgress label="Deleting users" done={done} total={users.length} unit="deleted" />}
          {remove.error && (
            <Alert type="error" header="Delete failed">
              {errorInfo(remove.error).message}
            </Alert>
          )}
        </>
      }
    >
      <Box variant="p">
        Permanently delete {one ? <b>{users[0]!.name}</b> : <b>{nameList(users.map((u) => u.name), 10)}</b>}? {one ? 'Its' : 'Their'} email addresses are freed for
        others to use, {one ? 'it leaves its' : 'they leave their'} groups and mailbox permissions, and this cannot be undone.
      </Box>
    </TypedConfirmDialog>
  );
}
