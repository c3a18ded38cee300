import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, useWatch, type Control, type Resolver } from 'react-hook-form';
import { useParams } from 'wouter';
import { MAX_MIGRATION_CSV_BYTES, StartMigrationInput, type PasswordMode } from '@mailyard/core/migration';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { CsvFileUpload } from '../../components/CsvFileUpload.tsx';
import { FormPage } from '../../components/FormPage.tsx';
import { FormSection } from '../../components/FormSection.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formMutation } from '../../lib/errors.ts';
import { fieldMessages } from '../../lib/field-messages.ts';
import { href, useNavigate } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { emptyMigrationForm, migrationFormFields, withoutEmpty, type MigrationForm } from './form.ts';
import { migrationRunPath, migrationsPath, newMigrationPath } from './paths.ts';

const passwordOptions: { value: PasswordMode; label: string; description: string }[] = [
  { value: 'none', label: 'Leave without a password', description: 'Mail arrives, but nobody signs in until you set a password or send a reset link.' },
  { value: 'csv', label: 'Passwords from a CSV', description: 'Columns user,password ("user" is the user name or the WorkMail address).' },
  { value: 'reset-link', label: 'Reset links to recovery addresses', description: 'A one-time link (valid 72 hours) to the address of each row: columns user,recovery_email.' },
];

const schemaResolver = zodResolver(StartMigrationInput);
/** Empty optional fields count as not given. */
const resolver: Resolver<MigrationForm> = (values, context, options) => schemaResolver(withoutEmpty(values), context, options);

/**
 * *Migrate from WorkMail*, step 1: where WorkMail is and how to read it, the password option and the mailbox copy.
 * *Plan* stores the settings (secrets sealed, never shown again) and starts a dry run on the server; the run's page
 * shows the plan, from which the operator migrates.
 */
export function NewMigrationPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { crumbs, alias } = useOrganizationCrumbs(organizationId);
  usePage('Migrate from WorkMail', [
    ...crumbs,
    { text: 'Migrate from WorkMail', href: href(migrationsPath(organizationId)) },
    { text: 'New migration', href: href(newMigrationPath(organizationId)) },
  ]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { control, handleSubmit, setError, setValue, clearErrors } = useForm<MigrationForm>({ resolver, defaultValues: emptyMigrationForm(organizationId), mode: 'onTouched' });
  const passwordMode = useWatch({ control, name: 'passwordMode' });
  const copyMail = useWatch({ control, name: 'copyMail' });
  const [files, setFiles] = useState<File[]>([]);
  const [sourceFiles, setSourceFiles] = useState<File[]>([]);

  const plan = useMutation(
    trpc.migration.plan.mutationOptions({
      onSuccess: async (run) => {
        await queryClient.invalidateQueries(trpc.migration.pathFilter());
        navigate(migrationRunPath(organizationId, run.id));
      },
    }),
  );
  const { send, failure } = formMutation(plan, setError, migrationFormFields);

  /** A CSV chosen for `field`: read by the browser into the form, which checks it as the server will. */
  const chooseCsv = async (field: 'passwordsCsv' | 'sourceImapPasswordsCsv', chosen: File[]) => {
    (field === 'passwordsCsv' ? setFiles : setSourceFiles)(chosen);
    clearErrors(field);
    const file = chosen[0];
    if (!file) return setValue(field, '');
    if (file.size > MAX_MIGRATION_CSV_BYTES) return setError(field, { type: 'size', message: 'The CSV must be at most 1 MB.' });
    setValue(field, await file.text(), { shouldValidate: true });
  };

  return (
    <FormPage
      title="Migrate from WorkMail"
      description={`Bring an Amazon WorkMail organization into ${alias}: domains, users, groups, aliases, quotas, permissions, resources and, if you choose, the mailboxes. Plan first: nothing changes until you migrate.`}
      submitLabel="Plan"
      cancelPath={migrationsPath(organizationId)}
      onSubmit={handleSubmit((input) => send(input as StartMigrationInput))}
      pending={plan.isPending}
      failure={failure}
      failureHeader="The migration could not be planned"
    >
      <FormSection title="Source: WorkMail" description="Read with WorkMail's own API and an access key allowed to read the organization (workmail:Describe*, workmail:List*, workmail:Get*).">
        <ColumnLayout columns={2}>
          <TextField control={control} name="sourceOrganizationId" label="WorkMail organization id" placeholder="m-0123456789abcdef0123456789abcdef" autoComplete={false} spellcheck={false} />
          <TextField control={control} name="region" label="Region" description="The organization's AWS region." placeholder="eu-west-1" autoComplete={false} spellcheck={false} />
        </ColumnLayout>
        <TextField
          control={control}
          name="endpointUrl"
          label="Endpoint URL (optional)"
          description="Empty: AWS's WorkMail endpoint of the region. Any WorkMail-compatible API works, such as another Mailyard's https://host/aws."
          placeholder="https://workmail.eu-west-1.amazonaws.com"
          autoComplete={false}
          spellcheck={false}
        />
        <ColumnLayout columns={2}>
          <TextField control={control} name="accessKeyId" label="Access key id" autoComplete={false} spellcheck={false} />
          <TextField control={control} name="secretAccessKey" label="Secret access key" description="Stored encrypted; never shown again." type="password" autoComplete={false} />
        </ColumnLayout>
      </FormSection>

      <FormSection title="Passwords" description="WorkMail never gives out passwords: choose what migrated users get. Users already here keep theirs.">
        <Controller
          control={control}
          name="passwordMode"
          render={({ field }) => (
            <FormField label="New users">
              <RadioGroup value={field.value} onChange={({ detail }) => field.onChange(detail.value)} items={passwordOptions} ariaLabel="New users" />
            </FormField>
          )}
        />
        {passwordMode !== 'none' && (
          <CsvField
            control={control}
            name="passwordsCsv"
            label={passwordMode === 'csv' ? 'Passwords CSV' : 'Recovery addresses CSV'}
            description={passwordMode === 'csv' ? 'Header line user,password. Stored encrypted.' : 'Header line user,recovery_email.'}
            files={files}
            onChoose={(chosen) => void chooseCsv('passwordsCsv', chosen)}
          />
        )}
      </FormSection>

      <FormSection title="Mailboxes" description="Copied over IMAP, folder by folder with flags and dates, signing in to the target as its master user and to the source as its master user or as each mailbox with its own password. A message already in the target is never copied twice.">
        <CheckboxField control={control} name="copyMail" description="Without it, only the directory moves: mail stays in WorkMail until a later run copies it.">
          Copy mailbox content
        </CheckboxField>
        {copyMail && (
          <>
            <ColumnLayout columns={3}>
              <TextField control={control} name="sourceImapUrl" label="Source IMAP server" placeholder="imaps://imap.mail.eu-west-1.awsapps.com" autoComplete={false} spellcheck={false} />
              <TextField control={control} name="sourceImapMaster" label="Source master user" autoComplete={false} spellcheck={false} />
              <TextField control={control} name="sourceImapMasterPassword" label="Source master password" type="password" autoComplete={false} />
            </ColumnLayout>
            <CsvField
              control={control}
              name="sourceImapPasswordsCsv"
              label="Or: source passwords CSV"
              description="Amazon WorkMail has no master users: without one, each mailbox is read with its own password. Header line user,password. Stored encrypted."
              files={sourceFiles}
              onChoose={(chosen) => void chooseCsv('sourceImapPasswordsCsv', chosen)}
            />
            <ColumnLayout columns={3}>
              <TextField control={control} name="targetImapUrl" label="Target IMAP server" description="Mailyard's Dovecot." placeholder="imap://127.0.0.1:143" autoComplete={false} spellcheck={false} />
              <TextField control={control} name="targetImapMaster" label="Target master user" autoComplete={false} spellcheck={false} />
              <TextField control={control} name="targetImapMasterPassword" label="Target master password" type="password" autoComplete={false} />
            </ColumnLayout>
          </>
        )}
      </FormSection>
    </FormPage>
  );
}

/** A CSV of the form, chosen as a file (the browser reads it), with its problems next to it. */
function CsvField(props: { control: Control<MigrationForm>; name: 'passwordsCsv' | 'sourceImapPasswordsCsv'; label: string; description: string; files: File[]; onChoose: (chosen: File[]) => void }) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ fieldState }) => (
        <FormField label={props.label} description={props.description} errorText={fieldMessages(fieldState.error)}>
          <CsvFileUpload value={props.files} onChange={props.onChoose} constraintText="CSV, at most 1 MB." buttonText="Choose CSV file" />
        </FormField>
      )}
    />
  );
}
