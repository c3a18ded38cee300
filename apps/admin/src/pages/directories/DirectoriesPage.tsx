import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { presetLabels, type DirectorySummary } from '@mailyard/core/directories';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { formatDateTimeShort } from '../../lib/format.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DeregisterDirectoryModal } from './DeregisterDirectoryModal.tsx';
import { DirectoryHealth } from './DirectoryHealth.tsx';

const matches = (d: DirectorySummary, text: string) =>
  [d.name, d.id, d.url, d.organizationAlias ?? ''].some((v) => v.toLowerCase().includes(text.trim().toLowerCase()));

/** The account's LDAP directories (Standard setup's "Available directories"): register, test, deregister. */
export function DirectoriesPage() {
  usePage('Directories', [
    { text: 'Mailyard', href: href('/organizations') },
    { text: 'Directories', href: href('/directories') },
  ]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onFollow = useFollow();
  const { notify } = useNotifications();
  const list = useQuery(trpc.directories.list.queryOptions({ limit: 100 }));
  const [filter, setFilter] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [deregistering, setDeregistering] = useState(false);
  const all = list.data?.items ?? [];
  const items = all.filter((d) => matches(d, filter));
  const selected = all.find((d) => d.id === selectedId) ?? null;

  const test = useMutation(
    trpc.directories.test.mutationOptions({
      onSuccess: (found, { directoryId }) =>
        notify({ id: `directory-test-${directoryId}`, type: 'success', content: `Connected: ${found.users} users and ${found.groups} groups found.` }),
      onError: (error, { directoryId }) => notify({ id: `directory-test-${directoryId}`, type: 'error', content: errorInfo(error).message }),
      onSettled: () => queryClient.invalidateQueries(trpc.directories.list.pathFilter()),
    }),
  );

  if (list.isError && !list.data) return <ErrorAlert header="Directories could not be loaded" error={list.error} onRetry={() => void list.refetch()} />;
  const registerButton = (
    <Button variant="primary" href={href('/directories/register')} onFollow={onFollow}>
      Register directory
    </Button>
  );

  return (
    <>
      <Table<DirectorySummary>
        variant="full-page"
        trackBy="id"
        items={items}
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={({ detail }) => setSelectedId(detail.selectedItems[0]?.id ?? null)}
        ariaLabels={{ selectionGroupLabel: 'Directory selection', itemSelectionLabel: (_, d) => `Select directory ${d.name}` }}
        loading={list.isPending}
        loadingText="Loading directories"
        filter={
          <TextFilter
            filteringText={filter}
            filteringPlaceholder="Find directories by name, id, URL or organization"
            filteringAriaLabel="Find directories"
            countText={filter ? `${items.length} ${items.length === 1 ? 'match' : 'matches'}` : undefined}
            onChange={({ detail }) => setFilter(detail.filteringText)}
          />
        }
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={list.isPending ? undefined : `(${all.length})`}
            description="Existing LDAP directories (OpenLDAP, or Active Directory over LDAP) whose users and groups an organization can use with Standard setup. Users sign in with their directory password."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh directories" loading={list.isRefetching} onClick={() => void list.refetch()} />
                <Button disabled={!selected || Boolean(selected.organizationId)} disabledReason="An organization uses this directory." onClick={() => setDeregistering(true)}>
                  Deregister
                </Button>
                <Button disabled={!selected} loading={test.isPending} onClick={() => selected && test.mutate({ directoryId: selected.id })}>
                  Test connection
                </Button>
                {registerButton}
              </SpaceBetween>
            }
          >
            Directories
          </Header>
        }
        columnDefinitions={[
          { id: 'name', header: 'Name', isRowHeader: true, cell: (d) => d.name },
          { id: 'id', header: 'Directory ID', cell: (d) => <span className="secret-value">{d.id}</span> },
          { id: 'type', header: 'Type', cell: (d) => presetLabels[d.preset] },
          { id: 'url', header: 'URL', cell: (d) => d.url },
          {
            id: 'organization',
            header: 'Used by',
            cell: (d) =>
              d.organizationId ? (
                <Link href={href(`/organizations/${d.organizationId}`)} onFollow={onFollow}>
                  {d.organizationAlias}
                </Link>
              ) : (
                <Box color="text-status-inactive">Available</Box>
              ),
          },
          { id: 'health', header: 'Connection', cell: (d) => <DirectoryHealth health={d.health} /> },
          { id: 'checked', header: 'Last checked', cell: (d) => (d.checkedAt ? formatDateTimeShort(d.checkedAt) : '-') },
        ]}
        empty={
          filter ? (
            <TableEmptyState title="No matches" subtitle="No directory matches this search." action={<Button onClick={() => setFilter('')}>Clear filter</Button>} />
          ) : (
            <TableEmptyState title="No directories" subtitle="Register your OpenLDAP or Active Directory to create organizations with Standard setup." action={registerButton} />
          )
        }
      />
      {deregistering && selected && <DeregisterDirectoryModal directory={selected} onDismiss={() => setDeregistering(false)} />}
    </>
  );
}
