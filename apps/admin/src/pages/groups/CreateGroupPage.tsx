import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useParams } from 'wouter';
import { z } from 'zod';
import { joinAddress, localPartProblems } from '@mailyard/core/addresses';
import { CreateGroupInput, GROUP_NAME_MAX_LENGTH } from '@mailyard/core/groups';
import { FormPage } from '../../components/FormPage.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formMutation, type MailyardErrorInfo } from '../../lib/errors.ts';
import { href, useNavigate } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddressInput } from './AddressInput.tsx';
import { useOrganizationDomains } from './domains.ts';

/** The form's fields: the address is typed as local part + domain and joined into `email` for the server. */
const CreateGroupForm = z
  .object({
    name: CreateGroupInput.shape.name,
    localPart: z.string().trim().toLowerCase(),
    domain: z.string(),
    hiddenFromGlobalAddressList: z.boolean(),
  })
  .superRefine((form, ctx) => {
    if (!form.localPart) return; // no address: the group is created disabled
    for (const message of localPartProblems(form.localPart)) ctx.addIssue({ code: 'custom', path: ['localPart'], message });
    if (!form.domain) ctx.addIssue({ code: 'custom', path: ['domain'], message: 'Choose a domain.' });
  });
type CreateGroupForm = z.infer<typeof CreateGroupForm>;

/** The server checks `email` as a whole: a domain it does not know goes on the domain, the rest on the local part. */
const formFieldOf = (field: string, error: MailyardErrorInfo) =>
  field === 'email' ? (error.code === 'DOMAIN.NOT_FOUND' ? 'domain' : 'localPart') : field === 'name' ? field : undefined;

/** "Create group": a name, optionally an address (then it is created enabled), and the address-book setting. */
export function CreateGroupPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { crumbs } = useOrganizationCrumbs(organizationId);
  const base = `/organizations/${organizationId}/groups`;
  usePage('Create group', [...crumbs, { text: 'Groups', href: href(base) }, { text: 'Create group', href: href(`${base}/create`) }]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const { domains, defaultDomain } = useOrganizationDomains(organizationId);

  const { control, handleSubmit, setError, setValue, getValues } = useForm<CreateGroupForm>({
    resolver: zodResolver(CreateGroupForm),
    defaultValues: { name: '', localPart: '', domain: '', hiddenFromGlobalAddressList: false },
  });
  // The organization's default domain, once known.
  useEffect(() => {
    if (defaultDomain && !getValues('domain')) setValue('domain', defaultDomain);
  }, [defaultDomain, getValues, setValue]);

  const create = useMutation(
    trpc.groups.create.mutationOptions({
      onSuccess: async (group) => {
        notify({
          id: `group-created-${group.id}`,
          type: 'success',
          content: group.email ? `Group ${group.name} was created and enabled with ${group.email}.` : `Group ${group.name} was created. Enable it to give it an address.`,
        });
        await queryClient.invalidateQueries(trpc.groups.list.pathFilter());
        navigate(`${base}/${group.id}`);
      },
    }),
  );
  const { send, failure } = formMutation(create, setError, formFieldOf);

  const submit = handleSubmit((form) => {
    send({
      organizationId,
      name: form.name,
      ...(form.localPart ? { email: joinAddress(form.localPart, form.domain) } : {}),
      hiddenFromGlobalAddressList: form.hiddenFromGlobalAddressList,
    });
  });

  return (
    <FormPage
      title="Create group"
      description="A group delivers the mail sent to its address to every member."
      submitLabel="Create group"
      cancelPath={base}
      onSubmit={submit}
      pending={create.isPending}
      failure={failure}
      failureHeader="The group was not created"
    >
      <Container header={<Header variant="h2">Group details</Header>}>
        <SpaceBetween size="l">
          <TextField
            control={control}
            name="name"
            label="Group name"
            constraintText={`1–${GROUP_NAME_MAX_LENGTH} characters. Unique in the organization.`}
            placeholder="Sales team"
            autoComplete={false}
          />
          <Controller
            control={control}
            name="localPart"
            render={({ field, fieldState }) => (
              <Controller
                control={control}
                name="domain"
                render={({ field: domain, fieldState: domainState }) => (
                  <FormField
                    label={
                      <>
                        Email address <i>- optional</i>
                      </>
                    }
                    description="With an address the group is created enabled and receives mail. Without one it is created disabled; enable it later to give it one."
                    constraintText="The address must not be used by any user, group or alias."
                    errorText={fieldState.error?.message ?? domainState.error?.message}
                  >
                    <AddressInput
                      label="Email address"
                      name={field.name}
                      localPartRef={field.ref}
                      localPart={field.value}
                      domain={domain.value}
                      domains={domains}
                      placeholder="sales"
                      localPartInvalid={Boolean(fieldState.error)}
                      domainInvalid={Boolean(domainState.error)}
                      onLocalPartChange={field.onChange}
                      onDomainChange={domain.onChange}
                      onBlur={field.onBlur}
                    />
                  </FormField>
                )}
              />
            )}
          />
          <Controller
            control={control}
            name="hiddenFromGlobalAddressList"
            render={({ field }) => (
              <FormField label="Address book" description="A hidden group does not appear in the organization's global address list.">
                <Checkbox checked={field.value} onChange={({ detail }) => field.onChange(detail.checked)}>
                  Hide from global address list
                </Checkbox>
              </FormField>
            )}
          />
        </SpaceBetween>
      </Container>
    </FormPage>
  );
}
