import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ACCESS_ACTIONS, ENFORCED_ACCESS_ACTIONS, GetAccessControlEffectInput, type AccessAction } from '@mailyard/core/access-control';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { UserMultiselect } from './UserMultiselect.tsx';

const actionOptions = ACCESS_ACTIONS.map((a) => ({ value: a, label: a, description: ENFORCED_ACCESS_ACTIONS[a] ?? 'Not served by Mailyard' }));

/** What the rules decide for one user, protocol and address: WorkMail's GetAccessControlEffect, before anyone is locked out. */
export function EvaluatePanel({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const [users, setUsers] = useState<string[]>([]);
  const [action, setAction] = useState<AccessAction>('IMAP');
  const [ipAddress, setIpAddress] = useState('');
  const [asked, setAsked] = useState<GetAccessControlEffectInput | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const effect = useQuery({ ...trpc.accessRules.effect.queryOptions(asked!), enabled: asked !== null });

  const evaluate = () => {
    const parsed = GetAccessControlEffectInput.safeParse({ organizationId, userId: users[0] ?? '', action, ipAddress: ipAddress.trim() });
    if (parsed.success) {
      setErrors({});
      setAsked(parsed.data);
      return;
    }
    const found: Record<string, string> = {};
    for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.path[0] === 'userId' ? 'Choose a user.' : issue.message;
    setErrors(found);
  };

  return (
    <Container header={<Header variant="h2" description="What the rules decide for one user signing in by a protocol from an address.">Evaluate</Header>}>
      <SpaceBetween size="l">
        <ColumnLayout columns={3}>
          <FormField label="User" errorText={errors.userId}>
            <UserMultiselect organizationId={organizationId} ariaLabel="User to evaluate" value={users} onChange={(ids) => setUsers(ids.slice(-1))} invalid={Boolean(errors.userId)} />
          </FormField>
          <FormField label="Protocol">
            <Select
              ariaLabel="Protocol to evaluate"
              selectedOption={actionOptions.find((o) => o.value === action)!}
              options={actionOptions}
              onChange={({ detail }) => setAction(detail.selectedOption.value as AccessAction)}
            />
          </FormField>
          <FormField label="Client address" errorText={errors.ipAddress}>
            <Input ariaLabel="Client address" value={ipAddress} placeholder="192.0.2.10" invalid={Boolean(errors.ipAddress)} onChange={({ detail }) => setIpAddress(detail.value)} />
          </FormField>
        </ColumnLayout>
        <Button onClick={evaluate} loading={effect.isFetching}>
          Evaluate
        </Button>
        {effect.isError && <ErrorAlert header="The rules could not be evaluated" error={effect.error} />}
        {effect.data && (
          <div role="status" aria-live="polite">
            <SpaceBetween size="xxs">
              <StatusIndicator type={effect.data.effect === 'ALLOW' ? 'success' : 'error'}>{effect.data.effect === 'ALLOW' ? 'Allowed' : 'Denied'}</StatusIndicator>
              <Box color="text-body-secondary">
                {effect.data.matchedRules.length > 0 ? `Decided by: ${effect.data.matchedRules.join(', ')}` : 'No rule matches: access is denied.'}
              </Box>
            </SpaceBetween>
          </div>
        )}
      </SpaceBetween>
    </Container>
  );
}
