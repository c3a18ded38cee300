import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Multiselect from '@cloudscape-design/components/multiselect';
import Toggle from '@cloudscape-design/components/toggle';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { ALIAS_PATTERN_MAX_LENGTH, AliasPolicy, MAX_ALIASES_PER_ENTITY } from '@mailyard/core/addresses';
import { formMutation } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { FormDialog } from '../../components/FormDialog.tsx';

/** The form's fields; the limit is typed as text and the pattern may be left empty. Rules are core's AliasPolicy. */
const AliasPolicyForm = z
  .object({ allowed: z.boolean(), domains: z.array(z.string()), maxPerUser: z.string().trim(), localPartPattern: z.string().trim() })
  .superRefine((form, ctx) => {
    if (!/^\d+$/.test(form.maxPerUser)) {
      ctx.addIssue({ code: 'custom', path: ['maxPerUser'], message: 'Enter a whole number.' });
      return;
    }
    const parsed = AliasPolicy.safeParse(toPolicy(form));
    for (const issue of parsed.error?.issues ?? []) ctx.addIssue({ code: 'custom', path: [String(issue.path[0])], message: issue.message });
  });
type AliasPolicyForm = z.infer<typeof AliasPolicyForm>;

const toPolicy = (form: AliasPolicyForm): AliasPolicy => ({
  allowed: form.allowed,
  domains: form.domains,
  maxPerUser: Number(form.maxPerUser),
  localPartPattern: form.localPartPattern === '' ? null : form.localPartPattern,
});

/** The form field a server error on `policy.<field>` (or within it, `policy.domains.0`) belongs to. */
const formFieldOf = (path: string) => {
  const field = path.replace(/^policy\./, '').split('.')[0];
  return field === 'allowed' || field === 'domains' || field === 'maxPerUser' || field === 'localPartPattern' ? field : undefined;
};

interface Props {
  organizationId: string;
  policy: AliasPolicy;
  domains: { domain: string; verified: boolean }[];
  onDismiss: () => void;
}

/** "Edit self-service aliases": whether users may add their own aliases, on which domains, how many, what shape. */
export function EditAliasPolicyModal({ organizationId, policy, domains, onDismiss }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const { control, handleSubmit, setError } = useForm<AliasPolicyForm>({
    resolver: zodResolver(AliasPolicyForm),
    defaultValues: {
      allowed: policy.allowed,
      domains: policy.domains,
      maxPerUser: String(policy.maxPerUser),
      localPartPattern: policy.localPartPattern ?? '',
    },
  });
  const allowed = useWatch({ control, name: 'allowed' });
  const save = useMutation(
    trpc.portalAdmin.setAliasPolicy.mutationOptions({
      onSuccess: async () => {
        notify({ id: `alias-policy-${organizationId}`, type: 'success', content: 'The self-service alias policy was saved.' });
        await queryClient.invalidateQueries(trpc.portalAdmin.getAliasPolicy.pathFilter());
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
        onDismiss();
      },
    }),
  );
  const { send, failure } = formMutation(save, setError, formFieldOf);
  const submit = handleSubmit((form) => send({ organizationId, policy: toPolicy(form) }));
  const domainOptions = domains.map((d) => ({ value: d.domain, label: d.domain, tags: d.verified ? undefined : ['Not verified'] }));

  return (
    <FormDialog
      size="medium"
      header="Edit self-service aliases"
      primaryLabel="Save changes"
      pending={save.isPending}
      lockWhilePending={false}
      onSubmit={() => void submit()}
      failure={failure}
      failureHeader="The alias policy was not saved"
      onClose={onDismiss}
    >
      <Controller
        control={control}
        name="allowed"
        render={({ field }) => (
          <FormField
            label="Self-service"
            description="Users add and remove their own aliases in the self-service portal. Aliases they already have stay when you turn this off."
          >
            <Toggle checked={field.value} onChange={({ detail }) => field.onChange(detail.checked)}>
              Let users add their own aliases
            </Toggle>
          </FormField>
        )}
      />
      <Controller
        control={control}
        name="domains"
        render={({ field, fieldState }) => (
          <FormField label="Domains" description="Leave empty to allow every domain of the organization." errorText={fieldState.error?.message}>
            <Multiselect
              selectedOptions={domainOptions.filter((o) => field.value.includes(o.value))}
              options={domainOptions}
              placeholder="All domains"
              ariaLabel="Domains users may use"
              disabled={!allowed}
              invalid={Boolean(fieldState.error)}
              deselectAriaLabel={(option) => `Remove ${option.label ?? ''}`}
              onChange={({ detail }) => field.onChange(detail.selectedOptions.map((o) => o.value!))}
            />
          </FormField>
        )}
      />
      <Controller
        control={control}
        name="maxPerUser"
        render={({ field, fieldState }) => (
          <FormField label="Aliases per user" constraintText={`0–${MAX_ALIASES_PER_ENTITY}. Applies when a user adds an alias.`} errorText={fieldState.error?.message}>
            <Input
              ref={field.ref}
              name={field.name}
              type="number"
              inputMode="numeric"
              value={field.value}
              disabled={!allowed}
              invalid={Boolean(fieldState.error)}
              onChange={({ detail }) => field.onChange(detail.value)}
              onBlur={field.onBlur}
            />
          </FormField>
        )}
      />
      <Controller
        control={control}
        name="localPartPattern"
        render={({ field, fieldState }) => (
          <FormField
            label={
              <>
                Pattern <i>- optional</i>
              </>
            }
            description="A regular expression the whole part before the @ must match, e.g. [a-z]+\.[a-z]+ for first.last."
            constraintText={`At most ${ALIAS_PATTERN_MAX_LENGTH} characters. Leave empty to allow any valid address.`}
            errorText={fieldState.error?.message}
          >
            <Input
              ref={field.ref}
              name={field.name}
              value={field.value}
              placeholder="Any valid address"
              disabled={!allowed}
              autoComplete={false}
              spellcheck={false}
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
