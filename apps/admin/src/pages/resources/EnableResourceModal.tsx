import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { EnableResourceInput, type ResourceDetail } from '@mailyard/core/resources';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formMutation } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';

/** "Enable resource": its address, free and on a verified domain of the organization (the one it had, if any). */
export function EnableResourceModal({ organizationId, resource, onDismiss }: { organizationId: string; resource: ResourceDetail; onDismiss: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(EnableResourceInput),
    defaultValues: { organizationId, resourceId: resource.id, email: resource.email ?? '' },
  });
  const enable = useMutation(
    trpc.resources.enable.mutationOptions({
      onSuccess: async (enabled) => {
        notify({ id: `resource-enabled-${resource.id}`, type: 'success', content: `Resource ${resource.name} was enabled with ${enabled.email}.` });
        await queryClient.invalidateQueries(trpc.resources.pathFilter());
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
        onDismiss();
      },
    }),
  );
  const { send, failure } = formMutation(enable, setError, ['email']);
  const submit = handleSubmit(send);
  return (
    <FormDialog
      header={`Enable resource ${resource.name}`}
      primaryLabel="Enable"
      pending={enable.isPending}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The resource was not enabled"
      onClose={onDismiss}
    >
      <TextField control={control} name="email" label="Email address" constraintText="People book the resource by inviting this address." autoFocus autoComplete={false} />
    </FormDialog>
  );
}
