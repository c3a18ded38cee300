import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { canChangeAddresses, canSetPrimaryAddress, type UserAddress, type UserDetail } from '@mailyard/core/users';
import { AddressesTable } from '../../components/AddressesTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddAliasModal } from './AddAliasModal.tsx';
import { ConfirmModal } from './ConfirmModal.tsx';
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
  const refresh = useRefreshUsers();
  const { notify } = useNotifications();
  const [selected, setSelected] = useState<UserAddress[]>([]);
  const [dialog, setDialog] = useState<'add' | 'remove' | 'primary' | null>(null);
  const addresses = useQuery(trpc.users.listAddresses.queryOptions({ organizationId, userId: user.id }));
  const ref = { organizationId, entityId: user.id };

  const changeRefusal = canChangeAddresses(user);
  const primaryRefusal = canSetPrimaryAddress(user);
  const alias = selected[0] && !selected[0].isPrimary ? selected[0] : null;

  const setPrimary = useMutation(
    trpc.users.setPrimaryAddress.mutationOptions({
      onSuccess: async (_, input) => {
        await refresh();
        setSelected([]);
        notify({ id: USERS_NOTICE, type: 'success', content: `${input.address} is now the primary address of ${user.name}. The previous one is kept as an alias.` });
      },
      onError: (error) => notify({ id: USERS_NOTICE, type: 'error', header: 'The primary address was not changed', content: errorInfo(error).message }),
    }),
  );

  const removeAlias = useMutation(
    trpc.users.removeAlias.mutationOptions({
      onSuccess: async (_, input) => {
        await refresh();
        setSelected([]);
        setDialog(null);
        notify({ id: USERS_NOTICE, type: 'success', content: `The alias ${input.address} was removed from ${user.name}.` });
      },
    }),
  );

  if (addresses.isError) return <ErrorAlert header="The addresses could not be loaded" error={addresses.error} onRetry={() => void addresses.refetch()} />;

  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description="Mail from this user is sent from the primary address."
            actions={
              <Button disabled={Boolean(primaryRefusal)} disabledReason={primaryRefusal?.message} onClick={() => setDialog('primary')}>
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
      <AddressesTable
        noun="user"
        headerVariant="h2"
        description="Aliases receive mail for this user, who can also send from them."
        emptySubtitle="The user gets its primary address when it is enabled."
        items={addresses.data}
        loading={addresses.isPending}
        selected={selected}
        onSelectionChange={setSelected}
        changeRefusal={changeRefusal}
        primaryRefusal={primaryRefusal}
        settingPrimary={setPrimary.isPending}
        onSetPrimary={(a) => setPrimary.mutate({ ...ref, address: a.address })}
        onRemove={() => setDialog('remove')}
        onAdd={() => setDialog('add')}
      />
      {dialog === 'add' && <AddAliasModal organizationId={organizationId} user={user} domains={domains} onDismiss={() => setDialog(null)} onAdded={() => setDialog(null)} />}
      {dialog === 'primary' && (
        <PrimaryAddressModal organizationId={organizationId} user={user} domains={domains} onDismiss={() => setDialog(null)} onChanged={() => setDialog(null)} />
      )}
      {dialog === 'remove' && alias && (
        <ConfirmModal
          header="Remove alias"
          confirmText="Remove"
          loading={removeAlias.isPending}
          error={removeAlias.error}
          onDismiss={() => setDialog(null)}
          onConfirm={() => removeAlias.mutate({ ...ref, address: alias.address })}
        >
          <Box variant="p">
            Remove <b>{alias.address}</b> from {user.name}? Mail sent to it is no longer delivered to this user, and the address becomes free for others to use.
          </Box>
        </ConfirmModal>
      )}
    </SpaceBetween>
  );
}
