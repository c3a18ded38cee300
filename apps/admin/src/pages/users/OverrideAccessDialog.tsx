import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { accessDescription, describeDecision, MAX_DESCRIPTION_LENGTH, type MobileDeviceAccessDecision } from '@mailyard/core/mobile-access';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formMutation } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { USERS_NOTICE } from './notice-id.ts';

const OverrideForm = z.object({ choice: z.enum(['ALLOW', 'DENY', 'REMOVE']), description: accessDescription });

const primary = { ALLOW: 'Allow device', DENY: 'Block device', REMOVE: 'Remove override' } as const;

interface OverrideAccessDialogProps {
  organizationId: string;
  userId: string;
  userName: string;
  deviceId: string;
  decision: MobileDeviceAccessDecision;
  onDismiss(): void;
}

/**
 * Override access: allow or block this user's device whatever the organization's rules say, or remove the override so
 * the rules decide again. The dialog says what the device gets now and what the rules alone would give it.
 */
export function OverrideAccessDialog({ organizationId, userId, userName, deviceId, decision, onDismiss }: OverrideAccessDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const current = decision.override;
  const { control, handleSubmit, setError } = useForm<z.input<typeof OverrideForm>, unknown, z.output<typeof OverrideForm>>({
    resolver: zodResolver(OverrideForm),
    defaultValues: { choice: current ? (current.effect === 'ALLOW' ? 'DENY' : 'ALLOW') : decision.effect === 'ALLOW' ? 'DENY' : 'ALLOW', description: current?.description ?? '' },
  });
  const choice = useWatch({ control, name: 'choice' });
  const done = async (message: string) => {
    notify({ id: USERS_NOTICE, type: 'success', content: message });
    await queryClient.invalidateQueries(trpc.mobileAccess.pathFilter());
    void queryClient.invalidateQueries(trpc.activity.pathFilter());
    onDismiss();
  };
  const put = useMutation(
    trpc.mobileAccess.putOverride.mutationOptions({
      onSuccess: (o) => done(`Device ${o.deviceId} is ${o.effect === 'ALLOW' ? 'allowed' : 'blocked'} by an override from its next sync.`),
    }),
  );
  const remove = useMutation(trpc.mobileAccess.deleteOverride.mutationOptions({ onSuccess: () => done(`The override of device ${deviceId} was removed: the rules decide again.`) }));
  const putting = formMutation(put, setError, ['description']);
  const removing = formMutation(remove, setError, []);
  const ref = { organizationId, userId, deviceId };
  const submit = handleSubmit((values) => {
    if (values.choice === 'REMOVE') removing.send(ref);
    else putting.send({ ...ref, effect: values.choice, description: values.description });
  });
  const rulesWord = decision.rules.effect === 'ALLOW' ? 'allow' : 'block';
  return (
    <FormDialog
      header={`Override access of device ${deviceId}`}
      primaryLabel={primary[choice]}
      pending={put.isPending || remove.isPending}
      onSubmit={() => void submit()}
      failure={putting.failure ?? removing.failure}
      failureHeader="The override was not saved"
      onClose={onDismiss}
      closeAriaLabel="Close dialog"
    >
      <Box variant="p">
        {describeDecision(decision)} Without an override, the organization&apos;s rules {rulesWord} it. An override for {userName}&apos;s device applies from its next sync.
      </Box>
      <Controller
        control={control}
        name="choice"
        render={({ field }) => (
          <FormField label="Access of this device">
            <RadioGroup
              value={field.value}
              onChange={({ detail }) => field.onChange(detail.value)}
              items={[
                { value: 'ALLOW', label: 'Allow', description: 'The device may sync, even if a rule denies it.' },
                { value: 'DENY', label: 'Block', description: 'The device is refused when it syncs, even if the rules allow it.' },
                ...(current ? [{ value: 'REMOVE', label: 'Remove override', description: `The rules decide again: they ${rulesWord} this device.` }] : []),
              ]}
            />
          </FormField>
        )}
      />
      {choice !== 'REMOVE' && (
        <TextField control={control} name="description" label="Reason - optional" constraintText={`Up to ${MAX_DESCRIPTION_LENGTH} characters, shown with the override.`} autoComplete={false} />
      )}
    </FormDialog>
  );
}
