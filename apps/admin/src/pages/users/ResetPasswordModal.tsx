import Box from '@cloudscape-design/components/box';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { ResetPasswordInput } from '@mailyard/core/users';
import { formMutation } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { PasswordFields } from './PasswordFields.tsx';
import { useRefreshUsers } from './useRefreshUsers.ts';
import { USERS_NOTICE } from './notice-id.ts';
import { FormDialog } from '../../components/FormDialog.tsx';

interface ResetPasswordModalProps {
  organizationId: string;
  user: { id: string; name: string };
  onDismiss(): void;
  onReset(): void;
}

/** "Reset password": a new password and its repeat, checked live against the policy; a refusal names every broken rule. */
export function ResetPasswordModal({ organizationId, user, onDismiss, onReset }: ResetPasswordModalProps) {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const { notify } = useNotifications();
  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(ResetPasswordInput),
    criteriaMode: 'all',
    defaultValues: { organizationId, userId: user.id, password: '', repeatPassword: '' },
  });

  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: async () => {
        await refresh();
        notify({
          id: USERS_NOTICE,
          type: 'success',
          content: `The password of ${user.name} was reset. Their other sessions were signed out.`,
        });
        onReset();
      },
    }),
  );

  const { send, failure } = formMutation(reset, setError, ['password', 'repeatPassword']);
  const submit = handleSubmit(send);

  return (
    <FormDialog
      closeAriaLabel="Close dialog"
      header="Reset password"
      primaryLabel="Reset"
      pending={reset.isPending}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The password was not reset"
      onClose={onDismiss}
    >
      <Box variant="p">
        Enter a new password for <b>{user.name}</b>. The user is signed out of the self-service portal, and earlier password reset links stop working.
      </Box>
      <PasswordFields control={control} passwordLabel="New password" />
    </FormDialog>
  );
}
