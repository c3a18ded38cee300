import Alert from '@cloudscape-design/components/alert';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useParams } from 'wouter';
import { MAX_LOCAL_PART_LENGTH } from '@mailyard/core/addresses';
import { DEFAULT_QUOTA_MB } from '@mailyard/core/mailboxes';
import { CreateUserInput, defaultAddressFor, USER_NAME_MAX_LENGTH } from '@mailyard/core/users';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { FormPage } from '../../components/FormPage.tsx';
import { FormSection } from '../../components/FormSection.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formMutation } from '../../lib/errors.ts';
import { href, useNavigate } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddressFormField } from '../../components/addresses/AddressFormField.tsx';
import { addressParts } from '../../components/addresses/AddressField.tsx';
import { formatMb } from './format.ts';
import { PasswordFields } from './PasswordFields.tsx';
import { createUserPath, userPath, usersPath } from './paths.ts';
import { useOrganization } from './useOrganization.ts';
import { useRefreshUsers } from './useRefreshUsers.ts';
import { USERS_NOTICE } from './notice-id.ts';
import { PageLoading } from '../../components/PageLoading.tsx';

/** "Create a user": the organization's domains are needed before the form can prefill the email address. */
export function CreateUserPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const org = useOrganization(organizationId);
  usePage('Create user', org.usersCrumbs({ text: 'Create user', href: href(createUserPath(organizationId)) }));

  if (org.query.isPending) {
    return <PageLoading>Loading organization</PageLoading>;
  }
  if (org.query.isError) return <ErrorAlert header="The organization could not be loaded" error={org.query.error} onRetry={() => void org.query.refetch()} />;
  return <CreateUserForm organizationId={organizationId} domains={org.verified} defaultDomain={org.defaultDomain} />;
}

const fields = ['name', 'displayName', 'firstName', 'lastName', 'email', 'password', 'repeatPassword'] as const;

const optional = (label: string) => <span>{label} <i>- optional</i></span>;

function CreateUserForm({ organizationId, domains, defaultDomain }: { organizationId: string; domains: string[]; defaultDomain: string | null }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefreshUsers();
  const { notify } = useNotifications();
  // The email address follows the user name until the operator edits its part before the @.
  const [emailEdited, setEmailEdited] = useState(false);

  const { control, handleSubmit, setError, setValue, getValues, formState } = useForm({
    resolver: zodResolver(CreateUserInput),
    criteriaMode: 'all',
    defaultValues: {
      organizationId,
      name: '',
      displayName: '',
      firstName: '',
      lastName: '',
      email: defaultDomain ? `@${defaultDomain}` : '',
      hiddenFromGlobalAddressList: false,
      password: '',
      repeatPassword: '',
    },
  });

  // Read during render, so the form reports it (a field that follows another re-validates once the form was submitted).
  const { isSubmitted } = formState;

  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async ({ userId }, input) => {
        await refresh();
        notify({ id: USERS_NOTICE, type: 'success', content: `User ${input.name} was created with the address ${input.email}.` });
        navigate(userPath(organizationId, userId));
      },
    }),
  );
  const { send, failure } = formMutation(create, setError, fields);
  const submit = handleSubmit(send);

  return (
    <FormPage
      title="Create user"
      description="The user gets a mailbox and can sign in to their mail as soon as it is created."
      submitLabel="Create user"
      cancelPath={usersPath(organizationId)}
      onSubmit={submit}
      pending={create.isPending}
      failure={failure}
      failureHeader="The user was not created"
    >
      <FormSection title="User details">
        <TextField
          control={control}
          name="name"
          label="User name"
          description="The name the user signs in with. It is unique in this organization."
          constraintText={`Up to ${USER_NAME_MAX_LENGTH} characters: letters, digits, _ - and .`}
          placeholder="jdoe"
          autoComplete={false}
          spellcheck={false}
          onValueChange={(name) => {
            if (emailEdited) return;
            const { domain } = addressParts(getValues('email') ?? '');
            setValue('email', domain ? defaultAddressFor(name, domain) : '', { shouldValidate: isSubmitted });
          }}
        />
        <TextField control={control} name="firstName" label={optional('First name')} />
        <TextField control={control} name="lastName" label={optional('Last name')} />
        <TextField control={control} name="displayName" label="Display name" />
        <CheckboxField control={control} name="hiddenFromGlobalAddressList" description="The user does not appear in the organization's address book.">
          Hide from the global address list
        </CheckboxField>
      </FormSection>
      <FormSection title="Email setup" description={`The mailbox is created with the default quota of ${formatMb(DEFAULT_QUOTA_MB)}.`}>
        {domains.length === 0 && (
          <Alert type="warning" header="No verified domain">
            This organization has no verified mail domain yet, so users cannot get an email address. Wait for the organization to become active.
          </Alert>
        )}
        <AddressFormField
          control={control}
          name="email"
          label="Email address"
          description="The user's primary address, which it sends from. It follows the user name until you change it."
          constraintText={`Letters, digits and . _ % + -, at most ${MAX_LOCAL_PART_LENGTH} characters before the @.`}
          domains={domains}
          onLocalPartEdit={() => setEmailEdited(true)}
        />
        <PasswordFields control={control} />
      </FormSection>
    </FormPage>
  );
}
