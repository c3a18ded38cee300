import Autosuggest, { type AutosuggestProps } from '@cloudscape-design/components/autosuggest';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { MemberType } from '@mailyard/core/entities';
import { useTRPC } from '../../lib/trpc.ts';
import { useDebounced } from '../../lib/debounce.ts';

export interface Grantee {
  id: string;
  type: MemberType;
  name: string;
  email: string | null;
}

interface GranteeAutosuggestProps {
  organizationId: string;
  /** The mailbox owner, who is never offered. */
  ownerId: string;
  /** Grantees that already have permissions: offered, but marked (choosing one edits its permissions). */
  existing: ReadonlySet<string>;
  value: Grantee | null;
  onChange(grantee: Grantee | null): void;
  invalid?: boolean;
}

const LIMIT = 20;

/** "Add new permissions": enabled users and groups of the organization, found by the server as the operator types. */
export function GranteeAutosuggest({ organizationId, ownerId, existing, value, onChange, invalid }: GranteeAutosuggestProps) {
  const trpc = useTRPC();
  const [text, setText] = useState(value?.name ?? '');
  const search = useDebounced(text.trim(), 250);
  const input = { organizationId, limit: LIMIT, state: 'ENABLED' as const, ...(search ? { search } : {}) };
  const users = useQuery(trpc.users.list.queryOptions(input));
  const groups = useQuery(trpc.groups.list.queryOptions(input));

  const found = new Map<string, Grantee>();
  for (const u of users.data?.items ?? []) if (u.id !== ownerId) found.set(u.id, { id: u.id, type: 'USER', name: u.name, email: u.email });
  for (const g of groups.data?.items ?? []) found.set(g.id, { id: g.id, type: 'GROUP', name: g.name, email: g.email });
  const option = (g: Grantee): AutosuggestProps.Option => ({
    value: g.id,
    label: g.name,
    description: g.email ?? undefined,
    tags: existing.has(g.id) ? ['Has permissions'] : undefined,
  });
  const all = [...found.values()];
  const options: AutosuggestProps.Options = [
    { label: 'Users', options: all.filter((g) => g.type === 'USER').map(option) },
    { label: 'Groups', options: all.filter((g) => g.type === 'GROUP').map(option) },
  ].filter((group) => group.options.length > 0);
  const loading = users.isFetching || groups.isFetching || search !== text.trim();
  const failed = users.isError || groups.isError;

  return (
    <Autosuggest
      value={text}
      options={options}
      filteringType="manual"
      placeholder="Find a user or group by name or email"
      ariaLabel="User or group"
      enteredTextLabel={(v) => `Search: "${v}"`}
      hideEnteredTextOption
      statusType={failed ? 'error' : loading ? 'loading' : 'finished'}
      loadingText="Finding users and groups"
      errorText="Users and groups could not be loaded."
      empty={search ? `No enabled user or group starts with "${search}".` : 'No enabled users or groups.'}
      invalid={invalid}
      onChange={({ detail }) => {
        setText(detail.value);
        if (value && detail.value !== value.name) onChange(null);
      }}
      onSelect={({ detail }) => {
        const grantee = detail.value ? found.get(detail.value) : undefined;
        if (!grantee) return;
        setText(grantee.name);
        onChange(grantee);
      }}
    />
  );
}
