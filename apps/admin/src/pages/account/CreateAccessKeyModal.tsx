import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ACCESS_KEY_DESCRIPTION_MAX_LENGTH, CreateAccessKeyInput } from '@mailyard/core/access-keys';
import { applyFieldErrors, errorInfo } from '../../lib/errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DialogShell } from '../../components/DialogShell.tsx';

export interface CreatedKey {
  accessKeyId: string;
  secretAccessKey: string;
  description: string;
}

/** "Create access key": an optional description; the secret comes back once and goes to the next dialog. */
export function CreateAccessKeyModal({ onDismiss, onCreated }: { onDismiss: () => void; onCreated: (key: CreatedKey) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
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
      onError: (error) => {
        if (!applyFieldErrors(error, setError, ['description'])) setFailure(errorInfo(error).message);
      },
    }),
  );
  const submit = handleSubmit((input) => {
    setFailure(null);
    create.mutate(input);
  });

  return (
    <DialogShell
      header="Create access key"
      primaryLabel="Create access key"
      pending={create.isPending}
      lockWhilePending={false}
      onPrimary={() => void submit()}
      onClose={onDismiss}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <SpaceBetween size="m">
          {failure && (
            <Alert type="error" header="The access key was not created">
              {failure}
            </Alert>
          )}
          <Box variant="p">
            The key signs requests to the WorkMail-compatible API with your identity, as AWS access keys do. You see its secret once, right
            after creating it.
          </Box>
          <Controller
            control={control}
            name="description"
            render={({ field, fieldState }) => (
              <FormField
                label={
                  <>
                    Description <i>- optional</i>
                  </>
                }
                description="Where or by whom the key is used, so you recognise it later."
                constraintText={`At most ${ACCESS_KEY_DESCRIPTION_MAX_LENGTH} characters.`}
                errorText={fieldState.error?.message}
              >
                <Input
                  ref={field.ref}
                  name={field.name}
                  value={field.value ?? ''}
                  placeholder="Backup script on mail-01"
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
