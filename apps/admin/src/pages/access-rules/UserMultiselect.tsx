import Multiselect, { type MultiselectProps } from '@cloudscape-design/components/multiselect';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDebounced } from '../../lib/debounce.ts';
import { useTRPC } from '../../lib/trpc.ts';

interface Props {
  organizationId: string;
  /** User ids. */
  value: string[];
  onChange: (ids: string[]) => void;
  invalid: boolean;
  ariaLabel: string;
}

/** Users of the organization, found by name or address as the operator types (the server searches; lists stay short). */
export function UserMultiselect({ organizationId, value, onChange, invalid, ariaLabel }: Props) {
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const users = useQuery(trpc.users.list.queryOptions({ organizationId, search, limit: 20 }));
  // Labels of the chosen users, kept when a later search no longer lists them.
  const [labels, setLabels] = useState<Record<string, string>>({});
  const options: MultiselectProps.Option[] = (users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name, description: u.email ?? undefined }));
  const selected = value.map((id) => ({ value: id, label: labels[id] ?? id }));
  return (
    <Multiselect
      ariaLabel={ariaLabel}
      selectedOptions={selected}
      options={options}
      filteringType="manual"
      onLoadItems={({ detail }) => setText(detail.filteringText)}
      statusType={users.isPending ? 'loading' : users.isError ? 'error' : 'finished'}
      loadingText="Finding users"
      errorText="The users could not be loaded."
      empty="No matching user"
      placeholder="Any user"
      invalid={invalid}
      onChange={({ detail }) => {
        setLabels((known) => ({ ...known, ...Object.fromEntries(detail.selectedOptions.map((o) => [o.value!, o.label ?? o.value!])) }));
        onChange(detail.selectedOptions.map((o) => o.value!));
      }}
    />
  );
}
