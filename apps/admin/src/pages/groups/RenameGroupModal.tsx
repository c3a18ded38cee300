import Alert from '@cloudscape-design/components/alert';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { GROUP_NAME_MAX_LENGTH, RenameGroupInput } from '@mailyard/core/groups';
import { applyFieldErrors, errorInfo } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DialogShell } from '../../components/DialogShell.tsx';

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
  const [failure, setFailure] = useState<string | null>(null);
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
      onError: (error) => {
        if (!applyFieldErrors(error, setError, ['name'])) setFailure(errorInfo(error).message);
      },
    }),
  );
  const submit = handleSubmit((input) => {
    setFailure(null);
    rename.mutate(input);
  });

  return (
    <DialogShell
      header={`Rename group ${group.name}`}
      primaryLabel="Rename"
      pending={rename.isPending}
      lockWhilePending={false}
      onPrimary={() => void submit()}
      onClose={onDismiss}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <SpaceBetween size="m">
          {failure && <Alert type="error">{failure}</Alert>}
          <Controller
            control={control}
            name="name"
            render={({ field, fieldState }) => (
              <FormField label="Group name" constraintText={`1–${GROUP_NAME_MAX_LENGTH} characters. Unique in the organization.`} errorText={fieldState.error?.message}>
                <Input
                  ref={field.ref}
                  name={field.name}
                  value={field.value}
                  autoFocus
                  autoComplete={false}
                  invalid={Boolean(fieldState.error)}
                  onChange={({ detail }) => field.onChange(detail.value)}
                  onBlur={field.onBlur}
                />
              </FormField>
            )}
          />
        </SpaceBetween>
      </form>
    </DialogShell>
  );
}
