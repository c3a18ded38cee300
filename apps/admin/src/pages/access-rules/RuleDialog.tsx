import FormField from '@cloudscape-design/components/form-field';
import Multiselect from '@cloudscape-design/components/multiselect';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Textarea from '@cloudscape-design/components/textarea';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, type Control } from 'react-hook-form';
import { ACCESS_ACTIONS, ACCESS_RULE_LIMITS, ENFORCED_ACCESS_ACTIONS, type AccessAction, type AccessControlRule } from '@mailyard/core/access-control';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formMutation } from '../../lib/errors.ts';
import { fieldMessages } from '../../lib/field-messages.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { formField, formValues, ruleResolver, toRule, type RuleFormValues } from './rule-form.ts';
import { UserMultiselect } from './UserMultiselect.tsx';

const actionOptions = ACCESS_ACTIONS.map((a) => ({ value: a, label: a, description: ENFORCED_ACCESS_ACTIONS[a] ?? 'Not served by Mailyard' }));

function ActionsField({ control, name, label, description }: { control: Control<RuleFormValues>; name: 'actions' | 'notActions'; label: string; description: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField label={label} description={description} errorText={fieldMessages(fieldState.error)}>
          <Multiselect
            ariaLabel={label}
            selectedOptions={actionOptions.filter((o) => field.value.includes(o.value))}
            options={actionOptions}
            placeholder="Any protocol"
            invalid={Boolean(fieldState.error)}
            onChange={({ detail }) => field.onChange(detail.selectedOptions.map((o) => o.value as AccessAction))}
          />
        </FormField>
      )}
    />
  );
}

function RangesField({ control, name, label, description }: { control: Control<RuleFormValues>; name: 'ipRanges' | 'notIpRanges'; label: string; description: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField label={label} description={description} constraintText="One CIDR range a line, IPv4 or IPv6: 192.0.2.0/24, 2001:db8::/32." errorText={fieldMessages(fieldState.error)}>
          <Textarea ariaLabel={label} value={field.value} rows={3} spellcheck={false} invalid={Boolean(fieldState.error)} onChange={({ detail }) => field.onChange(detail.value)} onBlur={field.onBlur} />
        </FormField>
      )}
    />
  );
}

function UsersField({ control, name, label, description, organizationId }: { control: Control<RuleFormValues>; name: 'userIds' | 'notUserIds'; label: string; description: string; organizationId: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField label={label} description={description} errorText={fieldMessages(fieldState.error)}>
          <UserMultiselect organizationId={organizationId} ariaLabel={label} value={field.value} onChange={field.onChange} invalid={Boolean(fieldState.error)} />
        </FormField>
      )}
    />
  );
}

/** "Add rule" and "Edit rule": every field of a rule, checked with core's schema; a rule of the same name is replaced. */
export function RuleDialog({ organizationId, rule, onDismiss }: { organizationId: string; rule: AccessControlRule | null; onDismiss: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const { control, handleSubmit, setError } = useForm<RuleFormValues>({ resolver: ruleResolver, defaultValues: formValues(rule) });
  const put = useMutation(
    trpc.accessRules.put.mutationOptions({
      onSuccess: async (_, { name }) => {
        notify({ id: `access-rule-${name}`, type: 'success', content: `Rule ${name} was ${rule ? 'saved' : 'added'}.` });
        // The evaluate panel's answer was the old rules'.
        await queryClient.invalidateQueries(trpc.accessRules.pathFilter());
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
        onDismiss();
      },
    }),
  );
  const { send, failure } = formMutation(put, setError, formField);
  const submit = handleSubmit((values) => send({ organizationId, ...toRule(values) }));
  return (
    <FormDialog
      header={rule ? `Edit rule ${rule.name}` : 'Add rule'}
      primaryLabel={rule ? 'Save' : 'Add rule'}
      pending={put.isPending}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The rule was not saved"
      onClose={onDismiss}
      size="large"
    >
      <TextField
        control={control}
        name="name"
        label="Name"
        readOnly={rule !== null}
        constraintText={rule ? 'A rule is known by its name.' : `1–${ACCESS_RULE_LIMITS.name} letters, digits, hyphens and underscores. A rule of the same name is replaced.`}
        autoFocus={rule === null}
        autoComplete={false}
        spellcheck={false}
      />
      <Controller
        control={control}
        name="effect"
        render={({ field }) => (
          <FormField label="Effect" description="A matching rule that denies wins over every rule that allows.">
            <RadioGroup
              value={field.value}
              onChange={({ detail }) => field.onChange(detail.value)}
              items={[
                { value: 'DENY', label: 'Deny', description: 'Refuse the sign-ins this rule matches.' },
                { value: 'ALLOW', label: 'Allow', description: 'Let them in, unless a rule that denies matches too.' },
              ]}
            />
          </FormField>
        )}
      />
      <TextField control={control} name="description" label="Description - optional" constraintText={`Up to ${ACCESS_RULE_LIMITS.description} characters.`} autoComplete={false} />
      <ActionsField control={control} name="actions" label="Protocols" description="The rule matches only these. None: every protocol." />
      <ActionsField control={control} name="notActions" label="Except protocols" description="The rule never matches these." />
      <RangesField control={control} name="ipRanges" label="From addresses" description="The rule matches only clients in these ranges. Empty: any address." />
      <RangesField control={control} name="notIpRanges" label="Except addresses" description="The rule never matches clients in these ranges." />
      <UsersField control={control} name="userIds" organizationId={organizationId} label="Users" description="The rule matches only these users. None: every user." />
      <UsersField control={control} name="notUserIds" organizationId={organizationId} label="Except users" description="The rule never matches these users." />
    </FormDialog>
  );
}
