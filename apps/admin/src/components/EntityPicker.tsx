import Autosuggest, { type AutosuggestProps } from '@cloudscape-design/components/autosuggest';
import FormField from '@cloudscape-design/components/form-field';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { liveEntityProblem, type EntityState, type MemberType } from '@mailyard/core/entities';
import { useDebounced } from '../lib/debounce.ts';
import { useTRPC } from '../lib/trpc.ts';
import { DialogShell } from './DialogShell.tsx';
import { entityStateText } from './EntityStatus.tsx';

const SUGGESTIONS = 10;

export interface EntityCandidate {
  id: string;
  type: MemberType;
  name: string;
}

interface Props {
  organizationId: string;
  /** An entity never offered (a group is not its own member). */
  excludeId?: string;
  error: string | null;
  /** Called with the entity chosen from the list, or `null` when the text no longer names it. */
  onChoose: (candidate: EntityCandidate | null) => void;
}

/** "User or group": find one by name or address among the users and groups not deleted (core's rule). */
export function EntityPicker({ organizationId, excludeId, error, onChoose }: Props) {
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<EntityCandidate | null>(null);
  const search = useDebounced(text.trim(), 250);
  const query = { organizationId, search, limit: SUGGESTIONS };
  const users = useQuery(trpc.users.list.queryOptions(query));
  const groups = useQuery(trpc.groups.list.queryOptions(query));

  const candidates = useMemo(() => {
    const map = new Map<string, EntityCandidate>();
    const add = (c: EntityCandidate & { state: EntityState }) => {
      if (liveEntityProblem(c, 'entityId') === null && c.id !== excludeId) map.set(c.id, { id: c.id, type: c.type, name: c.name });
    };
    for (const u of users.data?.items ?? []) add({ ...u, type: 'USER' });
    for (const g of groups.data?.items ?? []) add({ ...g, type: 'GROUP' });
    return map;
  }, [users.data, groups.data, excludeId]);

  const options: AutosuggestProps.Options = [
    {
      label: 'Users',
      options: (users.data?.items ?? [])
        .filter((u) => candidates.has(u.id))
        .map((u) => ({
          value: u.id,
          label: u.name,
          description: [u.displayName, u.email].filter(Boolean).join(' · '),
          tags: [entityStateText(u.state)],
          iconName: 'user-profile',
        })),
    },
    {
      label: 'Groups',
      options: (groups.data?.items ?? [])
        .filter((g) => candidates.has(g.id))
        .map((g) => ({ value: g.id, label: g.name, description: g.email ?? undefined, tags: [entityStateText(g.state)], iconName: 'group' })),
    },
  ].filter((o) => o.options.length > 0);

  const choose = (candidate: EntityCandidate | null) => {
    setChosen(candidate);
    onChoose(candidate);
  };
  const loading = users.isFetching || groups.isFetching;
  return (
    <FormField label="User or group" description="Search by name or by the beginning of the email address." errorText={error} stretch>
      <Autosuggest
        value={text}
        options={options}
        filteringType="manual"
        hideEnteredTextOption
        enteredTextLabel={(value) => `Use: ${value}`}
        placeholder="Find a user or group"
        ariaLabel="User or group"
        autoFocus
        invalid={Boolean(error)}
        statusType={loading ? 'loading' : users.isError || groups.isError ? 'error' : 'finished'}
        loadingText="Searching users and groups"
        errorText="The users and groups could not be loaded."
        empty={search ? `No user or group starts with "${search}".` : 'No users or groups.'}
        onChange={({ detail }) => {
          setText(detail.value);
          if (chosen && detail.value !== chosen.name) choose(null);
          else onChoose(chosen);
        }}
        onSelect={({ detail }) => {
          const candidate = detail.value ? candidates.get(detail.value) : undefined;
          if (!candidate) return;
          setText(candidate.name);
          choose(candidate);
        }}
      />
    </FormField>
  );
}

interface DialogProps {
  organizationId: string;
  header: string;
  primaryLabel: string;
  excludeId?: string;
  pending: boolean;
  /** The server's refusal, shown under the field until the choice changes. */
  error: string | null;
  onClearError: () => void;
  onPick: (candidate: EntityCandidate) => void;
  onClose: () => void;
}

/** A dialog that picks one user or group (a group's new member, a resource's delegate) and hands it to `onPick`. */
export function EntityPickerDialog({ organizationId, header, primaryLabel, excludeId, pending, error, onClearError, onPick, onClose }: DialogProps) {
  const [chosen, setChosen] = useState<EntityCandidate | null>(null);
  const [unchosen, setUnchosen] = useState(false);
  const submit = () => {
    if (chosen) onPick(chosen);
    else setUnchosen(true);
  };
  return (
    <DialogShell header={header} primaryLabel={primaryLabel} pending={pending} lockWhilePending={false} onPrimary={submit} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <EntityPicker
          organizationId={organizationId}
          excludeId={excludeId}
          error={unchosen ? 'Choose a user or group from the list.' : error}
          onChoose={(candidate) => {
            setChosen(candidate);
            setUnchosen(false);
            onClearError();
          }}
        />
      </form>
    </DialogShell>
  );
}
