import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { CreateResourceInput, RESOURCE_DESCRIPTION_MAX_LENGTH, RESOURCE_NAME_MAX_LENGTH, resourceTypes } from '@mailyard/core/resources';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formMutation } from '../../lib/errors.ts';
import { useNavigate } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { resourceTypeText } from './type.ts';

/** "Create resource": a name free among users, groups and resources, a type and a description; it starts disabled. */
export function CreateResourceModal({ organizationId, onDismiss }: { organizationId: string; onDismiss: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(CreateResourceInput),
    defaultValues: { organizationId, name: '', type: 'ROOM' as const, description: '', hiddenFromGlobalAddressList: false },
  });
  const create = useMutation(
    trpc.resources.create.mutationOptions({
      onSuccess: async (resource) => {
        notify({ id: `resource-created-${resource.id}`, type: 'success', content: `Resource ${resource.name} was created. Enable it to give it an address.` });
        await queryClient.invalidateQueries(trpc.resources.pathFilter());
        navigate(`/organizations/${organizationId}/resources/${resource.id}`);
      },
    }),
  );
  const { send, failure } = formMutation(create, setError, ['name', 'type', 'description']);
  const submit = handleSubmit(send);

  return (
    <FormDialog
      header="Create resource"
      primaryLabel="Create resource"
      pending={create.isPending}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The resource was not created"
      onClose={onDismiss}
    >
      <TextField
        control={control}
        name="name"
        label="Resource name"
        constraintText={`1–${RESOURCE_NAME_MAX_LENGTH} letters, digits, "_", "-" or ".". No user, group or resource of the organization may have it.`}
        autoFocus
        autoComplete={false}
      />
      <Controller
        control={control}
        name="type"
        render={({ field, fieldState }) => (
          <FormField label="Type" errorText={fieldState.error?.message}>
            <RadioGroup
              value={field.value}
              onChange={({ detail }) => field.onChange(detail.value)}
              items={resourceTypes.map((t) => ({ value: t, label: resourceTypeText[t] }))}
            />
          </FormField>
        )}
      />
      <TextField control={control} name="description" label="Description - optional" constraintText={`At most ${RESOURCE_DESCRIPTION_MAX_LENGTH} characters.`} />
    </FormDialog>
  );
}
