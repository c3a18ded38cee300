import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import { isOperational, MAX_TAGS, type Tag } from '@mailyard/core/organizations';
import { FindFilter } from '../../components/FindFilter.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { href } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddTagModal } from './AddTagModal.tsx';
import { RemoveTagsModal } from './RemoveTagsModal.tsx';

const matches = (t: Tag, text: string) => [t.key, t.value].some((s) => s.toLowerCase().includes(text.toLowerCase()));

/** An organization's tags (at most 50, one read): add or change one, remove the selected ones. */
export function TagsPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { organization, crumbs } = useOrganizationCrumbs(organizationId);
  usePage('Tags', [...crumbs, { text: 'Tags', href: href(`/organizations/${organizationId}/tags`) }]);
  const trpc = useTRPC();
  const tags = useQuery(trpc.organizations.listTags.queryOptions({ organizationId }));
  const [filteringText, setFilteringText] = useState('');
  const [selected, setSelected] = useState<Tag[]>([]);
  const [dialog, setDialog] = useState<'add' | 'remove' | null>(null);
  const all = tags.data ?? [];
  const shown = all.filter((t) => matches(t, filteringText.trim()));
  const active = organization.data ? isOperational(organization.data.state) : false;
  const inactiveReason = 'Tags change only while the organization is Active.';

  if (tags.isError) return <ErrorAlert header="The tags could not be loaded" error={tags.error} onRetry={() => void tags.refetch()} />;
  return (
    <>
      <Table
        trackBy="key"
        variant="full-page"
        loading={tags.isPending}
        loadingText="Loading tags"
        items={shown}
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{ itemSelectionLabel: (_, t) => `Tag ${t.key}`, allItemsSelectionLabel: () => 'All tags', selectionGroupLabel: 'Tags' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={tags.data ? `(${all.length}/${MAX_TAGS})` : undefined}
            description="Labels for your own bookkeeping, such as a cost centre or an owner. Scripts read them with ListTagsForResource."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  disabled={selected.length === 0 || !active}
                  disabledReason={!active ? inactiveReason : 'Select tags to remove.'}
                  onClick={() => setDialog('remove')}
                >
                  Remove
                </Button>
                <Button variant="primary" disabled={!active} disabledReason={inactiveReason} onClick={() => setDialog('add')}>
                  Add tag
                </Button>
              </SpaceBetween>
            }
          >
            Tags
          </Header>
        }
        filter={
          <FindFilter noun="tags" text={filteringText} matches={shown.length} onChange={setFilteringText} />
        }
        columnDefinitions={[
          { id: 'key', header: 'Key', isRowHeader: true, cell: (t) => t.key },
          { id: 'value', header: 'Value', cell: (t) => t.value || '-' },
        ]}
        empty={
          <TableEmptyState
            title={filteringText ? 'No matching tags' : 'No tags'}
            subtitle={filteringText ? 'No tag matches the search.' : 'This organization has no tags.'}
            action={filteringText || !active ? undefined : <Button onClick={() => setDialog('add')}>Add tag</Button>}
          />
        }
      />
      {dialog === 'add' && <AddTagModal organizationId={organizationId} existing={all} onDismiss={() => setDialog(null)} />}
      {dialog === 'remove' && (
        <RemoveTagsModal organizationId={organizationId} tags={selected} onDismiss={() => setDialog(null)} onRemoved={() => setSelected([])} />
      )}
    </>
  );
}
