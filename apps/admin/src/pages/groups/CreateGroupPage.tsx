import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useController, useForm } from 'react-hook-form';
import { useParams } from 'wouter';
import { z } from 'zod';
import { joinAddress, localPartProblems } from '@mailyard/core/addresses';
import { CreateGroupInput, GROUP_NAME_MAX_LENGTH } from '@mailyard/core/groups';
import { AddressField } from '../../components/addresses/AddressField.tsx';
import { useAddressDomains } from '../../components/addresses/useAddressDomains.ts';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { FormPage } from '../../components/FormPage.tsx';
import { FormSection } from '../../components/FormSection.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formMutation, type MailyardErrorInfo } from '../../lib/errors.ts';
import { href, useNavigate } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';

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
  const { domains, defaultDomain } = useAddressDomains(organizationId);

  const { control, handleSubmit, setError, setValue, getValues } = useForm<CreateGroupForm>({
    resolver: zodResolver(CreateGroupForm),
    defaultValues: { name: '', localPart: '', domain: '', hiddenFromGlobalAddressList: false },
  });
  const localPart = useController({ control, name: 'localPart' });
  const domain = useController({ control, name: 'domain' });
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
      <FormSection title="Group details">
        <TextField
          control={control}
          name="name"
          label="Group name"
          constraintText={`1–${GROUP_NAME_MAX_LENGTH} characters. Unique in the organization.`}
          placeholder="Sales team"
          autoComplete={false}
        />
        <AddressField
          layout="inline"
          label={
            <>
              Email address <i>- optional</i>
            </>
          }
          controlsLabel="Email address"
          description="With an address the group is created enabled and receives mail. Without one it is created disabled; enable it later to give it one."
          constraintText="The address must not be used by any user, group or alias."
          errorText={localPart.fieldState.error?.message ?? domain.fieldState.error?.message}
          invalid={{ localPart: Boolean(localPart.fieldState.error), domain: Boolean(domain.fieldState.error) }}
          name={localPart.field.name}
          inputRef={localPart.field.ref}
          localPart={localPart.field.value}
          domain={domain.field.value}
          domains={domains}
          placeholder="sales"
          onLocalPartChange={localPart.field.onChange}
          onDomainChange={domain.field.onChange}
          onBlur={localPart.field.onBlur}
        />
        <CheckboxField
          control={control}
          name="hiddenFromGlobalAddressList"
          field={{ label: 'Address book', description: "A hidden group does not appear in the organization's global address list." }}
        >
          Hide from global address list
        </CheckboxField>
      </FormSection>
    </FormPage>
  );
}
