import Badge from '@cloudscape-design/components/badge';
import Button from '@cloudscape-design/components/button';
import Header, { type HeaderProps } from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { MAX_ALIASES_PER_ENTITY } from '@mailyard/core/addresses';
import { formatDateTimeShort } from '../../lib/format.ts';
import { TableEmptyState } from '../TableEmptyState.tsx';

interface Address {
  address: string;
  isPrimary: boolean;
  createdAt: Date;
}

interface AddressesTableProps<A extends Address> {
  /** `user` or `group`: used in the limit message. */
  noun: string;
  description: string;
  emptySubtitle: string;
  items: A[] | undefined;
  loading: boolean;
  selected: A[];
  onSelectionChange(selected: A[]): void;
  /** Why the addresses cannot change (entity state), or null. */
  changeRefusal: { message: string } | null;
  /** Why the primary address cannot change, or null. */
  primaryRefusal: { message: string } | null;
  settingPrimary: boolean;
  onSetPrimary(alias: A): void;
  onRemove(): void;
  onAdd(): void;
  variant?: TableProps['variant'];
  headerVariant?: HeaderProps['variant'];
}

/**
 * The Email addresses table of a user or a group: primary address and aliases, with Remove alias, Set as primary
 * and Add alias. The owner page keeps the mutations and dialogs; this keeps the one table both show.
 */
export function AddressesTable<A extends Address>(props: AddressesTableProps<A>) {
  const alias = props.selected[0] && !props.selected[0].isPrimary ? props.selected[0] : null;
  const aliasCount = (props.items ?? []).filter((a) => !a.isPrimary).length;
  return (
    <Table
      trackBy="address"
      variant={props.variant}
      items={props.items ?? []}
      loading={props.loading}
      loadingText="Loading addresses"
      selectionType="single"
      selectedItems={props.selected}
      onSelectionChange={({ detail }) => props.onSelectionChange(detail.selectedItems)}
      ariaLabels={{ selectionGroupLabel: 'Address selection', itemSelectionLabel: (_, a) => `Select ${a.address}`, allItemsSelectionLabel: () => 'Select all' }}
      header={
        <Header
          variant={props.headerVariant}
          counter={props.items ? `(${props.items.length})` : undefined}
          description={`${props.description} At most ${MAX_ALIASES_PER_ENTITY} aliases.`}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button disabled={!alias} disabledReason="Select an alias to remove it." onClick={props.onRemove}>
                Remove alias
              </Button>
              <Button
                disabled={!alias || Boolean(props.primaryRefusal)}
                disabledReason={props.primaryRefusal?.message ?? 'Select an alias to make it the primary address.'}
                loading={props.settingPrimary}
                onClick={() => alias && props.onSetPrimary(alias)}
              >
                Set as primary
              </Button>
              <Button
                variant="primary"
                disabled={Boolean(props.changeRefusal) || aliasCount >= MAX_ALIASES_PER_ENTITY}
                disabledReason={props.changeRefusal?.message ?? `This ${props.noun} already has ${MAX_ALIASES_PER_ENTITY} aliases.`}
                onClick={props.onAdd}
              >
                Add alias
              </Button>
            </SpaceBetween>
          }
        >
          Email addresses
        </Header>
      }
      columnDefinitions={[
        { id: 'address', header: 'Email address', isRowHeader: true, cell: (a) => a.address },
        { id: 'type', header: 'Type', cell: (a) => (a.isPrimary ? <Badge color="blue">Primary</Badge> : 'Alias') },
        { id: 'added', header: 'Added', cell: (a) => formatDateTimeShort(a.createdAt) },
      ]}
      empty={<TableEmptyState title="No addresses" subtitle={props.emptySubtitle} />}
    />
  );
}
