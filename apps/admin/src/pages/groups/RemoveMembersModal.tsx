import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation } from '@tanstack/react-query';
import type { GroupMemberSummary } from '@mailyard/core/groups';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { useBatch } from './batch.ts';
import { BatchProgress } from '../../components/dialogs/BatchProgress.tsx';
import { NameList } from './NameList.tsx';
import { DialogShell } from '../../components/DialogShell.tsx';

interface Props {
  organizationId: string;
  group: { id: string; name: string };
  members: readonly GroupMemberSummary[];
  onDismiss: () => void;
  onDone: (removed: GroupMemberSummary[]) => void;
}

const membersCount = (n: number) => `${n} ${n === 1 ? 'member' : 'members'}`;

/** "Remove members": the selected users and groups leave the group (they are not changed otherwise). */
export function RemoveMembersModal({ organizationId, group, members, onDismiss, onDone }: Props) {
  const trpc = useTRPC();
  const { notify } = useNotifications();
  const remove = useMutation(trpc.groups.removeMember.mutationOptions());
  const batch = useBatch();

  const confirm = async () => {
    const outcome = await batch.run(members, (m) => remove.mutateAsync({ organizationId, groupId: group.id, memberId: m.id, memberType: m.type }));
    const stamp = Date.now();
    if (outcome.succeeded.length > 0) {
      const who = outcome.succeeded.length === 1 ? outcome.succeeded[0]!.name : membersCount(outcome.succeeded.length);
      notify({ id: `members-removed-${stamp}`, type: 'success', content: `Removed ${who} from group ${group.name}.` });
    }
    for (const { item, error } of outcome.failed) {
      notify({ id: `member-remove-failed-${item.id}-${stamp}`, type: 'error', header: `${item.name} was not removed`, content: error.message });
    }
    onDone(outcome.succeeded);
  };

  return (
    <DialogShell
      header={members.length === 1 ? `Remove ${members[0]!.name} from ${group.name}?` : `Remove ${membersCount(members.length)} from ${group.name}?`}
      primaryLabel="Remove"
      pending={batch.running}
      onPrimary={() => void confirm()}
      onClose={onDismiss}
    >
      <SpaceBetween size="m">
        <Box variant="p">
          {members.length === 1 ? 'It' : 'They'} will no longer receive the mail sent to the group&apos;s address. The {members.length === 1 ? 'user or group itself is' : 'users and groups themselves are'} not
          changed.
        </Box>
        {members.length > 1 && <NameList names={members.map((m) => m.name)} />}
        {batch.progress && (
          <BatchProgress label="Removing members" {...batch.progress} />
        )}
      </SpaceBetween>
    </DialogShell>
  );
}
