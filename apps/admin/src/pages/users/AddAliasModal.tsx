import Alert from '@cloudscape-design/components/alert';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useController, useForm } from 'react-hook-form';
import { AddAliasInput } from '@mailyard/core/addresses';
import { applyFieldErrors, errorInfo, type MailyardErrorInfo } from '../../lib/errors.ts';
import { fieldMessages } from '../../lib/field-messages.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddressField } from './AddressField.tsx';
import { useRefreshUsers } from './useRefreshUsers.ts';
import { USERS_NOTICE } from './notice-id.ts';
import { DialogShell } from '../../components/DialogShell.tsx';

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
  const [failure, setFailure] = useState<MailyardErrorInfo | null>(null);
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
      onError: (error) => {
        if (!applyFieldErrors(error, setError, ['localPart', 'domain'])) setFailure(errorInfo(error));
      },
    }),
  );
  const submit = handleSubmit((input) => {
    setFailure(null);
    add.mutate(input);
  });
  const error = localPart.fieldState.error ?? domain.fieldState.error;

  return (
    <DialogShell
      closeAriaLabel="Close dialog"
      header="Add alias"
      primaryLabel="Add alias"
      pending={add.isPending}
      onPrimary={() => void submit()}
      onClose={onDismiss}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <SpaceBetween size="l">
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
          {failure && (
            <Alert type="error" header="The alias was not added">
              {failure.message}
            </Alert>
          )}
          <button type="submit" hidden />
        </SpaceBetween>
      </form>
    </DialogShell>
  );
}
