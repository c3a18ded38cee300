import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { BatchProgress } from '../../components/dialogs/BatchProgress.tsx';
import { groupsCount, type GroupsDialogProps } from './batch.ts';
import { useGroupsAction } from './useGroupsAction.ts';
import { NameList } from './NameList.tsx';
import { DialogShell } from '../../components/DialogShell.tsx';

/** "Disable groups": the selected enabled groups stop receiving mail but keep their address, members and permissions. */
export function DisableGroupsModal({ onDismiss, ...dialog }: GroupsDialogProps) {
  const { targets, others: skipped, run, progress, running } = useGroupsAction('disable', dialog);

  return (
    <DialogShell
      header={targets.length === 1 ? `Disable group ${targets[0]!.name}?` : `Disable ${groupsCount(targets.length)}?`}
      primaryLabel="Disable"
      pending={running}
      primaryDisabled={targets.length === 0}
      onPrimary={() => void run()}
      onClose={onDismiss}
    >
      <SpaceBetween size="m">
        <Box variant="p">
          A disabled group no longer receives mail. It keeps its email address, its members and the permissions given to it, so enabling
          it again restores it.
        </Box>
        {targets.length > 1 && <NameList names={targets.map((g) => g.name)} />}
        {skipped.length > 0 && (
          <Alert type="info" header={`${groupsCount(skipped.length)} already disabled`}>
            {skipped.map((g) => g.name).join(', ')} {skipped.length === 1 ? 'is' : 'are'} left as {skipped.length === 1 ? 'it is' : 'they are'}.
          </Alert>
        )}
        {progress && <BatchProgress label="Disabling groups" {...progress} />}
      </SpaceBetween>
    </DialogShell>
  );
}
