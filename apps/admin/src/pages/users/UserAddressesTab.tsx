import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { canChangeAddresses, canSetPrimaryAddress, type UserDetail } from '@mailyard/core/users';
import { EntityAddresses } from '../../components/addresses/EntityAddresses.tsx';
import { useTRPC, useTRPCClient } from '../../lib/trpc.ts';
import { PrimaryAddressModal } from './PrimaryAddressModal.tsx';
import { useRefreshUsers } from './useRefreshUsers.ts';
import { USERS_NOTICE } from './notice-id.ts';

interface TabProps {
  organizationId: string;
  user: UserDetail;
  domains: string[];
}

/**
 * "Editing user email addresses": the primary address (the one that sends) and the aliases. Add an alias with a
 * domain of the organization, remove one, make one primary, or give the user a new primary address.
 */
export function UserAddressesTab({ organizationId, user, domains }: TabProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefreshUsers();
  const [changingPrimary, setChangingPrimary] = useState(false);
  const addresses = useQuery(trpc.users.listAddresses.queryOptions({ organizationId, userId: user.id }));
  const primaryRefusal = canSetPrimaryAddress(user);
  const owner = {
    organizationId,
    id: user.id,
    name: user.name,
    email: user.email,
    label: user.name,
    calls: client.users,
    changeRefusal: canChangeAddresses(user),
    primaryRefusal,
    noticeId: USERS_NOTICE,
    refresh,
  };

  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description="Mail from this user is sent from the primary address."
            actions={
              <Button disabled={Boolean(primaryRefusal)} disabledReason={primaryRefusal?.message} onClick={() => setChangingPrimary(true)}>
                Change primary address
              </Button>
            }
          >
            Primary email address
          </Header>
        }
      >
        <KeyValuePairs columns={2} items={[{ label: 'Primary email address', value: user.email ?? 'None: the user gets one when it is enabled.' }]} />
      </Container>
      <EntityAddresses
        owner={owner}
        query={addresses}
        noun="user"
        headerVariant="h2"
        description="Aliases receive mail for this user, who can also send from them."
        emptySubtitle="The user gets its primary address when it is enabled."
        removeConsequence="Mail sent to it is no longer delivered to this user"
        addAlias={{ header: 'Add alias', description: `Mail to this address reaches ${user.name}, who can also send from it.`, placeholder: 'sales', layout: 'stacked' }}
        domains={domains}
        defaultDomain={domains[0] ?? null}
      />
      {changingPrimary && (
        <PrimaryAddressModal organizationId={organizationId} user={user} domains={domains} onDismiss={() => setChangingPrimary(false)} onChanged={() => setChangingPrimary(false)} />
      )}
    </SpaceBetween>
  );
}
