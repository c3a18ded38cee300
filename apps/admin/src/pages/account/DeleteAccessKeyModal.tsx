import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import { useMutation } from '@tanstack/react-query';
import type { AccessKeySummary } from '@mailyard/core/access-keys';
import { errorInfo } from '../../lib/errors.ts';
import { useAfterChange } from '../../lib/after-change.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { TypedConfirmDialog } from '../../components/dialogs/TypedConfirmDialog.tsx';

/** "Delete access key": permanent; the operator types the key's id to confirm, as in the AWS console. */
export function DeleteAccessKeyModal({ accessKey, onDismiss }: { accessKey: AccessKeySummary; onDismiss: () => void }) {
  const trpc = useTRPC();
  const afterChange = useAfterChange();
  const remove = useMutation(
    trpc.accessKeys.delete.mutationOptions({
      onSuccess: afterChange(
        { id: `access-key-deleted-${accessKey.accessKeyId}`, type: 'success', content: `Access key ${accessKey.accessKeyId} was deleted.` },
        trpc.accessKeys.list.pathFilter(),
        onDismiss,
      ),
    }),
  );

  return (
    <TypedConfirmDialog
      header={`Delete access key ${accessKey.accessKeyId}?`}
      primaryLabel="Delete"
      pending={remove.isPending}
      lockWhilePending={false}
      confirmation={{ word: accessKey.accessKeyId, label: 'To confirm, enter the access key ID.', ariaLabel: 'Access key ID to confirm' }}
      onConfirm={() => remove.mutate({ accessKeyId: accessKey.accessKeyId })}
      onClose={onDismiss}
    >
      {remove.error && <Alert type="error">{errorInfo(remove.error).message}</Alert>}
      <Box variant="p">
        Every request signed with this key is refused from now on, and the key cannot be restored.
        {accessKey.status === 'Active' && ' To stop its use for a while instead, deactivate it.'}
      </Box>
      {accessKey.lastUsedAt && <Alert type="warning">This key was used recently: make sure no script or service still needs it.</Alert>}
    </TypedConfirmDialog>
  );
}
