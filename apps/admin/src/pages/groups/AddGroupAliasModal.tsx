import FormField from '@cloudscape-design/components/form-field';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useController, useForm } from 'react-hook-form';
import { AddAliasInput } from '@mailyard/core/addresses';
import type { GroupDetail } from '@mailyard/core/groups';
import { formMutation } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddressInput } from './AddressInput.tsx';
import { useOrganizationDomains } from './domains.ts';
import { FormDialog } from '../../components/FormDialog.tsx';

/** "Add alias" of a group: another address whose mail reaches every member. */
export function AddGroupAliasModal({ organizationId, group, onDismiss }: { organizationId: string; group: GroupDetail; onDismiss: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const { domains, defaultDomain } = useOrganizationDomains(organizationId);
  const ownDomain = group.email?.split('@')[1];
  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(AddAliasInput),
    defaultValues: { organizationId, entityId: group.id, localPart: '', domain: ownDomain && domains.includes(ownDomain) ? ownDomain : defaultDomain },
  });
  const localPart = useController({ control, name: 'localPart' });
  const domain = useController({ control, name: 'domain' });
  const add = useMutation(
    trpc.groups.addAlias.mutationOptions({
      onSuccess: async ({ address }) => {
        notify({ id: `group-alias-${group.id}`, type: 'success', content: `The alias ${address} was added to group ${group.name}.` });
        await queryClient.invalidateQueries(trpc.groups.pathFilter());
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
        onDismiss();
      },
    }),
  );
  const { send, failure } = formMutation(add, setError, ['localPart', 'domain']);
  const submit = handleSubmit(send);
  const error = localPart.fieldState.error ?? domain.fieldState.error;

  return (
    <FormDialog
      header={`Add alias to ${group.name}`}
      primaryLabel="Add alias"
      pending={add.isPending}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The alias was not added"
      onClose={onDismiss}
    >
      <FormField label="Alias" description={`Mail sent to this address reaches every member of ${group.name}.`} errorText={error?.message}>
        <AddressInput
          label="Alias"
          name={localPart.field.name}
          localPartRef={localPart.field.ref}
          localPart={localPart.field.value}
          domain={domain.field.value || defaultDomain}
          domains={domains}
          placeholder="team"
          localPartInvalid={Boolean(localPart.fieldState.error)}
          domainInvalid={Boolean(domain.fieldState.error)}
          onLocalPartChange={localPart.field.onChange}
          onDomainChange={domain.field.onChange}
          onBlur={localPart.field.onBlur}
        />
      </FormField>
    </FormDialog>
  );
}
