import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Textarea from '@cloudscape-design/components/textarea';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, type Control } from 'react-hook-form';
import { deviceProperties, MAX_CONDITION_VALUES, MAX_DESCRIPTION_LENGTH, MAX_RULE_NAME_LENGTH, type ConditionKey, type MobileDeviceAccessRule } from '@mailyard/core/mobile-access';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formMutation } from '../../lib/errors.ts';
import { fieldMessages } from '../../lib/field-messages.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { emptyRuleForm, RuleForm, ruleFieldsOf, ruleFormField, ruleFormOf } from './rule-form.ts';

function ConditionField({ control, name, label }: { control: Control<RuleForm>; name: ConditionKey; label: string }) {
  return (
    <Controller
      control={control}
      name={`conditions.${name}`}
      render={({ field, fieldState }) => (
        <FormField label={label} errorText={fieldMessages(fieldState.error)} stretch>
          <Textarea
            ref={field.ref}
            value={field.value}
            rows={2}
            spellcheck={false}
            ariaLabel={label}
            invalid={Boolean(fieldState.error)}
            onChange={({ detail }) => field.onChange(detail.value)}
            onBlur={field.onBlur}
          />
        </FormField>
      )}
    />
  );
}

/** Create rule, or Edit rule (`rule`): name, description, effect and the eight conditions, checked as core checks them. */
export function RuleDialog({ organizationId, rule, onDismiss }: { organizationId: string; rule?: MobileDeviceAccessRule; onDismiss: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const { control, handleSubmit, setError } = useForm<RuleForm>({ resolver: zodResolver(RuleForm), defaultValues: rule ? ruleFormOf(rule) : emptyRuleForm });
  const saved = async (name: string) => {
    notify({ id: `mobile-rule-${name}`, type: 'success', content: `Rule ${name} was ${rule ? 'saved' : 'created'}. Devices follow it from their next sync.` });
    await queryClient.invalidateQueries(trpc.mobileAccess.pathFilter());
    void queryClient.invalidateQueries(trpc.activity.pathFilter());
    onDismiss();
  };
  const create = useMutation(trpc.mobileAccess.createRule.mutationOptions({ onSuccess: (_, v) => saved(v.name) }));
  const update = useMutation(trpc.mobileAccess.updateRule.mutationOptions({ onSuccess: (_, v) => saved(v.name) }));
  const creating = formMutation(create, setError, ruleFormField);
  const updating = formMutation(update, setError, ruleFormField);
  const submit = handleSubmit((form) => {
    const fields = ruleFieldsOf(form);
    if (rule) updating.send({ organizationId, ruleId: rule.id, ...fields });
    else creating.send({ organizationId, ...fields });
  });
  return (
    <FormDialog
      header={rule ? `Edit rule ${rule.name}` : 'Create rule'}
      size="large"
      primaryLabel={rule ? 'Save' : 'Create rule'}
      pending={create.isPending || update.isPending}
      onSubmit={() => void submit()}
      failure={rule ? updating.failure : creating.failure}
      failureHeader="The rule was not saved"
      onClose={onDismiss}
      closeAriaLabel="Close dialog"
    >
      <ColumnLayout columns={2}>
        <TextField control={control} name="name" label="Name" constraintText={`1–${MAX_RULE_NAME_LENGTH} characters.`} autoFocus autoComplete={false} />
        <TextField control={control} name="description" label="Description - optional" constraintText={`Up to ${MAX_DESCRIPTION_LENGTH} characters.`} autoComplete={false} />
      </ColumnLayout>
      <Controller
        control={control}
        name="effect"
        render={({ field }) => (
          <FormField label="Effect" description="A device any DENY rule applies to is blocked, whatever the ALLOW rules say.">
            <RadioGroup
              value={field.value}
              onChange={({ detail }) => field.onChange(detail.value)}
              items={[
                { value: 'ALLOW', label: 'Allow', description: 'Devices this rule applies to may sync, unless a DENY rule applies too.' },
                { value: 'DENY', label: 'Deny', description: 'Devices this rule applies to are blocked.' },
              ]}
            />
          </FormField>
        )}
      />
      <Header
        variant="h3"
        description={`One value per line, at most ${MAX_CONDITION_VALUES}. A value matches what the device reports when that starts with it, without case (iOS 17 matches iOS 17.4). $NONE matches a device that reports nothing. The rule applies when every filled condition matches; with none, it applies to every device.`}
      >
        Conditions
      </Header>
      {deviceProperties.map((p) => (
        <ColumnLayout key={p.key} columns={2}>
          <ConditionField control={control} name={p.key} label={`${p.label} (matches one)`} />
          <ConditionField control={control} name={p.not} label={`${p.label} (matches none)`} />
        </ColumnLayout>
      ))}
    </FormDialog>
  );
}
