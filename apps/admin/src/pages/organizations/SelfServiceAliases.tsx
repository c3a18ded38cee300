import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { EditAliasPolicyModal } from './EditAliasPolicyModal.tsx';

/** The organization's self-service alias policy (what users may do in the portal), with an Edit dialog. */
export function SelfServiceAliases({ organizationId, editable }: { organizationId: string; editable: boolean }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.portalAdmin.getAliasPolicy.queryOptions({ organizationId }));
  const [editing, setEditing] = useState(false);

  if (query.isError) return <ErrorAlert header="The self-service settings could not be loaded" error={query.error} onRetry={() => void query.refetch()} />;
  const policy = query.data?.policy;
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="What users may change themselves in the self-service portal."
          actions={
            <Button disabled={!policy || !editable} disabledReason="Only an Active organization can be changed." onClick={() => setEditing(true)}>
              Edit
            </Button>
          }
        >
          Self-service aliases
        </Header>
      }
    >
      <KeyValuePairs
        columns={4}
        items={[
          {
            label: 'Users may add aliases',
            value: !policy ? '-' : policy.allowed ? <StatusIndicator type="success">Allowed</StatusIndicator> : <StatusIndicator type="stopped">Not allowed</StatusIndicator>,
          },
          { label: 'Domains', value: !policy ? '-' : policy.domains.length === 0 ? 'All domains' : policy.domains.join(', ') },
          { label: 'Aliases per user', value: policy ? String(policy.maxPerUser) : '-' },
          { label: 'Pattern', value: policy?.localPartPattern ? <code>{policy.localPartPattern}</code> : 'Any valid address' },
        ]}
      />
      {editing && policy && query.data && (
        <EditAliasPolicyModal organizationId={organizationId} policy={policy} domains={query.data.domains} onDismiss={() => setEditing(false)} />
      )}
    </Container>
  );
}
