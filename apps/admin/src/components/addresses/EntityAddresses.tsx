import Box from '@cloudscape-design/components/box';
import type { HeaderProps } from '@cloudscape-design/components/header';
import type { TableProps } from '@cloudscape-design/components/table';
import { useMutation, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { EntityAddress, RemoveAliasInput, SetPrimaryAddressInput } from '@mailyard/core/addresses';
import { errorInfo } from '../../lib/errors.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { ErrorAlert } from '../ErrorAlert.tsx';
import { ConfirmDialog } from '../dialogs/ConfirmDialog.tsx';
import { AddAliasDialog } from './AddAliasDialog.tsx';
import type { AddressFieldProps } from './AddressField.tsx';
import { AddressesTable } from './AddressesTable.tsx';
import type { AddressOwner } from './owner.ts';

interface EntityAddressesProps {
  owner: AddressOwner;
  /** The owner's addresses query (`users.listAddresses` or `groups.listAddresses`). */
  query: UseQueryResult<EntityAddress[], unknown>;
  noun: 'user' | 'group';
  description: string;
  emptySubtitle: string;
  variant?: TableProps['variant'];
  headerVariant?: HeaderProps['variant'];
  /** What removing an alias means for the owner, as the start of a sentence: "Mail sent to it …". */
  removeConsequence: string;
  addAlias: { header: string; description: string; placeholder: string; layout: AddressFieldProps['layout'] };
  domains: readonly string[];
  defaultDomain: string | null;
}

/**
 * The Email addresses of a user or a group: the table with Remove alias, Set as primary and Add alias, and their
 * dialogs. The owner says which procedures to call and what to read again.
 */
export function EntityAddresses({ owner, query, noun, removeConsequence, addAlias, domains, defaultDomain, ...table }: EntityAddressesProps) {
  const { notify } = useNotifications();
  const [selected, setSelected] = useState<EntityAddress[]>([]);
  const [dialog, setDialog] = useState<'add' | 'remove' | null>(null);
  const alias = selected[0] && !selected[0].isPrimary ? selected[0] : null;
  const ref = { organizationId: owner.organizationId, entityId: owner.id };
  const changed = async () => {
    await owner.refresh();
    setSelected([]);
    setDialog(null);
  };

  const setPrimary = useMutation({
    mutationFn: (input: SetPrimaryAddressInput) => owner.calls.setPrimaryAddress.mutate(input),
    onSuccess: async (_, input) => {
      await changed();
      notify({ id: owner.noticeId, type: 'success', content: `${input.address} is now the primary address of ${owner.name}. The previous one is kept as an alias.` });
    },
    onError: (error) => notify({ id: owner.noticeId, type: 'error', header: 'The primary address was not changed', content: errorInfo(error).message }),
  });
  const removeAlias = useMutation({
    mutationFn: (input: RemoveAliasInput) => owner.calls.removeAlias.mutate(input),
    onSuccess: async (_, input) => {
      await changed();
      notify({ id: owner.noticeId, type: 'success', content: `The alias ${input.address} was removed from ${owner.label}.` });
    },
  });

  if (query.isError) return <ErrorAlert header="The addresses could not be loaded" error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <AddressesTable
        {...table}
        noun={noun}
        items={query.data}
        loading={query.isPending}
        selected={selected}
        onSelectionChange={setSelected}
        changeRefusal={owner.changeRefusal}
        primaryRefusal={owner.primaryRefusal}
        settingPrimary={setPrimary.isPending}
        onSetPrimary={(a) => setPrimary.mutate({ ...ref, address: a.address })}
        onRemove={() => setDialog('remove')}
        onAdd={() => setDialog('add')}
      />
      {dialog === 'add' && <AddAliasDialog owner={owner} {...addAlias} domains={domains} defaultDomain={defaultDomain} onClose={() => setDialog(null)} />}
      {dialog === 'remove' && alias && (
        <ConfirmDialog
          header="Remove alias"
          confirmText="Remove"
          loading={removeAlias.isPending}
          error={removeAlias.error}
          onDismiss={() => setDialog(null)}
          onConfirm={() => removeAlias.mutate({ ...ref, address: alias.address })}
        >
          <Box variant="p">
            Remove <b>{alias.address}</b> from {owner.name}? {removeConsequence}, and the address becomes free for others to use.
          </Box>
        </ConfirmDialog>
      )}
    </>
  );
}
