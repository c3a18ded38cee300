import Autosuggest, { type AutosuggestProps } from '@cloudscape-design/components/autosuggest';
import FormField from '@cloudscape-design/components/form-field';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { liveEntityProblem, type EntityState, type MemberType } from '@mailyard/core/entities';
import { entityStateText } from '../../components/EntityStatus.tsx';
import { useDebounced } from '../../lib/debounce.ts';
import { errorInfo } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DialogShell } from '../../components/DialogShell.tsx';

const SUGGESTIONS = 10;

interface Candidate {
  id: string;
  type: MemberType;
  name: string;
}

interface Props {
  organizationId: string;
  group: { id: string; name: string };
  onDismiss: () => void;
}

/**
 * "Add member": find a user or a group by name or address. Groups are offered too: whether one may join is the
 * directory's call (the built-in directory refuses nested groups, and its message is shown here).
 */
export function AddMemberModal({ organizationId, group, onDismiss }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = useDebounced(text.trim(), 250);
  const query = { organizationId, search, limit: SUGGESTIONS };
  const users = useQuery(trpc.users.list.queryOptions(query));
  const groups = useQuery(trpc.groups.list.queryOptions(query));

  const candidates = useMemo(() => {
    const map = new Map<string, Candidate>();
    // Deleted entities cannot be members (core's rule); a group is never offered to itself.
    const add = (c: Candidate & { state: EntityState }) => {
      if (liveEntityProblem(c, 'memberId') === null && c.id !== group.id) map.set(c.id, { id: c.id, type: c.type, name: c.name });
    };
    for (const u of users.data?.items ?? []) add({ ...u, type: 'USER' });
    for (const g of groups.data?.items ?? []) add({ ...g, type: 'GROUP' });
    return map;
  }, [users.data, groups.data, group.id]);

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

  const add = useMutation(
    trpc.groups.addMember.mutationOptions({
      onSuccess: async ({ added }, input) => {
        const name = chosen?.name ?? input.memberId;
        notify({
          id: `group-member-${group.id}-${input.memberId}`,
          type: added ? 'success' : 'info',
          content: added ? `${name} was added to group ${group.name}.` : `${name} is already a member of group ${group.name}.`,
        });
        await queryClient.invalidateQueries(trpc.groups.listMembers.pathFilter());
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
        onDismiss();
      },
      onError: (e) => {
        const info = errorInfo(e);
        const message = info.fieldErrors.memberId?.join(' ') ?? info.message;
        // The directory's refusal, and what the operator can do instead.
        setError(info.code === 'GROUP.NESTING_NOT_SUPPORTED' ? `${message.replace(/\.?$/, '.')} Add the group's users one by one instead.` : message);
      },
    }),
  );

  const submit = () => {
    if (!chosen) {
      setError('Choose a user or group from the list.');
      return;
    }
    add.mutate({ organizationId, groupId: group.id, memberId: chosen.id, memberType: chosen.type });
  };

  const loading = users.isFetching || groups.isFetching;
  return (
    <DialogShell
      header={`Add member to ${group.name}`}
      primaryLabel="Add member"
      pending={add.isPending}
      lockWhilePending={false}
      onPrimary={submit}
      onClose={onDismiss}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <FormField
          label="User or group"
          description="Search by name or by the beginning of the email address."
          errorText={error}
          stretch
        >
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
              setError(null);
              if (chosen && detail.value !== chosen.name) setChosen(null);
            }}
            onSelect={({ detail }) => {
              const candidate = detail.value ? candidates.get(detail.value) : undefined;
              if (!candidate) return;
              setChosen(candidate);
              setText(candidate.name);
              setError(null);
            }}
          />
        </FormField>
      </form>
    </DialogShell>
  );
}
