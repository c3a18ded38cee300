import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { GroupSummary } from '@mailyard/core/groups';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { groupsCount, useBatch } from './batch.ts';
import { NameList } from './NameList.tsx';
import { outcomeNotices } from './outcome.tsx';
import { DialogShell } from '../../components/DialogShell.tsx';

const CONFIRMATION = 'delete';

interface Props {
  organizationId: string;
  groups: readonly GroupSummary[];
  onDismiss: () => void;
  onDone: (deleted: GroupSummary[]) => void;
}

/** "Delete groups": only disabled groups can be deleted; the operator types "delete" to confirm. */
export function DeleteGroupsModal({ organizationId, groups, onDismiss, onDone }: Props) {
  const trpc = useTRPC();
  const { notify } = useNotifications();
  const remove = useMutation(trpc.groups.delete.mutationOptions());
  const batch = useBatch();
  const [typed, setTyped] = useState('');
  const targets = groups.filter((g) => g.state === 'DISABLED');
  const enabled = groups.filter((g) => g.state === 'ENABLED');
  const confirmed = typed.trim().toLowerCase() === CONFIRMATION;

  const confirm = async () => {
    const outcome = await batch.run(targets, (g) => remove.mutateAsync({ organizationId, groupId: g.id }));
    outcomeNotices('delete', 'Deleted', outcome).forEach(notify);
    onDone(outcome.succeeded);
  };

  return (
    <DialogShell
      header={targets.length === 1 ? `Delete group ${targets[0]!.name}?` : `Delete ${groupsCount(targets.length)}?`}
      primaryLabel="Delete"
      pending={batch.running}
      primaryDisabled={targets.length === 0 || !confirmed}
      onPrimary={() => void confirm()}
      onClose={onDismiss}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed && targets.length > 0 && !batch.running) void confirm();
        }}
      >
        <SpaceBetween size="m">
          {targets.length === 0 ? (
            <Alert type="warning">Only disabled groups can be deleted. Disable the selected groups first.</Alert>
          ) : (
            <>
              <Box variant="p">
                Deleting frees the group&apos;s email addresses, removes its members, takes it out of the groups it belongs to and removes the
                mailbox permissions given to it. This cannot be undone.
              </Box>
              {targets.length > 1 && <NameList names={targets.map((g) => g.name)} />}
            </>
          )}
          {enabled.length > 0 && (
            <Alert type="info" header={`${groupsCount(enabled.length)} still enabled`}>
              {enabled.map((g) => g.name).join(', ')} {enabled.length === 1 ? 'is' : 'are'} not deleted: disable{' '}
              {enabled.length === 1 ? 'it' : 'them'} first.
            </Alert>
          )}
          {targets.length > 0 && (
            <FormField label={`To confirm, type "${CONFIRMATION}" in the field.`}>
              <Input
                value={typed}
                placeholder={CONFIRMATION}
                ariaLabel="Type delete to confirm"
                autoFocus
                autoComplete={false}
                disabled={batch.running}
                onChange={({ detail }) => setTyped(detail.value)}
              />
            </FormField>
          )}
          {batch.progress && (
            <ProgressBar
              value={(batch.progress.done / batch.progress.total) * 100}
              label="Deleting groups"
              additionalInfo={`${batch.progress.done} of ${batch.progress.total}`}
            />
          )}
        </SpaceBetween>
      </form>
    </DialogShell>
  );
}
