import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { permissionDescriptions, permissionLabels, permissionTypes, PutPermissionsInput, type MailboxPermissionSummary } from '@mailyard/core/permissions';
import { formMutation } from '../../lib/errors.ts';
import { fieldMessages } from '../../lib/field-messages.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { GranteeAutosuggest, type Grantee } from './GranteeAutosuggest.tsx';
import { USERS_NOTICE } from './notice-id.ts';
import { FormDialog } from '../../components/FormDialog.tsx';

interface PermissionsModalProps {
  organizationId: string;
  owner: { id: string; name: string };
  /** Edit: this grantee's permissions; absent: "Add permissions" for a grantee still to be chosen. */
  editing?: MailboxPermissionSummary;
  existing: readonly MailboxPermissionSummary[];
  onClose(): void;
}

/** Add or edit one grantee's permissions on the mailbox: Full access, Send as, Send on behalf. */
export function PermissionsModal({ organizationId, owner, editing, existing, onClose }: PermissionsModalProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const [grantee, setGrantee] = useState<Grantee | null>(
    editing ? { id: editing.granteeId, type: editing.granteeType, name: editing.granteeName, email: editing.granteeEmail } : null,
  );
  const { control, handleSubmit, setError, setValue, clearErrors } = useForm({
    resolver: zodResolver(PutPermissionsInput),
    defaultValues: { organizationId, mailboxUserId: owner.id, granteeId: editing?.granteeId ?? '', permissions: editing?.permissions ?? [] },
  });

  const put = useMutation(
    trpc.permissions.put.mutationOptions({
      onSuccess: async ({ permissions }) => {
        await Promise.all([queryClient.invalidateQueries(trpc.permissions.pathFilter()), queryClient.invalidateQueries(trpc.activity.pathFilter())]);
        notify({
          id: USERS_NOTICE,
          type: 'success',
          content: `${grantee?.name} now has ${permissions.map((p) => permissionLabels[p]).join(', ')} on the mailbox of ${owner.name}.`,
        });
        onClose();
      },
    }),
  );
  const { send, failure } = formMutation(put, setError, ['granteeId', 'permissions']);
  const submit = handleSubmit(send);

  const choose = (g: Grantee | null) => {
    setGrantee(g);
    setValue('granteeId', g?.id ?? '');
    clearErrors('granteeId');
    // Choosing a grantee that already has permissions edits them: start from what it has.
    const had = g && existing.find((p) => p.granteeId === g.id);
    if (had) setValue('permissions', had.permissions);
  };

  return (
    <FormDialog
      closeAriaLabel="Close dialog"
      header={editing ? `Edit permissions of ${editing.granteeName}` : 'Add permissions'}
      primaryLabel="Save"
      pending={put.isPending}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The permissions were not saved"
      onClose={onClose}
    >
      <Box variant="p">
        Permissions on the mailbox of <b>{owner.name}</b>.
      </Box>
      <Controller
        control={control}
        name="granteeId"
        render={({ fieldState }) =>
          editing ? (
            <FormField label="User or group">
              <Box>
                {editing.granteeName} ({editing.granteeType === 'GROUP' ? 'group' : 'user'})
              </Box>
            </FormField>
          ) : (
            <FormField
              label="Add new permissions"
              description="The user or group to give permissions to. Only enabled users and groups of this organization can get them."
              errorText={fieldState.error && (grantee ? fieldState.error.message : 'Choose a user or group.')}
            >
              <GranteeAutosuggest
                organizationId={organizationId}
                ownerId={owner.id}
                existing={new Set(existing.map((p) => p.granteeId))}
                value={grantee}
                onChange={choose}
                invalid={Boolean(fieldState.error)}
              />
            </FormField>
          )
        }
      />
      <Controller
        control={control}
        name="permissions"
        render={({ field, fieldState }) => (
          <FormField label="Permissions" errorText={fieldMessages(fieldState.error)}>
            <SpaceBetween size="xs">
              {permissionTypes.map((type) => (
                <Checkbox
                  key={type}
                  checked={field.value.includes(type)}
                  description={permissionDescriptions[type]}
                  onChange={({ detail }) => field.onChange(detail.checked ? [...field.value, type] : field.value.filter((p) => p !== type))}
                >
                  {permissionLabels[type]}
                </Checkbox>
              ))}
            </SpaceBetween>
          </FormField>
        )}
      />
    </FormDialog>
  );
}
