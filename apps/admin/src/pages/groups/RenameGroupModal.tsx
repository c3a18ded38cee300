import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { GROUP_NAME_MAX_LENGTH, RenameGroupInput } from '@mailyard/core/groups';
import { formMutation } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';

interface Props {
  organizationId: string;
  group: { id: string; name: string };
  onDismiss: () => void;
}

/** "Rename group": a new name, unique in the organization; the address does not change. */
export function RenameGroupModal({ organizationId, group, onDismiss }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(RenameGroupInput),
    defaultValues: { organizationId, groupId: group.id, name: group.name },
  });
  const rename = useMutation(
    trpc.groups.rename.mutationOptions({
      onSuccess: async (renamed) => {
        notify({ id: `group-renamed-${group.id}`, type: 'success', content: `Group ${group.name} was renamed to ${renamed.name}.` });
        await queryClient.invalidateQueries(trpc.groups.pathFilter());
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
        onDismiss();
      },
    }),
  );
  const { send, failure } = formMutation(rename, setError, ['name']);
  const submit = handleSubmit(send);

  return (
    <FormDialog
      header={`Rename group ${group.name}`}
      primaryLabel="Rename"
      pending={rename.isPending}
      lockWhilePending={false}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The group was not renamed"
      onClose={onDismiss}
    >
      <TextField
        control={control}
        name="name"
        label="Group name"
        constraintText={`1–${GROUP_NAME_MAX_LENGTH} characters. Unique in the organization.`}
        autoFocus
        autoComplete={false}
      />
    </FormDialog>
  );
}
