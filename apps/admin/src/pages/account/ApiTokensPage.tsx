import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import type { TableProps } from '@cloudscape-design/components/table';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiTokenSummary } from '@mailyard/core/api-tokens';
import { KeysetListPage } from '../../components/KeysetListPage.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { formatDateTimeShort } from '../../lib/format.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { ApiTokenStatus } from './ApiTokenStatus.tsx';
import { useOrganizationNames } from './organization-names.ts';
import { RevokeApiTokenModal } from './RevokeApiTokenModal.tsx';

const PAGE_SIZE = 50;

/** Bearer tokens for the typed tRPC client: who may script what, until when, and when each was last used. */
export function ApiTokensPage() {
  usePage('API tokens', [
    { text: 'Mailyard', href: href('/organizations') },
    { text: 'API tokens', href: href('/api-tokens') },
  ]);
  const trpc = useTRPC();
  const onFollow = useFollow();
  const { names } = useOrganizationNames();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [revoking, setRevoking] = useState(false);
  const list = useInfiniteQuery(
    trpc.apiTokens.list.infiniteQueryOptions({ limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const total = useQuery(trpc.apiTokens.count.queryOptions());
  const selected = list.data?.pages.flatMap((page) => page.items).find((t) => t.id === selectedId) ?? null;

  const scope = (t: ApiTokenSummary) => {
    if (!t.organizationIds) return 'All organizations';
    const aliases = t.organizationIds.map((id) => names.get(id) ?? id);
    return aliases.length <= 2 ? aliases.join(', ') : `${aliases.slice(0, 2).join(', ')} and ${aliases.length - 2} more`;
  };
  const columns: TableProps.ColumnDefinition<ApiTokenSummary>[] = [
    {
      id: 'name',
      header: 'Name',
      isRowHeader: true,
      cell: (t) => (
        <>
          <div>{t.name}</div>
          <Box variant="small" color="text-body-secondary">
            <span className="secret-value nowrap">{t.prefix}…</span>
          </Box>
        </>
      ),
    },
    { id: 'access', header: 'Access', cell: (t) => <span className="nowrap">{t.access === 'read-only' ? 'Read-only' : 'Read-write'}</span> },
    { id: 'scope', header: 'Organizations', cell: scope },
    { id: 'status', header: 'Status', cell: (t) => <ApiTokenStatus status={t.status} /> },
    { id: 'expires', header: 'Expires', cell: (t) => (t.expiresAt ? formatDateTimeShort(t.expiresAt) : 'Never') },
    { id: 'used', header: 'Last used', cell: (t) => (t.lastUsedAt ? formatDateTimeShort(t.lastUsedAt) : <Box color="text-status-inactive">Never</Box>) },
    {
      id: 'created',
      header: 'Created',
      cell: (t) => (
        <>
          <div>{formatDateTimeShort(t.createdAt)}</div>
          <Box variant="small" color="text-body-secondary">
            by {t.createdBy}
          </Box>
        </>
      ),
    },
  ];
  const createButton = (
    <Button key="create" variant="primary" href={href('/api-tokens/create')} onFollow={onFollow}>
      Create API token
    </Button>
  );

  return (
    <>
      <KeysetListPage
        title="API tokens"
        noun="API tokens"
        total={total}
        description="Tokens let scripts call the typed API (/trpc) as you: read-only or read-write, for all organizations or a chosen few, until they expire or you revoke them."
        list={list}
        resetKey=""
        columns={columns}
        actions={[
          <Button
            key="revoke"
            disabled={selected?.status !== 'active'}
            disabledReason={selected ? `This token is already ${selected.status}.` : undefined}
            onClick={() => setRevoking(true)}
          >
            Revoke
          </Button>,
          createButton,
        ]}
        table={{
          wrapLines: true,
          selectionType: 'single',
          selectedItems: selected ? [selected] : [],
          onSelectionChange: ({ detail }) => setSelectedId(detail.selectedItems[0]?.id ?? null),
          ariaLabels: { selectionGroupLabel: 'API token selection', itemSelectionLabel: (_, t) => `Select API token ${t.name}` },
        }}
        empty={<TableEmptyState title="No API tokens" subtitle="Create a token to call Mailyard from scripts with the typed client." action={createButton} />}
      />
      {revoking && selected && <RevokeApiTokenModal token={selected} onDismiss={() => setRevoking(false)} />}
    </>
  );
}
