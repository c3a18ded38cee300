import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { MAX_QUOTA_MB, MIN_QUOTA_MB, quotaSchema, UpdateQuotaInput } from '@mailyard/core/mailboxes';
import { formMutation } from '../../lib/errors.ts';
import { fieldMessages } from '../../lib/field-messages.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { formatMb } from './format.ts';
import { useRefreshUsers } from './useRefreshUsers.ts';
import { USERS_NOTICE } from './notice-id.ts';
import { FormDialog } from '../../components/FormDialog.tsx';

/** The box holds text; core's quota rule judges the number it makes (blank or "abc" get the same range message). */
const QuotaForm = UpdateQuotaInput.extend({
  quotaMb: z
    .string()
    .transform((s) => (s.trim() === '' ? Number.NaN : Number(s.trim())))
    .pipe(quotaSchema),
});

interface QuotaModalProps {
  organizationId: string;
  user: { id: string; name: string };
  quotaMb: number;
  onClose(): void;
}

/** "Update mailbox quota": 1 to 51,200 MB. */
export function QuotaModal({ organizationId, user, quotaMb, onClose }: QuotaModalProps) {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const { notify } = useNotifications();
  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(QuotaForm),
    defaultValues: { organizationId, userId: user.id, quotaMb: String(quotaMb) },
  });
  const update = useMutation(
    trpc.mailboxes.updateQuota.mutationOptions({
      onSuccess: async (mailbox) => {
        await refresh();
        notify({ id: USERS_NOTICE, type: 'success', content: `The mailbox quota of ${user.name} is now ${formatMb(mailbox.quotaMb)}.` });
        onClose();
      },
    }),
  );
  const { send, failure } = formMutation(update, setError, ['quotaMb']);
  const submit = handleSubmit(send);

  return (
    <FormDialog
      closeAriaLabel="Close dialog"
      header="Edit mailbox quota"
      primaryLabel="Save"
      pending={update.isPending}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The quota was not changed"
      onClose={onClose}
    >
      <Controller
        control={control}
        name="quotaMb"
        render={({ field, fieldState }) => (
          <FormField
            label="Update mailbox quota"
            description={`The size of ${user.name}'s mailbox in MB. Changing it does not change what you pay.`}
            constraintText={`From ${MIN_QUOTA_MB} to ${formatMb(MAX_QUOTA_MB)} (50 GB).`}
            errorText={fieldMessages(fieldState.error)}
          >
            <Input
              ref={field.ref}
              name={field.name}
              type="number"
              inputMode="numeric"
              step={1}
              value={field.value}
              invalid={Boolean(fieldState.error)}
              onChange={({ detail }) => field.onChange(detail.value)}
              onBlur={field.onBlur}
            />
          </FormField>
        )}
      />
    </FormDialog>
  );
}
