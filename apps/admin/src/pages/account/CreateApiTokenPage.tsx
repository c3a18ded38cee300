import Container from '@cloudscape-design/components/container';
import DatePicker from '@cloudscape-design/components/date-picker';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Multiselect from '@cloudscape-design/components/multiselect';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { ApiTokenAccess, CreateApiTokenInput, MAX_API_TOKEN_ORGANIZATIONS, type ApiTokenSummary } from '@mailyard/core/api-tokens';
import { FormPage } from '../../components/FormPage.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formMutation } from '../../lib/errors.ts';
import { href, useNavigate } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { ApiTokenCreatedModal } from './ApiTokenCreatedModal.tsx';
import { useOrganizationNames } from './organization-names.ts';

const expiryOptions = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'custom', label: 'Custom date' },
  { value: 'never', label: 'No expiration' },
];

const todayIso = () => new Date().toISOString().slice(0, 10);

/** The form: the server's input with the scope and expiry as the operator chooses them. */
const CreateApiTokenForm = z
  .object({
    name: CreateApiTokenInput.shape.name,
    access: ApiTokenAccess,
    scope: z.enum(['all', 'chosen']),
    organizationIds: z.array(z.string()),
    expiry: z.string(),
    expiresOn: z.string(),
  })
  .superRefine((form, ctx) => {
    if (form.scope === 'chosen' && form.organizationIds.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['organizationIds'], message: 'Choose at least one organization.' });
    }
    if (form.scope === 'chosen' && form.organizationIds.length > MAX_API_TOKEN_ORGANIZATIONS) {
      ctx.addIssue({ code: 'custom', path: ['organizationIds'], message: `Choose at most ${MAX_API_TOKEN_ORGANIZATIONS} organizations.` });
    }
    if (form.expiry === 'custom') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(form.expiresOn)) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Choose the expiry date (YYYY/MM/DD).' });
      else if (form.expiresOn <= todayIso()) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'The expiry date must be in the future.' });
    }
  });
type CreateApiTokenForm = z.infer<typeof CreateApiTokenForm>;

/** The end of the chosen day, in the operator's time zone. */
const endOfDay = (isoDate: string) => new Date(`${isoDate}T23:59:59`);

/** Where the server's field errors go on this form. */
const formFieldOf: Record<string, keyof CreateApiTokenForm> = { name: 'name', access: 'access', expiresAt: 'expiresOn', expiresInDays: 'expiry' };

/** "Create API token": name, access, organizations, expiry; the token is shown once when created. */
export function CreateApiTokenPage() {
  usePage('Create API token', [
    { text: 'Mailyard', href: href('/organizations') },
    { text: 'API tokens', href: href('/api-tokens') },
    { text: 'Create API token', href: href('/api-tokens/create') },
  ]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const { organizations, list: organizationsList } = useOrganizationNames();
  const [created, setCreated] = useState<{ token: string; apiToken: ApiTokenSummary } | null>(null);

  const { control, handleSubmit, setError } = useForm<CreateApiTokenForm>({
    resolver: zodResolver(CreateApiTokenForm),
    defaultValues: { name: '', access: 'read-only', scope: 'all', organizationIds: [], expiry: '30', expiresOn: '' },
  });
  const scope = useWatch({ control, name: 'scope' });
  const expiry = useWatch({ control, name: 'expiry' });

  const create = useMutation(
    trpc.apiTokens.create.mutationOptions({
      onSuccess: (result) => {
        setCreated(result);
        notify({ id: `api-token-created-${result.apiToken.id}`, type: 'success', content: `API token ${result.apiToken.name} was created.` });
        void queryClient.invalidateQueries(trpc.apiTokens.pathFilter());
      },
    }),
  );
  const { send, failure } = formMutation(create, setError, (field) => (field.startsWith('organizationIds') ? 'organizationIds' : formFieldOf[field]));

  const submit = handleSubmit((form) => {
    send({
      name: form.name,
      access: form.access,
      organizationIds: form.scope === 'all' ? null : form.organizationIds,
      ...(form.expiry === 'custom' ? { expiresAt: endOfDay(form.expiresOn) } : form.expiry === 'never' ? {} : { expiresInDays: Number(form.expiry) }),
    });
  });

  const organizationOptions = organizations.map((o) => ({ value: o.id, label: o.alias, description: o.id }));

  return (
    <>
      <FormPage
        title="Create API token"
        description="A token lets a script call the typed API as you. Give it only the access and organizations it needs."
        submitLabel="Create API token"
        cancelPath="/api-tokens"
        onSubmit={submit}
        pending={create.isPending}
        failure={failure}
        failureHeader="The API token was not created"
      >
        <Container header={<Header variant="h2">Token details</Header>}>
          <SpaceBetween size="l">
            <TextField
              control={control}
              name="name"
              label="Name"
              description="What the token is for, so you recognise it in the list."
              constraintText="At most 100 characters."
              placeholder="Nightly user export"
              autoComplete={false}
            />
            <Controller
              control={control}
              name="expiry"
              render={({ field, fieldState }) => (
                <FormField label="Expiration" description="After this the token is refused. Tokens that never expire are easy to forget." errorText={fieldState.error?.message}>
                  <Select
                    selectedOption={expiryOptions.find((o) => o.value === field.value) ?? null}
                    options={expiryOptions}
                    ariaLabel="Expiration"
                    onChange={({ detail }) => field.onChange(detail.selectedOption.value)}
                  />
                </FormField>
              )}
            />
            {expiry === 'custom' && (
              <Controller
                control={control}
                name="expiresOn"
                render={({ field, fieldState }) => (
                  <FormField label="Expiry date" description="The token expires at the end of this day." constraintText="Use YYYY/MM/DD format." errorText={fieldState.error?.message}>
                    <DatePicker
                      ref={field.ref}
                      value={field.value}
                      placeholder="YYYY/MM/DD"
                      openCalendarAriaLabel={(selected) => `Choose expiry date${selected ? `, selected date is ${selected}` : ''}`}
                      isDateEnabled={(date) => date.getTime() > Date.now()}
                      invalid={Boolean(fieldState.error)}
                      onChange={({ detail }) => field.onChange(detail.value)}
                      onBlur={field.onBlur}
                    />
                  </FormField>
                )}
              />
            )}
          </SpaceBetween>
        </Container>
        <Container header={<Header variant="h2">Access</Header>}>
          <Controller
            control={control}
            name="access"
            render={({ field }) => (
              <FormField label="Permissions" stretch>
                <Tiles
                  value={field.value}
                  onChange={({ detail }) => field.onChange(detail.value)}
                  ariaLabel="Permissions"
                  items={[
                    { value: 'read-only', label: 'Read-only', description: 'Queries only: lists and details. Every change is refused.' },
                    { value: 'read-write', label: 'Read-write', description: 'Everything you can do in the console, except managing tokens and access keys.' },
                  ]}
                />
              </FormField>
            )}
          />
        </Container>
        <Container header={<Header variant="h2">Organizations</Header>}>
          <SpaceBetween size="l">
            <Controller
              control={control}
              name="scope"
              render={({ field }) => (
                <FormField label="Organizations the token reaches">
                  <RadioGroup
                    value={field.value}
                    onChange={({ detail }) => field.onChange(detail.value)}
                    items={[
                      { value: 'all', label: 'All organizations', description: 'Every organization of your account, also the ones created later.' },
                      { value: 'chosen', label: 'Only the organizations I choose', description: 'Any other organization is not found for this token.' },
                    ]}
                  />
                </FormField>
              )}
            />
            {scope === 'chosen' && (
              <Controller
                control={control}
                name="organizationIds"
                render={({ field, fieldState }) => (
                  <FormField label="Organizations" constraintText={`At most ${MAX_API_TOKEN_ORGANIZATIONS}.`} errorText={fieldState.error?.message}>
                    <Multiselect
                      selectedOptions={organizationOptions.filter((o) => field.value.includes(o.value))}
                      options={organizationOptions}
                      placeholder="Choose organizations"
                      ariaLabel="Organizations"
                      filteringType="auto"
                      statusType={organizationsList.isPending ? 'loading' : organizationsList.isError ? 'error' : 'finished'}
                      loadingText="Loading organizations"
                      errorText="The organizations could not be loaded."
                      empty="Your account has no organizations."
                      invalid={Boolean(fieldState.error)}
                      deselectAriaLabel={(option) => `Remove ${option.label ?? ''}`}
                      onChange={({ detail }) => field.onChange(detail.selectedOptions.map((o) => o.value!))}
                    />
                  </FormField>
                )}
              />
            )}
          </SpaceBetween>
        </Container>
      </FormPage>
      {created && <ApiTokenCreatedModal token={created.token} apiToken={created.apiToken} onDismiss={() => navigate('/api-tokens')} />}
    </>
  );
}
