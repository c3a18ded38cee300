import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import LiveRegion from '@cloudscape-design/components/live-region';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm, useWatch, type FieldPath } from 'react-hook-form';
import { DirectoryConnectionSettings, directoryPresets, presetLabels, RegisterDirectoryInput, type DirectoryPreset } from '@mailyard/core/directories';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { FormPage } from '../../components/FormPage.tsx';
import { TextField } from '../../components/TextField.tsx';
import { applyFieldErrors, errorInfo, formMutation } from '../../lib/errors.ts';
import { href, useNavigate } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { CertificateField } from './CertificateField.tsx';
import { directoryFormFields, emptyDirectoryForm, mappingFields, presetValues, type DirectoryForm } from './form.ts';

const presetDescriptions: Record<DirectoryPreset, string> = {
  OpenLDAP: 'inetOrgPerson users and groupOfNames groups; uid as the user name, entryUUID as the id.',
  ActiveDirectory: 'user and group objects; sAMAccountName as the user name, objectGUID as the id.',
};

/** Register directory: how to reach it, bind, and read its users and groups; *Test connection* before saving. */
export function RegisterDirectoryPage() {
  usePage('Register directory', [
    { text: 'Mailyard', href: href('/organizations') },
    { text: 'Directories', href: href('/directories') },
    { text: 'Register directory', href: href('/directories/register') },
  ]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const { control, handleSubmit, setError, setValue, trigger, getValues, clearErrors } = useForm<DirectoryForm>({
    resolver: zodResolver(RegisterDirectoryInput),
    defaultValues: emptyDirectoryForm(),
    mode: 'onTouched',
  });
  const preset = useWatch({ control, name: 'preset' });

  const register = useMutation(
    trpc.directories.register.mutationOptions({
      onSuccess: async (directory) => {
        notify({ id: `directory-registered-${directory.id}`, type: 'success', content: `Directory ${directory.name} (${directory.id}) was registered.` });
        await queryClient.invalidateQueries(trpc.directories.list.pathFilter());
        navigate('/directories');
      },
    }),
  );
  const test = useMutation(trpc.directories.testSettings.mutationOptions());
  const fields = directoryFormFields as readonly FieldPath<DirectoryForm>[];
  const { send, failure } = formMutation(register, setError, fields);

  const runTest = async () => {
    const connectionFields = fields.filter((f) => f !== 'name');
    if (!(await trigger(connectionFields))) return;
    clearErrors();
    const parsed = DirectoryConnectionSettings.safeParse(getValues());
    if (!parsed.success) return;
    test.mutate(parsed.data, { onError: (e) => applyFieldErrors(e, setError, fields) });
  };
  const choosePreset = (next: DirectoryPreset) => {
    setValue('preset', next);
    for (const [key, value] of Object.entries(presetValues(next))) setValue(key as 'mapping', value as DirectoryForm['mapping'], { shouldValidate: false });
  };

  return (
    <FormPage
      title="Register directory"
      description="Connect an existing OpenLDAP or Active Directory. Mailyard reads its users and groups and checks their passwords with it; it never writes to the directory."
      submitLabel="Register directory"
      cancelPath="/directories"
      onSubmit={handleSubmit((input) => send(input as RegisterDirectoryInput))}
      pending={register.isPending}
      failure={failure}
      failureHeader="The directory was not registered"
    >
      <Container header={<Header variant="h2">Directory type</Header>}>
        <FormField label="Preset" description="Fills in the object classes and attribute mapping; you can change them below." stretch>
          <Tiles
            value={preset}
            onChange={({ detail }) => choosePreset(detail.value as DirectoryPreset)}
            items={directoryPresets.map((p) => ({ value: p, label: presetLabels[p], description: presetDescriptions[p] }))}
          />
        </FormField>
      </Container>
      <Container header={<Header variant="h2">Connection</Header>}>
        <SpaceBetween size="l">
          <TextField control={control} name="name" label="Name" description="How the console lists this directory." placeholder="corp-ldap" autoComplete={false} />
          <TextField
            control={control}
            name="url"
            label="URL"
            description="ldaps:// for TLS from the start, or ldap:// (with StartTLS below to encrypt it)."
            placeholder={preset === 'ActiveDirectory' ? 'ldaps://dc1.corp.example.com:636' : 'ldap://ldap.example.com:389'}
            autoComplete={false}
            spellcheck={false}
          />
          <CheckboxField control={control} name="startTls" description="Upgrade the ldap:// connection to TLS before binding.">
            Use StartTLS
          </CheckboxField>
          <CertificateField control={control} />
          <ColumnLayout columns={2}>
            <TextField
              control={control}
              name="bindDn"
              label="Bind DN"
              description="A service account that can read users and groups."
              placeholder={preset === 'ActiveDirectory' ? 'cn=mailyard,cn=Users,dc=corp,dc=example,dc=com' : 'cn=mailyard,ou=services,dc=example,dc=com'}
              autoComplete={false}
              spellcheck={false}
            />
            <TextField control={control} name="bindPassword" label="Bind password" description="Stored encrypted." type="password" autoComplete={false} />
          </ColumnLayout>
        </SpaceBetween>
      </Container>
      <Container header={<Header variant="h2" description="Where users and groups are, and which entries they are.">Users and groups</Header>}>
        <SpaceBetween size="l">
          <ColumnLayout columns={2}>
            <TextField control={control} name="userBaseDn" label="User base DN" placeholder="ou=people,dc=example,dc=com" autoComplete={false} spellcheck={false} />
            <TextField control={control} name="groupBaseDn" label="Group base DN" placeholder="ou=groups,dc=example,dc=com" autoComplete={false} spellcheck={false} />
            <TextField control={control} name="userObjectClass" label="User object class" autoComplete={false} spellcheck={false} />
            <TextField control={control} name="groupObjectClass" label="Group object class" autoComplete={false} spellcheck={false} />
          </ColumnLayout>
          <ExpandableSection headerText="Attribute mapping" headerDescription="Which directory attribute holds each of Mailyard's. Empty: the directory has none.">
            <ColumnLayout columns={3}>
              {mappingFields.map((f) => (
                <TextField key={f.key} control={control} name={`mapping.${f.key}`} label={f.optional ? `${f.label} (optional)` : f.label} autoComplete={false} spellcheck={false} />
              ))}
            </ColumnLayout>
          </ExpandableSection>
          <SpaceBetween size="s">
            <Button formAction="none" loading={test.isPending} onClick={() => void runTest()}>
              Test connection
            </Button>
            <LiveRegion>
              {test.isSuccess && (
                <Alert type="success" header="Connected">
                  Bound as the service account: {test.data.users} users and {test.data.groups} groups found.
                </Alert>
              )}
              {test.isError && !applyableOnField(test.error) && (
                <Alert type="error" header="Test connection failed">
                  {errorInfo(test.error).message}
                </Alert>
              )}
            </LiveRegion>
          </SpaceBetween>
        </SpaceBetween>
      </Container>
    </FormPage>
  );
}

/** A refusal shown next to its field needs no alert of its own. */
const applyableOnField = (error: unknown) => Object.keys(errorInfo(error).fieldErrors).some((f) => (directoryFormFields as readonly string[]).includes(f));
