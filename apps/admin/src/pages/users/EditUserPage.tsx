import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useParams } from 'wouter';
import type { z } from 'zod';
import { directoryManagedFields } from '@mailyard/core/directories';
import {
  canRename,
  UpdateUserDetailsInput,
  USER_ATTRIBUTE_MAX_LENGTH,
  userAttributeLabels,
  userNameSchema,
  type UserAttribute,
  type UserDetail,
} from '@mailyard/core/users';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { FormPage } from '../../components/FormPage.tsx';
import { FormSection } from '../../components/FormSection.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formMutation } from '../../lib/errors.ts';
import { href, useNavigate } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { usePage } from '../../lib/page.tsx';
import { useTRPC, useTRPCClient } from '../../lib/trpc.ts';
import { useDirectoryManaged } from './directory-managed.ts';
import { editUserPath, userPath } from './paths.ts';
import { useOrganization } from './useOrganization.ts';
import { useRefreshUsers } from './useRefreshUsers.ts';
import { USERS_NOTICE } from './notice-id.ts';
import { PageLoading } from '../../components/PageLoading.tsx';

/** The details form and, for users that may be renamed, the user name (a separate call, made first). */
const EditUserForm = UpdateUserDetailsInput.extend({ name: userNameSchema });

/** "Edit user": every personal-data field of "Editing user details"; Save changes. */
export function EditUserPage() {
  const { organizationId = '', userId = '' } = useParams<{ organizationId: string; userId: string }>();
  const trpc = useTRPC();
  const org = useOrganization(organizationId);
  const query = useQuery(trpc.users.get.queryOptions({ organizationId, userId }));
  const name = query.data?.name ?? userId;
  usePage(
    `Edit ${name}`,
    org.usersCrumbs({ text: name, href: href(userPath(organizationId, userId)) }, { text: 'Edit', href: href(editUserPath(organizationId, userId)) }),
  );
  if (query.isPending) {
    return <PageLoading>Loading user</PageLoading>;
  }
  if (query.isError) return <ErrorAlert header="The user could not be loaded" error={query.error} onRetry={() => void query.refetch()} />;
  return <EditForm organizationId={organizationId} user={query.data} />;
}

const groups: { title: string; fields: UserAttribute[] }[] = [
  { title: 'Name', fields: ['displayName', 'firstName', 'lastName', 'initials'] },
  { title: 'Contact', fields: ['telephone', 'street', 'city', 'zipCode', 'country'] },
  { title: 'Organization', fields: ['company', 'department', 'jobTitle', 'office'] },
];
const formFields = ['name', 'hiddenFromGlobalAddressList', ...groups.flatMap((g) => g.fields)] as const;

function EditForm({ organizationId, user }: { organizationId: string; user: UserDetail }) {
  const navigate = useNavigate();
  const client = useTRPCClient();
  const refresh = useRefreshUsers();
  const { notify } = useNotifications();
  const managed = useDirectoryManaged(organizationId, user);
  const renameRefusal = canRename(user) ?? managed('name');
  const detailsRefusal = managed('details');
  const detailPath = userPath(organizationId, user.id);

  const { control, handleSubmit, setError } = useForm({
    resolver: zodResolver(EditUserForm),
    criteriaMode: 'all',
    defaultValues: {
      organizationId,
      userId: user.id,
      name: user.name,
      hiddenFromGlobalAddressList: user.hiddenFromGlobalAddressList,
      ...(Object.fromEntries(groups.flatMap((g) => g.fields).map((f) => [f, user[f] ?? ''])) as Record<UserAttribute, string>),
    },
  });

  const save = useMutation({
    mutationFn: async ({ name, ...details }: z.output<typeof EditUserForm>) => {
      if (name !== user.name) await client.users.rename.mutate({ organizationId, userId: user.id, name });
      await client.users.updateDetails.mutate(details);
    },
    onSuccess: async () => {
      await refresh();
      notify({ id: USERS_NOTICE, type: 'success', content: `The details of ${user.name} were saved.` });
      navigate(detailPath);
    },
    // A rename may have gone through before the details were refused: show what is saved now.
    onError: () => refresh(),
  });
  const { send, failure } = formMutation(save, setError, formFields);
  const submit = handleSubmit(send);

  return (
    <FormPage
      title={`Edit ${user.name}`}
      description={`Each field holds at most ${USER_ATTRIBUTE_MAX_LENGTH} characters. Clear a field to remove its value.`}
      submitLabel="Save changes"
      cancelPath={detailPath}
      onSubmit={submit}
      pending={save.isPending}
      failure={failure}
      failureHeader="The changes were not saved"
    >
      <FormSection title="User details">
        {detailsRefusal && <Alert type="info">{detailsRefusal.message} Addresses, quota, permissions and the address-book setting stay editable here.</Alert>}
        <TextField
          control={control}
          name="name"
          label="User name"
          description={renameRefusal ? renameRefusal.message : 'Renaming changes the name the user signs in with, not its email addresses.'}
          readOnly={Boolean(renameRefusal)}
          autoComplete={false}
          spellcheck={false}
        />
        {groups.map((group) => (
          <SpaceBetween key={group.title} size="s">
            <Box variant="h3">{group.title}</Box>
            <ColumnLayout columns={2}>
              {group.fields.map((field) => (
                <TextField
                  key={field}
                  control={control}
                  name={field}
                  label={userAttributeLabels[field]}
                  readOnly={Boolean(detailsRefusal) && (directoryManagedFields as readonly string[]).includes(field)}
                />
              ))}
            </ColumnLayout>
          </SpaceBetween>
        ))}
        <CheckboxField control={control} name="hiddenFromGlobalAddressList" description="The user does not appear in the organization's address book.">
          Hide from the global address list
        </CheckboxField>
      </FormSection>
    </FormPage>
  );
}
