import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useController, useForm } from 'react-hook-form';
import { AddAliasInput } from '@mailyard/core/addresses';
import { formMutation } from '../../lib/errors.ts';
import { fieldMessages } from '../../lib/field-messages.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddressField } from './AddressField.tsx';
import { useRefreshUsers } from './useRefreshUsers.ts';
import { USERS_NOTICE } from './notice-id.ts';
import { FormDialog } from '../../components/FormDialog.tsx';

interface AddAliasModalProps {
  organizationId: string;
  user: { id: string; name: string; email: string | null };
  domains: readonly string[];
  onDismiss(): void;
  onAdded(): void;
}

/** "Add alias": the part before the @ in the left-hand box, a domain of the organization from the list. */
export function AddAliasModal({ organizationId, user, domains, onDismiss, onAdded }: AddAliasModalProps) {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const { notify } = useNotifications();
  // The user's own domain first: "to add an alias, don't change the domain".
  const ownDomain = user.email?.split('@')[1];
  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(AddAliasInput),
    criteriaMode: 'all',
    defaultValues: { organizationId, entityId: user.id, localPart: '', domain: ownDomain && domains.includes(ownDomain) ? ownDomain : (domains[0] ?? '') },
  });
  const localPart = useController({ control, name: 'localPart' });
  const domain = useController({ control, name: 'domain' });

  const add = useMutation(
    trpc.users.addAlias.mutationOptions({
      onSuccess: async ({ address }) => {
        await refresh();
        notify({ id: USERS_NOTICE, type: 'success', content: `The alias ${address} was added to ${user.name}.` });
        onAdded();
      },
    }),
  );
  const { send, failure } = formMutation(add, setError, ['localPart', 'domain']);
  const submit = handleSubmit(send);
  const error = localPart.fieldState.error ?? domain.fieldState.error;

  return (
    <FormDialog
      closeAriaLabel="Close dialog"
      header="Add alias"
      primaryLabel="Add alias"
      pending={add.isPending}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The alias was not added"
      onClose={onDismiss}
    >
      <AddressField
        label="Alias"
        description={`Mail to this address reaches ${user.name}, who can also send from it.`}
        name={localPart.field.name}
        inputRef={localPart.field.ref}
        localPart={localPart.field.value}
        domain={domain.field.value}
        domains={domains}
        placeholder="sales"
        errorText={fieldMessages(error)}
        onLocalPartChange={localPart.field.onChange}
        onDomainChange={domain.field.onChange}
        onBlur={localPart.field.onBlur}
      />
    </FormDialog>
  );
}
