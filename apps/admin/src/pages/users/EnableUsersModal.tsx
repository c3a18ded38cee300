import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { defaultAddressFor, EnableUsersInput, lacksPassword, type UserSummary } from '@mailyard/core/users';
import { formMutation } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddressFormField } from '../../components/addresses/AddressFormField.tsx';
import { nameList, plural } from './format.ts';
import { PasswordFields } from './PasswordFields.tsx';
import { useRefreshUsers } from './useRefreshUsers.ts';
import { USERS_NOTICE } from './notice-id.ts';
import { FormDialog } from '../../components/FormDialog.tsx';

interface EnableUsersModalProps {
  organizationId: string;
  /** Disabled users, as selected in the list. */
  users: readonly Pick<UserSummary, 'id' | 'name' | 'displayName' | 'email' | 'role' | 'state' | 'hasPassword' | 'fromDirectory'>[];
  domains: readonly string[];
  defaultDomain: string | null;
  onDismiss(): void;
  onEnabled(): void;
}

/**
 * "Enable users": each selected user with the primary address it will get (the one it had, or name@default domain),
 * which the operator reviews and may change; a user without a password (created through the WorkMail API) is given
 * one here, checked against the policy, so that enabling it lets it sign in. All or nothing: a refused address or
 * password is shown on its row.
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
      users: users.map((u) => ({
        userId: u.id,
        email: u.email ?? (defaultDomain ? defaultAddressFor(u.name, defaultDomain) : ''),
        // Empty, not absent: the policy then requires a password for this row.
        ...(lacksPassword(u) ? { password: '', repeatPassword: '' } : {}),
      })),
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

  const { send, failure } = formMutation(
    enable,
    setError,
    users.flatMap((_, i) => [`users.${i}.email`, `users.${i}.password`, `users.${i}.repeatPassword`] as const),
  );
  const withoutPassword = users.filter(lacksPassword).length;
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
        {users.length === 1 ? 'This user gets' : 'Each user gets'} a mailbox and can sign in{withoutPassword > 0 ? ' with its password' : ' again'}. Review the primary
        email address {users.length === 1 ? 'it' : 'each one'} will send from, and change it as needed. A user whose mailbox was kept gets it back.
      </Box>
      {withoutPassword > 0 && (
        <Alert type="info" header={withoutPassword === 1 && users.length === 1 ? 'This user has no password set' : `${plural(withoutPassword, 'user')} without a password`}>
          A user created through the API has no password and could not sign in. Set one below; it is given in the same step as the mailbox.
        </Alert>
      )}
      {users.map((user, i) => (
        <SpaceBetween key={user.id} size="l">
          <AddressFormField control={control} name={`users.${i}.email`} label={user.name} description={user.displayName} domains={domains} />
          {lacksPassword(user) && <PasswordFields control={control} prefix={`users.${i}.`} passwordLabel={`Password for ${user.name}`} />}
        </SpaceBetween>
      ))}
    </FormDialog>
  );
}
