import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EntityPickerDialog } from '../../components/EntityPicker.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';

interface Props {
  organizationId: string;
  group: { id: string; name: string };
  onDismiss: () => void;
}

/**
 * "Add member": find a user or a group by name or address. Groups are offered too: whether one may join is the
 * directory's call (the built-in directory refuses nested groups, and its message is shown here).
 */
export function AddMemberModal({ organizationId, group, onDismiss }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(trpc.groups.addMember.mutationOptions());
  return (
    <EntityPickerDialog
      organizationId={organizationId}
      header={`Add member to ${group.name}`}
      primaryLabel="Add member"
      excludeId={group.id}
      pending={add.isPending}
      error={error}
      onClearError={() => setError(null)}
      onClose={onDismiss}
      onPick={(member) =>
        add.mutate(
          { organizationId, groupId: group.id, memberId: member.id, memberType: member.type },
          {
            onSuccess: async ({ added }) => {
              notify({
                id: `group-member-${group.id}-${member.id}`,
                type: added ? 'success' : 'info',
                content: added ? `${member.name} was added to group ${group.name}.` : `${member.name} is already a member of group ${group.name}.`,
              });
              await queryClient.invalidateQueries(trpc.groups.listMembers.pathFilter());
              void queryClient.invalidateQueries(trpc.groups.countMembers.pathFilter());
              void queryClient.invalidateQueries(trpc.activity.pathFilter());
              onDismiss();
            },
            onError: (e) => {
              const info = errorInfo(e);
              const message = info.fieldErrors.memberId?.join(' ') ?? info.message;
              // The directory's refusal, and what the operator can do instead.
              setError(info.code === 'GROUP.NESTING_NOT_SUPPORTED' ? `${message.replace(/\.?$/, '.')} Add the group's users one by one instead.` : message);
            },
          },
        )
      }
    />
  );
}
