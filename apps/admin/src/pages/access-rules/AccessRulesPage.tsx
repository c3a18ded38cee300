import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import { MAX_ACCESS_CONTROL_RULES, type AccessControlRule } from '@mailyard/core/access-control';
import { isOperational } from '@mailyard/core/organizations';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { formatDateTimeShort } from '../../lib/format.ts';
import { href } from '../../lib/navigation.ts';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DeleteRuleDialog } from './DeleteRuleDialog.tsx';
import { EvaluatePanel } from './EvaluatePanel.tsx';
import { RuleDialog } from './RuleDialog.tsx';

const list = (values: readonly string[], none: string) => (values.length ? values.join(', ') : none);

/** A rule's conditions in one line: what it matches, and what it never matches. */
function conditions(r: AccessControlRule): string {
  const parts = [
    r.actions.length ? `protocols ${r.actions.join(', ')}` : null,
    r.notActions.length ? `not ${r.notActions.join(', ')}` : null,
    r.ipRanges.length ? `from ${list(r.ipRanges, '')}` : null,
    r.notIpRanges.length ? `not from ${list(r.notIpRanges, '')}` : null,
    r.userIds.length ? `${r.userIds.length} user${r.userIds.length === 1 ? '' : 's'}` : null,
    r.notUserIds.length ? `except ${r.notUserIds.length} user${r.notUserIds.length === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'Everyone, every protocol, any address';
}

/** The organization's access control rules (at most 20, one read): add, edit, delete, and evaluate them for a user. */
export function AccessRulesPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { organization, crumbs } = useOrganizationCrumbs(organizationId);
  usePage('Access control rules', [...crumbs, { text: 'Access control rules', href: href(`/organizations/${organizationId}/access-rules`) }]);
  const trpc = useTRPC();
  const rules = useQuery(trpc.accessRules.list.queryOptions({ organizationId }));
  const [selected, setSelected] = useState<AccessControlRule[]>([]);
  const [dialog, setDialog] = useState<'add' | 'edit' | 'delete' | null>(null);
  const all = rules.data ?? [];
  const chosen = all.find((r) => r.name === selected[0]?.name) ?? null;
  const active = organization.data ? isOperational(organization.data.state) : false;
  const inactiveReason = 'Rules change only while the organization is Active.';
  const allowing = all.filter((r) => r.effect === 'ALLOW');
  const full = all.length >= MAX_ACCESS_CONTROL_RULES;

  if (rules.isError) return <ErrorAlert header="The access control rules could not be loaded" error={rules.error} onRetry={() => void rules.refetch()} />;
  return (
    <SpaceBetween size="l">
      {rules.data && allowing.length === 0 && (
        <Alert type="error" header="No rule allows access">
          Every user of this organization is refused in the portal, on phones and at the mail servers. Add a rule that allows.
        </Alert>
      )}
      <Table
        trackBy="name"
        variant="full-page"
        loading={rules.isPending}
        loadingText="Loading rules"
        items={all}
        selectionType="single"
        selectedItems={chosen ? [chosen] : []}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{ itemSelectionLabel: (_, r) => `Rule ${r.name}`, selectionGroupLabel: 'Rules' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={rules.data ? `(${all.length}/${MAX_ACCESS_CONTROL_RULES})` : undefined}
            description="Who may sign in, by which protocol and from where. A matching rule that denies wins; otherwise a matching rule that allows lets the user in; otherwise the user is refused."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={!chosen || !active} disabledReason={!active ? inactiveReason : 'Select a rule.'} onClick={() => setDialog('delete')}>
                  Delete
                </Button>
                <Button disabled={!chosen || !active} disabledReason={!active ? inactiveReason : 'Select a rule.'} onClick={() => setDialog('edit')}>
                  Edit
                </Button>
                <Button
                  variant="primary"
                  disabled={!active || full}
                  disabledReason={!active ? inactiveReason : `An organization has at most ${MAX_ACCESS_CONTROL_RULES} rules.`}
                  onClick={() => setDialog('add')}
                >
                  Add rule
                </Button>
              </SpaceBetween>
            }
          >
            Access control rules
          </Header>
        }
        columnDefinitions={[
          { id: 'name', header: 'Name', isRowHeader: true, cell: (r) => r.name },
          {
            id: 'effect',
            header: 'Effect',
            cell: (r) => <StatusIndicator type={r.effect === 'ALLOW' ? 'success' : 'error'}>{r.effect === 'ALLOW' ? 'Allow' : 'Deny'}</StatusIndicator>,
          },
          { id: 'conditions', header: 'Matches', cell: conditions },
          { id: 'description', header: 'Description', cell: (r) => r.description || '-' },
          { id: 'updated', header: 'Changed', cell: (r) => formatDateTimeShort(r.updatedAt) },
        ]}
        empty={
          <TableEmptyState
            title="No rules"
            subtitle="Without a rule that allows, everyone is refused."
            action={active ? <Button onClick={() => setDialog('add')}>Add rule</Button> : undefined}
          />
        }
      />
      <EvaluatePanel organizationId={organizationId} />
      {dialog === 'add' && <RuleDialog organizationId={organizationId} rule={null} onDismiss={() => setDialog(null)} />}
      {dialog === 'edit' && chosen && <RuleDialog organizationId={organizationId} rule={chosen} onDismiss={() => setDialog(null)} />}
      {dialog === 'delete' && chosen && (
        <DeleteRuleDialog
          organizationId={organizationId}
          rule={chosen}
          lastAllow={chosen.effect === 'ALLOW' && allowing.length === 1}
          onDismiss={() => {
            setDialog(null);
            setSelected([]);
          }}
        />
      )}
    </SpaceBetween>
  );
}
