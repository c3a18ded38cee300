import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { emailAddressSchema, joinAddress, splitAddress } from '@mailyard/core/addresses';
import { groupActionTargets, groupLocalPartFor, type GroupSummary } from '@mailyard/core/groups';
import { useNotifications } from '../../lib/notifications.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddressField } from '../../components/addresses/AddressField.tsx';
import { useAddressDomains } from '../../components/addresses/useAddressDomains.ts';
import { BatchProgress } from '../../components/dialogs/BatchProgress.tsx';
import { groupsCount, useBatch, type GroupsDialogProps } from './batch.ts';
import { outcomeNotices } from './outcome.tsx';
import { DialogShell } from '../../components/DialogShell.tsx';

interface Row {
  group: GroupSummary;
  localPart: string;
  domain: string;
  error?: string;
}

/**
 * "Enable groups": each selected disabled group gets a primary address, which the operator reviews here. A group
 * disabled earlier keeps its address, so it is proposed again; a new group gets `<name>@<default domain>`.
 */
export function EnableGroupsModal({ organizationId, groups, onDismiss, onDone }: GroupsDialogProps) {
  const trpc = useTRPC();
  const { notify } = useNotifications();
  const enable = useMutation(trpc.groups.enable.mutationOptions());
  const batch = useBatch();
  const { domains, defaultDomain: proposed } = useAddressDomains(organizationId);
  const defaultDomain = proposed ?? '';
  const targets = groupActionTargets(groups).enable;
  const skipped = groups.filter((g) => !targets.includes(g));
  const [rows, setRows] = useState<Row[]>(() =>
    targets.map((group) => {
      const kept = group.email ? splitAddress(group.email) : null;
      return { group, localPart: kept?.localPart ?? groupLocalPartFor(group.name), domain: kept?.domain ?? defaultDomain };
    }),
  );
  const [enabledSoFar, setEnabledSoFar] = useState<GroupSummary[]>([]);
  const change = (id: string, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.group.id === id ? { ...r, ...patch, error: undefined } : r)));

  const confirm = async () => {
    // The domain list may arrive after the dialog opened: fill the default in for rows still without one.
    const filled = rows.map((r) => ({ ...r, domain: r.domain || defaultDomain }));
    const checked = filled.map((r) => {
      const parsed = emailAddressSchema.safeParse(joinAddress(r.localPart, r.domain));
      return parsed.success ? { ...r, error: undefined } : { ...r, error: parsed.error.issues.map((i) => i.message).join(' ') };
    });
    setRows(checked);
    if (checked.some((r) => r.error)) return;

    const outcome = await batch.run(checked, (r) =>
      enable.mutateAsync({ organizationId, groupId: r.group.id, email: joinAddress(r.localPart, r.domain) }),
    );
    const done = [...enabledSoFar, ...outcome.succeeded.map((r) => r.group)];
    const succeeded = outcome.succeeded.map((r) => r.group);
    outcomeNotices('enable', 'Enabled', { succeeded, failed: [] }).forEach(notify);
    if (outcome.failed.length === 0) {
      onDone(done);
      return;
    }
    // The groups that failed stay in the dialog, each with the server's reason under its address.
    setEnabledSoFar(done);
    setRows(
      outcome.failed.map(({ item, error }) => ({
        ...item,
        error: [...(error.fieldErrors.email ?? []), ...(error.fieldErrors.groupId ?? [])].join(' ') || error.message,
      })),
    );
  };

  const close = () => (enabledSoFar.length > 0 ? onDone(enabledSoFar) : onDismiss());

  return (
    <DialogShell
      size="large"
      header={rows.length === 1 ? `Enable group ${rows[0]!.group.name}` : `Enable ${groupsCount(rows.length)}`}
      primaryLabel="Enable"
      pending={batch.running}
      primaryDisabled={rows.length === 0}
      onPrimary={() => void confirm()}
      onClose={close}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!batch.running && rows.length > 0) void confirm();
        }}
      >
        <SpaceBetween size="l">
          <Box variant="p">
            An enabled group receives mail at its email address and can be given mailbox permissions. Review the address of each group.
          </Box>
          {rows.length === 0 && <Alert type="info">The selected groups are already enabled.</Alert>}
          {rows.map((row) => (
            <AddressField
              key={row.group.id}
              layout="inline"
              label={row.group.name}
              controlsLabel={`Email address of ${row.group.name}`}
              description={row.group.email ? 'Its previous address is proposed.' : undefined}
              errorText={row.error}
              invalid={{ localPart: Boolean(row.error), domain: false }}
              localPart={row.localPart}
              domain={row.domain || defaultDomain}
              domains={domains}
              onLocalPartChange={(localPart) => change(row.group.id, { localPart })}
              onDomainChange={(domain) => change(row.group.id, { domain })}
            />
          ))}
          {skipped.length > 0 && (
            <Alert type="info" header={`${groupsCount(skipped.length)} already enabled`}>
              {skipped.map((g) => g.name).join(', ')} {skipped.length === 1 ? 'is' : 'are'} left as {skipped.length === 1 ? 'it is' : 'they are'}.
            </Alert>
          )}
            {batch.progress && <BatchProgress label="Enabling groups" {...batch.progress} />}
        </SpaceBetween>
      </form>
    </DialogShell>
  );
}
