import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EntityPickerDialog } from '../../components/EntityPicker.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';

/** "Add delegate": a user or group who answers the resource's booking requests. */
export function AddDelegateModal({ organizationId, resource, onDismiss }: { organizationId: string; resource: { id: string; name: string }; onDismiss: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(trpc.resources.addDelegate.mutationOptions());
  return (
    <EntityPickerDialog
      organizationId={organizationId}
      header={`Add delegate to ${resource.name}`}
      primaryLabel="Add delegate"
      pending={add.isPending}
      error={error}
      onClearError={() => setError(null)}
      onClose={onDismiss}
      onPick={(delegate) =>
        add.mutate(
          { organizationId, resourceId: resource.id, delegateId: delegate.id, delegateType: delegate.type },
          {
            onSuccess: async ({ added }) => {
              notify({
                id: `resource-delegate-${resource.id}`,
                type: added ? 'success' : 'info',
                content: added ? `${delegate.name} is now a delegate of ${resource.name}.` : `${delegate.name} already is a delegate of ${resource.name}.`,
              });
              await queryClient.invalidateQueries(trpc.resources.pathFilter());
              void queryClient.invalidateQueries(trpc.activity.pathFilter());
              onDismiss();
            },
            onError: (e) => {
              const info = errorInfo(e);
              setError(info.fieldErrors.delegateId?.join(' ') ?? info.message);
            },
          },
        )
      }
    />
  );
}
