import { useQuery, useQueryClient } from '@tanstack/react-query';
import { canChangeGroupAddresses, type GroupDetail } from '@mailyard/core/groups';
import { EntityAddresses } from '../../components/addresses/EntityAddresses.tsx';
import { useAddressDomains } from '../../components/addresses/useAddressDomains.ts';
import { useTRPC, useTRPCClient } from '../../lib/trpc.ts';

/** The Email addresses tab of a group: its primary address and aliases; add, remove, make primary. */
export function GroupAddresses({ organizationId, group }: { organizationId: string; group: GroupDetail }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { domains, defaultDomain } = useAddressDomains(organizationId);
  const addresses = useQuery(trpc.groups.listAddresses.queryOptions({ organizationId, groupId: group.id }));
  const refusal = canChangeGroupAddresses(group);
  const owner = {
    organizationId,
    id: group.id,
    name: group.name,
    email: group.email,
    label: `group ${group.name}`,
    calls: client.groups,
    changeRefusal: refusal,
    primaryRefusal: refusal,
    noticeId: `group-alias-${group.id}`,
    refresh: async () => {
      await queryClient.invalidateQueries(trpc.groups.pathFilter());
      void queryClient.invalidateQueries(trpc.activity.pathFilter());
    },
  };
  return (
    <EntityAddresses
      owner={owner}
      query={addresses}
      noun="group"
      variant="borderless"
      description="Mail to any of these addresses reaches every member. The primary address is the one the group sends from."
      emptySubtitle="The group gets its primary address when it is enabled."
      removeConsequence="Mail sent to it no longer reaches the members"
      addAlias={{ header: `Add alias to ${group.name}`, description: `Mail sent to this address reaches every member of ${group.name}.`, placeholder: 'team', layout: 'inline' }}
      domains={domains}
      defaultDomain={defaultDomain}
    />
  );
}
