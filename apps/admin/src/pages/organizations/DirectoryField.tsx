import FormField from '@cloudscape-design/components/form-field';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import { useQuery } from '@tanstack/react-query';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { presetLabels } from '@mailyard/core/directories';
import { fieldMessages } from '../../lib/field-messages.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { useTRPC } from '../../lib/trpc.ts';

/**
 * Standard setup's directory: one of the account's registered directories. One an organization already uses is shown
 * but cannot be chosen; if another organization takes it meanwhile, the server's DirectoryInUse refusal shows here.
 */
export function DirectoryField<T extends FieldValues>({ control, name }: { control: Control<T>; name: FieldPathByValue<T, string | undefined> }) {
  const trpc = useTRPC();
  const onFollow = useFollow();
  const list = useQuery(trpc.directories.list.queryOptions({ limit: 100 }));
  const directories = list.data?.items ?? [];
  const options = directories.map((d) => ({
    value: d.id,
    label: d.name,
    description: `${presetLabels[d.preset]} · ${d.url}`,
    tags: [d.id],
    disabled: d.organizationId !== null,
    disabledReason: d.organizationId ? `Used by the organization ${d.organizationAlias}.` : undefined,
  }));
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormField
          label="Directory"
          description="The LDAP directory whose users and groups this organization uses. A directory serves one organization."
          secondaryControl={
            <Link href={href('/directories/register')} onFollow={onFollow}>
              Register directory
            </Link>
          }
          errorText={fieldMessages(fieldState.error)}
        >
          <Select
            ref={field.ref}
            ariaLabel="Directory"
            selectedOption={options.find((o) => o.value === field.value) ?? null}
            options={options}
            placeholder="Choose a directory"
            statusType={list.isPending ? 'loading' : list.isError ? 'error' : 'finished'}
            loadingText="Loading directories"
            errorText="The directories could not be loaded."
            empty="No directories registered yet: register one first."
            filteringType={directories.length > 8 ? 'auto' : 'none'}
            invalid={Boolean(fieldState.error)}
            onChange={({ detail }) => field.onChange(detail.selectedOption.value)}
            onBlur={field.onBlur}
          />
        </FormField>
      )}
    />
  );
}
