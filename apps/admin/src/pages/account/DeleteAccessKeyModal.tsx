import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AccessKeySummary } from '@mailyard/core/access-keys';
import { errorInfo } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DialogShell } from '../../components/DialogShell.tsx';

/** "Delete access key": permanent; the operator types the key's id to confirm, as in the AWS console. */
export function DeleteAccessKeyModal({ accessKey, onDismiss }: { accessKey: AccessKeySummary; onDismiss: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const confirmed = typed.trim() === accessKey.accessKeyId;
  const remove = useMutation(
    trpc.accessKeys.delete.mutationOptions({
      onSuccess: async () => {
        notify({ id: `access-key-deleted-${accessKey.accessKeyId}`, type: 'success', content: `Access key ${accessKey.accessKeyId} was deleted.` });
        await queryClient.invalidateQueries(trpc.accessKeys.list.pathFilter());
        onDismiss();
      },
      onError: (error) => setFailure(errorInfo(error).message),
    }),
  );
  const submit = () => {
    if (confirmed) remove.mutate({ accessKeyId: accessKey.accessKeyId });
  };

  return (
    <DialogShell
      header={`Delete access key ${accessKey.accessKeyId}?`}
      primaryLabel="Delete"
      pending={remove.isPending}
      lockWhilePending={false}
      primaryDisabled={!confirmed}
      onPrimary={submit}
      onClose={onDismiss}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <SpaceBetween size="m">
          {failure && <Alert type="error">{failure}</Alert>}
          <Box variant="p">
            Every request signed with this key is refused from now on, and the key cannot be restored.
            {accessKey.status === 'Active' && ' To stop its use for a while instead, deactivate it.'}
          </Box>
          {accessKey.lastUsedAt && (
            <Alert type="warning">This key was used recently: make sure no script or service still needs it.</Alert>
          )}
          <FormField label="To confirm, enter the access key ID.">
            <Input
              value={typed}
              placeholder={accessKey.accessKeyId}
              ariaLabel="Access key ID to confirm"
              autoFocus
              autoComplete={false}
              spellcheck={false}
              onChange={({ detail }) => setTyped(detail.value)}
            />
          </FormField>
        </SpaceBetween>
      </form>
    </DialogShell>
  );
}
