import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tiles from '@cloudscape-design/components/tiles';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { ALIAS_MAX_LENGTH, aliasProblems, CreateOrganizationInput, testDomainFor } from '@mailyard/core/organizations';
import { FormPage } from '../../components/FormPage.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useCreationNotice } from '../../lib/creation-notices.ts';
import { formMutation } from '../../lib/errors.ts';
import { href, useNavigate } from '../../lib/navigation.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DirectoryField } from './DirectoryField.tsx';

type Setup = 'quick' | 'standard';

/** The form's own field: which tile is chosen. Standard setup needs a directory; Quick setup sends none. */
const CreateOrganizationForm = CreateOrganizationInput.extend({ setup: z.enum(['quick', 'standard']) }).superRefine((v, ctx) => {
  if (v.setup === 'standard' && !v.directoryId) ctx.addIssue({ code: 'custom', path: ['directoryId'], message: 'Choose the directory whose users and groups the organization uses.' });
});

/**
 * Quick setup (an alias, and the server does the rest: directory, test domain, managed key) or Standard setup (an
 * alias and a registered directory, whose users and groups the workflow synchronises).
 */
export function CreateOrganizationPage() {
  usePage('Create organization', [
    { text: 'Mailyard', href: href('/organizations') },
    { text: 'Organizations', href: href('/organizations') },
    { text: 'Create organization', href: href('/organizations/create') },
  ]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notifyCreating = useCreationNotice();
  // A retried request (double click, lost response) returns the first request's organization.
  const [clientToken] = useState(() => crypto.randomUUID());

  const { control, handleSubmit, setError, setValue } = useForm({
    resolver: zodResolver(CreateOrganizationForm),
    defaultValues: { alias: '', setup: 'quick' as Setup, directoryId: undefined },
    mode: 'onChange',
  });
  const alias = useWatch({ control, name: 'alias' }).trim();
  const setup = useWatch({ control, name: 'setup' });
  // The installation's MAILYARD_TEST_DOMAIN_SUFFIX: the domain the server will really create.
  const defaults = useQuery(trpc.organizations.setupDefaults.queryOptions(undefined, { staleTime: Infinity }));
  const suffix = defaults.data?.testDomainSuffix;

  const create = useMutation(
    trpc.organizations.create.mutationOptions({
      onSuccess: async ({ organizationId }, input) => {
        notifyCreating(organizationId, input.alias);
        await Promise.all([queryClient.invalidateQueries(trpc.organizations.list.pathFilter()), queryClient.invalidateQueries(trpc.organizations.count.pathFilter())]);
        navigate(`/organizations/${organizationId}`);
      },
    }),
  );
  const { send, failure } = formMutation(create, setError, ['alias', 'directoryId']);
  const submit = handleSubmit((input) =>
    send({ alias: input.alias, clientToken, ...(input.setup === 'standard' && input.directoryId ? { directoryId: input.directoryId } : {}) }),
  );

  const domainPreview = !suffix ? (
    <Box color="text-status-inactive">{defaults.isError ? '<organization name>.<test domain suffix>' : 'Loading…'}</Box>
  ) : alias && aliasProblems(alias).length === 0 ? (
    <Box variant="code">{testDomainFor(alias, suffix)}</Box>
  ) : (
    <Box color="text-status-inactive">{`<organization name>.${suffix}`}</Box>
  );

  return (
    <FormPage
      title="Create organization"
      description="Add an organization to hold the domains, users and groups of one mail service."
      submitLabel="Create organization"
      cancelPath="/organizations"
      onSubmit={submit}
      pending={create.isPending}
      failure={failure}
      failureHeader={failure?.code === 'ORGANIZATION.LIMIT_REACHED' ? 'Organization limit reached' : 'The organization was not created'}
    >
      <Container header={<Header variant="h2">Set up your organization</Header>}>
        <FormField label="Setup option" stretch>
          <Tiles
            value={setup}
            onChange={({ detail }) => setValue('setup', detail.value as Setup, { shouldValidate: false })}
            ariaLabel="Setup option"
            items={[
              {
                value: 'quick',
                label: 'Quick setup',
                description: 'Creates a new directory for your users and groups, and a free test domain.',
              },
              {
                value: 'standard',
                label: 'Standard setup',
                description: 'Uses the users and groups of an existing LDAP directory (OpenLDAP, or Active Directory) you registered.',
              },
            ]}
          />
        </FormField>
      </Container>
      <Container
        header={
          <Header
            variant="h2"
            description={
              setup === 'quick'
                ? 'Name your organization; Quick setup creates the rest for you.'
                : 'Name your organization and choose its directory. Its users arrive disabled: enable those who get a mailbox.'
            }
          >
            {setup === 'quick' ? 'Quick setup' : 'Standard setup'}
          </Header>
        }
      >
        <SpaceBetween size="l">
          <TextField
            control={control}
            name="alias"
            label="Organization name"
            description="A unique alias for your organization. It names your free test domain."
            constraintText={`1–${ALIAS_MAX_LENGTH} characters: letters, digits and single hyphens between them. Cannot start with "d-".`}
            placeholder="example-corp"
            autoComplete={false}
            spellcheck={false}
          />
          {setup === 'standard' && <DirectoryField control={control} name="directoryId" />}
          <KeyValuePairs
            columns={3}
            items={[
              {
                label: 'Directory',
                value:
                  setup === 'quick'
                    ? 'A new built-in directory stores your users and groups.'
                    : 'Users and groups are read from your directory, which keeps their names and passwords; Mailyard never writes to it.',
              },
              { label: 'Free test domain', value: domainPreview },
              {
                label: 'Encryption key',
                value: 'The Mailyard managed key seals this organization’s secrets (DKIM keys) and encrypts its mailbox contents: every message is stored encrypted with the organization’s own mailbox key.',
              },
            ]}
          />
        </SpaceBetween>
      </Container>
    </FormPage>
  );
}
