import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { SetPrimaryAddressInput } from '@mailyard/core/addresses';
import { formMutation } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddressFormField } from '../../components/addresses/AddressFormField.tsx';
import { useRefreshUsers } from './useRefreshUsers.ts';
import { USERS_NOTICE } from './notice-id.ts';
import { FormDialog } from '../../components/FormDialog.tsx';

interface PrimaryAddressModalProps {
  organizationId: string;
  user: { id: string; name: string; email: string | null };
  domains: readonly string[];
  onDismiss(): void;
  onChanged(): void;
}

/** A new default sending address: an alias of the user or a new address; the previous primary stays as an alias. */
export function PrimaryAddressModal({ organizationId, user, domains, onDismiss, onChanged }: PrimaryAddressModalProps) {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const { notify } = useNotifications();
  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(SetPrimaryAddressInput),
    criteriaMode: 'all',
    defaultValues: { organizationId, entityId: user.id, address: user.email ?? `@${domains[0] ?? ''}` },
  });

  const change = useMutation(
    trpc.users.setPrimaryAddress.mutationOptions({
      onSuccess: async (_, input) => {
        await refresh();
        notify({ id: USERS_NOTICE, type: 'success', content: `${input.address} is now the primary address of ${user.name}. The previous one is kept as an alias.` });
        onChanged();
      },
    }),
  );
  const { send, failure } = formMutation(change, setError, ['address']);
  const submit = handleSubmit((input) => (input.address === user.email ? onDismiss() : send(input)));

  return (
    <FormDialog
      closeAriaLabel="Close dialog"
      header="Change primary email address"
      primaryLabel="Save changes"
      pending={change.isPending}
      onSubmit={() => void submit()}
      onClose={onDismiss}
      failure={failure}
      failureHeader="The primary address was not changed"
    >
      <AddressFormField
        control={control}
        name="address"
        label="Primary email address to be used for this user"
        description="Outgoing mail is sent from this address. It may be one of the user's aliases or a new address; the current primary address becomes an alias."
        domains={domains}
      />
    </FormDialog>
  );
}
