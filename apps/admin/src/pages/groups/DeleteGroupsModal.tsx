import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import { BatchProgress } from '../../components/dialogs/BatchProgress.tsx';
import { groupsCount, type GroupsDialogProps } from './batch.ts';
import { useGroupsAction } from './useGroupsAction.ts';
import { NameList } from './NameList.tsx';
import { TypedConfirmDialog } from '../../components/dialogs/TypedConfirmDialog.tsx';

/** "Delete groups": only disabled groups can be deleted; the operator types "delete" to confirm. */
export function DeleteGroupsModal({ onDismiss, ...dialog }: GroupsDialogProps) {
  const { targets, others: enabled, run, progress, running } = useGroupsAction('delete', dialog);

  return (
    <TypedConfirmDialog
      header={targets.length === 1 ? `Delete group ${targets[0]!.name}?` : `Delete ${groupsCount(targets.length)}?`}
      primaryLabel="Delete"
      pending={running}
      blocked={targets.length === 0}
      hideField={targets.length === 0}
      confirmation={{ word: 'delete', label: 'To confirm, type "delete" in the field.', ariaLabel: 'Type delete to confirm', ignoreCase: true }}
      onConfirm={() => void run()}
      onClose={onDismiss}
      footer={progress && <BatchProgress label="Deleting groups" {...progress} />}
    >
      {targets.length === 0 ? (
        <Alert type="warning">Only disabled groups can be deleted. Disable the selected groups first.</Alert>
      ) : (
        <>
          <Box variant="p">
            Deleting frees the group&apos;s email addresses, removes its members, takes it out of the groups it belongs to and removes the mailbox
            permissions given to it. This cannot be undone.
          </Box>
          {targets.length > 1 && <NameList names={targets.map((g) => g.name)} />}
        </>
      )}
      {enabled.length > 0 && (
        <Alert type="info" header={`${groupsCount(enabled.length)} still enabled`}>
          {enabled.map((g) => g.name).join(', ')} {enabled.length === 1 ? 'is' : 'are'} not deleted: disable {enabled.length === 1 ? 'it' : 'them'} first.
        </Alert>
      )}
    </TypedConfirmDialog>
  );
}
