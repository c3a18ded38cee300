import Box from '@cloudscape-design/components/box';
import { useMutation } from '@tanstack/react-query';
import type { DirectorySummary } from '@mailyard/core/directories';
import { ConfirmDialog } from '../../components/dialogs/ConfirmDialog.tsx';
import { useAfterChange } from '../../lib/after-change.ts';
import { useTRPC } from '../../lib/trpc.ts';

/** "Deregister": forgets the connection (and its bind password); the directory itself is not touched. */
export function DeregisterDirectoryModal({ directory, onDismiss }: { directory: DirectorySummary; onDismiss: () => void }) {
  const trpc = useTRPC();
  const afterChange = useAfterChange();
  const deregister = useMutation(
    trpc.directories.deregister.mutationOptions({
      onSuccess: afterChange(
        { id: `directory-deregistered-${directory.id}`, type: 'success', content: `Directory ${directory.name} was deregistered.` },
        trpc.directories.list.pathFilter(),
        onDismiss,
      ),
    }),
  );
  return (
    <ConfirmDialog
      header={`Deregister ${directory.name}?`}
      confirmText="Deregister"
      loading={deregister.isPending}
      error={deregister.error}
      onConfirm={() => deregister.mutate({ directoryId: directory.id })}
      onDismiss={onDismiss}
    >
      <Box variant="p">
        Mailyard forgets how to reach this directory and its bind password. Nothing changes in the directory itself; you can register it again
        later.
      </Box>
    </ConfirmDialog>
  );
}
