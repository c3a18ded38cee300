import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import { MAX_MOBILE_DEVICE_ACCESS_RULES, type MobileDeviceAccessRule } from '@mailyard/core/mobile-access';
import { isOperational } from '@mailyard/core/organizations';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { TruncatedText } from '../../components/TruncatedText.tsx';
import { ConfirmDialog } from '../../components/dialogs/ConfirmDialog.tsx';
import { formatDateTimeShort } from '../../lib/format.ts';
import { href } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { EffectIndicator } from './EffectIndicator.tsx';
import { EvaluatePanel } from './EvaluatePanel.tsx';
import { RuleDialog } from './RuleDialog.tsx';
import { conditionsSummary } from './summary.ts';

type Dialog = 'create' | 'edit' | 'delete' | null;

/** An organization's mobile device access rules (at most 10, one read): create, edit, delete, and Evaluate a device. */
export function MobileAccessPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { organization, crumbs } = useOrganizationCrumbs(organizationId);
  usePage('Mobile device access', [...crumbs, { text: 'Mobile device access', href: href(`/organizations/${organizationId}/mobile-access`) }]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const rules = useQuery(trpc.mobileAccess.listRules.queryOptions({ organizationId }));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const all = rules.data ?? [];
  const selected = all.find((r) => r.id === selectedId) ?? null;
  const active = organization.data ? isOperational(organization.data.state) : false;
  const inactiveReason = 'Rules change only while the organization is Active.';
  const full = all.length >= MAX_MOBILE_DEVICE_ACCESS_RULES;
  const allows = all.some((r) => r.effect === 'ALLOW');
  // Deleting the selected rule leaves no rule that allows: every device without an override is then blocked.
  const lastAllow = selected?.effect === 'ALLOW' && all.filter((r) => r.effect === 'ALLOW').length === 1;

  const remove = useMutation(
    trpc.mobileAccess.deleteRule.mutationOptions({
      onSuccess: async () => {
        notify({ id: `mobile-rule-delete-${selected?.id}`, type: 'success', content: `Rule ${selected?.name} was deleted.` });
        setSelectedId(null);
        setDialog(null);
        await queryClient.invalidateQueries(trpc.mobileAccess.pathFilter());
        void queryClient.invalidateQueries(trpc.activity.pathFilter());
      },
    }),
  );

  if (rules.isError) return <ErrorAlert header="The rules could not be loaded" error={rules.error} onRetry={() => void rules.refetch()} />;
  return (
    <SpaceBetween size="l">
      {rules.data && !allows && (
        <Alert type="warning" header="Every device is blocked">
          No rule allows devices, so every phone and tablet without an ALLOW override is refused when it syncs. Create an ALLOW rule to let devices in.
        </Alert>
      )}
      <Table
        trackBy="id"
        variant="full-page"
        loading={rules.isPending}
        loadingText="Loading rules"
        items={all}
        selectionType="single"
        selectedItems={selected ? [selected] : []}
        onSelectionChange={({ detail }) => setSelectedId(detail.selectedItems[0]?.id ?? null)}
        ariaLabels={{ itemSelectionLabel: (_, r) => `Rule ${r.name}`, allItemsSelectionLabel: () => 'All rules', selectionGroupLabel: 'Rules' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={rules.data ? `(${all.length}/${MAX_MOBILE_DEVICE_ACCESS_RULES})` : undefined}
            description="Which phones and tablets may sync, by what they report about themselves. Any DENY rule that applies blocks a device; otherwise an ALLOW rule that applies lets it in; a device no rule applies to is blocked. An override on a user's device wins over the rules."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button disabled={!selected || !active} disabledReason={!active ? inactiveReason : 'Select a rule to delete it.'} onClick={() => setDialog('delete')}>
                  Delete
                </Button>
                <Button disabled={!selected || !active} disabledReason={!active ? inactiveReason : 'Select a rule to edit it.'} onClick={() => setDialog('edit')}>
                  Edit
                </Button>
                <Button
                  variant="primary"
                  disabled={!active || full}
                  disabledReason={!active ? inactiveReason : `An organization has at most ${MAX_MOBILE_DEVICE_ACCESS_RULES} rules: edit or delete one.`}
                  onClick={() => setDialog('create')}
                >
                  Create rule
                </Button>
              </SpaceBetween>
            }
          >
            Mobile device access
          </Header>
        }
        columnDefinitions={[
          { id: 'name', header: 'Name', isRowHeader: true, cell: (r) => r.name },
          { id: 'effect', header: 'Effect', cell: (r) => <EffectIndicator effect={r.effect} /> },
          { id: 'conditions', header: 'Applies to', cell: (r) => <TruncatedText text={conditionsSummary(r.conditions)} /> },
          { id: 'description', header: 'Description', cell: (r) => (r.description ? <TruncatedText text={r.description} /> : '-') },
          { id: 'modified', header: 'Last modified', cell: (r) => formatDateTimeShort(r.updatedAt) },
        ]}
        empty={
          <TableEmptyState
            title="No rules"
            subtitle="Without a rule that allows, every device is blocked."
            action={active ? <Button onClick={() => setDialog('create')}>Create rule</Button> : undefined}
          />
        }
      />
      <EvaluatePanel organizationId={organizationId} />
      {dialog === 'create' && <RuleDialog organizationId={organizationId} onDismiss={() => setDialog(null)} />}
      {dialog === 'edit' && selected && <RuleDialog organizationId={organizationId} rule={selected} onDismiss={() => setDialog(null)} />}
      {dialog === 'delete' && selected && (
        <ConfirmDialog
          header="Delete rule"
          confirmText="Delete"
          loading={remove.isPending}
          error={remove.error}
          onDismiss={() => setDialog(null)}
          onConfirm={() => remove.mutate({ organizationId, ruleId: selected.id })}
        >
          <Box variant="p">
            Delete rule <b>{selected.name}</b>? Devices follow the remaining rules from their next sync.
          </Box>
          {lastAllow && <DeleteLastAllowWarning rule={selected} />}
        </ConfirmDialog>
      )}
    </SpaceBetween>
  );
}

function DeleteLastAllowWarning({ rule }: { rule: MobileDeviceAccessRule }) {
  return (
    <Alert type="warning" header="No rule will allow devices">
      {rule.name} is the only rule that allows devices. Without it every phone and tablet without an ALLOW override is blocked.
    </Alert>
  );
}
