import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation } from '@tanstack/react-query';
import type { GroupSummary } from '@mailyard/core/groups';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { groupsCount, useBatch } from './batch.ts';
import { NameList } from './NameList.tsx';
import { outcomeNotices } from './outcome.tsx';
import { DialogShell } from '../../components/DialogShell.tsx';

interface Props {
  organizationId: string;
  groups: readonly GroupSummary[];
  onDismiss: () => void;
  /** After the calls, with the groups that changed. */
  onDone: (changed: GroupSummary[]) => void;
}

/** "Disable groups": the selected enabled groups stop receiving mail but keep their address, members and permissions. */
export function DisableGroupsModal({ organizationId, groups, onDismiss, onDone }: Props) {
  const trpc = useTRPC();
  const { notify } = useNotifications();
  const disable = useMutation(trpc.groups.disable.mutationOptions());
  const batch = useBatch();
  const targets = groups.filter((g) => g.state === 'ENABLED');
  const skipped = groups.filter((g) => g.state !== 'ENABLED');

  const confirm = async () => {
    const outcome = await batch.run(targets, (g) => disable.mutateAsync({ organizationId, groupId: g.id }));
    outcomeNotices('disable', 'Disabled', outcome).forEach(notify);
    onDone(outcome.succeeded);
  };

  return (
    <DialogShell
      header={targets.length === 1 ? `Disable group ${targets[0]!.name}?` : `Disable ${groupsCount(targets.length)}?`}
      primaryLabel="Disable"
      pending={batch.running}
      primaryDisabled={targets.length === 0}
      onPrimary={() => void confirm()}
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
        {batch.progress && (
          <ProgressBar
            value={(batch.progress.done / batch.progress.total) * 100}
            label="Disabling groups"
            additionalInfo={`${batch.progress.done} of ${batch.progress.total}`}
          />
        )}
      </SpaceBetween>
    </DialogShell>
  );
}
