import Box from '@cloudscape-design/components/box';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { ACCESS_KEY_DESCRIPTION_MAX_LENGTH, CreateAccessKeyInput } from '@mailyard/core/access-keys';
import { formMutation } from '../../lib/errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';

export interface CreatedKey {
  accessKeyId: string;
  secretAccessKey: string;
  description: string;
}

/** "Create access key": an optional description; the secret comes back once and goes to the next dialog. */
export function CreateAccessKeyModal({ onDismiss, onCreated }: { onDismiss: () => void; onCreated: (key: CreatedKey) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(CreateAccessKeyInput),
    defaultValues: { description: '' },
  });
  const create = useMutation(
    trpc.accessKeys.create.mutationOptions({
      onSuccess: (key) => {
        void queryClient.invalidateQueries(trpc.accessKeys.list.pathFilter());
        onCreated({ accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, description: key.description });
      },
    }),
  );
  const { send, failure } = formMutation(create, setError, ['description']);
  const submit = handleSubmit(send);

  return (
    <FormDialog
      header="Create access key"
      primaryLabel="Create access key"
      pending={create.isPending}
      lockWhilePending={false}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The access key was not created"
      onClose={onDismiss}
    >
      <Box variant="p">
        The key signs requests to the WorkMail-compatible API with your identity, as AWS access keys do. You see its secret once, right
        after creating it.
      </Box>
      <TextField
        control={control}
        name="description"
        label={
          <>
            Description <i>- optional</i>
          </>
        }
        description="Where or by whom the key is used, so you recognise it later."
        constraintText={`At most ${ACCESS_KEY_DESCRIPTION_MAX_LENGTH} characters.`}
        placeholder="Backup script on mail-01"
        autoFocus
        autoComplete={false}
      />
    </FormDialog>
  );
}
