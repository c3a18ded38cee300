import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { MAILBOX_RETENTION_DAYS, type UserSummary } from '@mailyard/core/users';
import { errorInfo } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { formatDate, nameList, plural } from './format.ts';
import { useRefreshUsers } from './useRefreshUsers.ts';
import { USERS_NOTICE } from './notice-id.ts';

interface DisableUsersModalProps {
  organizationId: string;
  users: readonly Pick<UserSummary, 'id' | 'name'>[];
  onDismiss(): void;
  /** Called once the operator closes the dialog after the users were disabled. */
  onDisabled(): void;
}

/**
 * "Disable users": what disabling does, then — once done — when the kept mailboxes will be deleted, which is the one
 * thing the operator must remember (enabling before that date keeps the mailbox).
 */
export function DisableUsersModal({ organizationId, users, onDismiss, onDisabled }: DisableUsersModalProps) {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const { notify } = useNotifications();
  const [deletionDueAt, setDeletionDueAt] = useState<Date | null>(null);
  const names = users.map((u) => u.name);
  const one = users.length === 1;

  const disable = useMutation(
    trpc.users.disable.mutationOptions({
      onSuccess: async (result) => {
        const due = result.users[0]!.mailboxDeletionDueAt;
        setDeletionDueAt(due);
        await refresh();
        notify({
          id: USERS_NOTICE,
          type: 'success',
          content: `${one ? `User ${names[0]} was` : `${plural(users.length, 'user')} were`} disabled. ${one ? 'Its mailbox' : 'Their mailboxes'} will be deleted on ${formatDate(due)}.`,
        });
      },
    }),
  );

  const close = deletionDueAt ? onDisabled : onDismiss;
  return (
    <Modal
      visible
      header="Disable users"
      closeAriaLabel="Close dialog"
      onDismiss={() => {
        if (!disable.isPending) close();
      }}
      footer={
        <Box float="right">
          {deletionDueAt ? (
            <Button variant="primary" onClick={onDisabled}>
              Close
            </Button>
          ) : (
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={onDismiss} disabled={disable.isPending}>
                Cancel
              </Button>
              <Button variant="primary" loading={disable.isPending} onClick={() => disable.mutate({ organizationId, userIds: users.map((u) => u.id) })}>
                Disable
              </Button>
            </SpaceBetween>
          )}
        </Box>
      }
    >
      {deletionDueAt ? (
        <Alert type="success" header={`${one ? 'User' : plural(users.length, 'user')} disabled`}>
          <SpaceBetween size="xs">
            <span>{nameList(names, 10)} can no longer sign in or sync.</span>
            <Box variant="strong">
              {one ? 'Mailbox' : 'Mailboxes'} will be deleted on {formatDate(deletionDueAt)}.
            </Box>
            <Box variant="small">
              Exactly at {formatDateTime(deletionDueAt)}. Enable {one ? 'the user' : 'a user'} again before then to keep {one ? 'its' : 'the'} mailbox.
            </Box>
          </SpaceBetween>
        </Alert>
      ) : (
        <SpaceBetween size="m">
          <Box variant="p">
            Disable {one ? <b>{names[0]}</b> : <b>{plural(users.length, 'user')}</b>}
            {one ? '' : `: ${nameList(names, 10)}`}?
          </Box>
          <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
            <li>{one ? 'The account becomes' : 'The accounts become'} inaccessible at once: sign-in and mobile sync are refused, and open sessions end.</li>
            <li>
              {one ? 'Its mailbox is' : 'Their mailboxes are'} kept for {MAILBOX_RETENTION_DAYS} days, then deleted. Enabling {one ? 'the user' : 'a user'} again before
              then keeps {one ? 'its' : 'the'} mailbox.
            </li>
          </ul>
          {disable.isError && (
            <Alert type="error" header="The users were not disabled">
              {errorInfo(disable.error).message}
            </Alert>
          )}
        </SpaceBetween>
      )}
    </Modal>
  );
}
