import Box from '@cloudscape-design/components/box';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { defaultAddressFor, EnableUsersInput, type UserSummary } from '@mailyard/core/users';
import { formMutation } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddressFormField } from '../../components/addresses/AddressFormField.tsx';
import { nameList, plural } from './format.ts';
import { useRefreshUsers } from './useRefreshUsers.ts';
import { USERS_NOTICE } from './notice-id.ts';
import { FormDialog } from '../../components/FormDialog.tsx';

interface EnableUsersModalProps {
  organizationId: string;
  /** Disabled users, as selected in the list. */
  users: readonly Pick<UserSummary, 'id' | 'name' | 'displayName' | 'email'>[];
  domains: readonly string[];
  defaultDomain: string | null;
  onDismiss(): void;
  onEnabled(): void;
}

/**
 * "Enable users": each selected user with the primary address it will get (the one it had, or name@default domain),
 * which the operator reviews and may change. All or nothing: a refused address is shown on its row.
 */
export function EnableUsersModal({ organizationId, users, domains, defaultDomain, onDismiss, onEnabled }: EnableUsersModalProps) {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const { notify } = useNotifications();
  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(EnableUsersInput),
    criteriaMode: 'all',
    defaultValues: {
      organizationId,
      users: users.map((u) => ({ userId: u.id, email: u.email ?? (defaultDomain ? defaultAddressFor(u.name, defaultDomain) : '') })),
    },
  });

  const enable = useMutation(
    trpc.users.enable.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        notify({
          id: USERS_NOTICE,
          type: 'success',
          content: `${users.length === 1 ? `User ${users[0]!.name} was` : `${plural(users.length, 'user')} were`} enabled: ${nameList(result.users.map((u) => u.email))}.`,
        });
        onEnabled();
      },
    }),
  );

  const { send, failure } = formMutation(enable, setError, users.map((_, i) => `users.${i}.email` as const));
  const submit = handleSubmit(send);

  return (
    <FormDialog
      closeAriaLabel="Close dialog"
      size="medium"
      header="Enable users"
      primaryLabel="Enable"
      pending={enable.isPending}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The users were not enabled"
      onClose={onDismiss}
    >
      <Box variant="p">
        {users.length === 1 ? 'This user gets' : 'Each user gets'} a mailbox and can sign in again. Review the primary email address{' '}
        {users.length === 1 ? 'it' : 'each one'} will send from, and change it as needed. A user whose mailbox was kept gets it back.
      </Box>
      {users.map((user, i) => (
        <AddressFormField key={user.id} control={control} name={`users.${i}.email`} label={user.name} description={user.displayName} domains={domains} />
      ))}
    </FormDialog>
  );
}
