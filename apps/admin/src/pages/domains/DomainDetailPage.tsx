import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import { displayDomain, domainAttention, type CheckResult, type DnsRecord, type RecordCheck } from '@mailyard/core/mail-domains';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { formatDateTimeShort } from '../../lib/format.ts';
import { href, useNavigate } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { DomainName, StatusWithReason } from './DomainStatuses.tsx';
import { domainPath, domainsPath } from './paths.ts';
import { RemoveDomainModal } from './RemoveDomainModal.tsx';
import { Copyable } from '../../components/Copyable.tsx';
import { domainActionRefusals } from './actions.ts';

const purposes: Record<DnsRecord['purpose'], string> = {
  ownership: 'Ownership (proves the domain is yours)',
  mx: 'Mail delivery (MX)',
  spf: 'Sending policy (SPF)',
  dkim: 'Signing key (DKIM)',
  dmarc: 'DMARC (suggested)',
  autodiscover: 'Client set-up (autodiscover)',
};

const checkStatus: Record<CheckResult, [StatusIndicatorProps.Type, string]> = {
  found: ['success', 'Found'],
  missing: ['pending', 'Not found'],
  mismatch: ['error', 'Different value'],
  unreachable: ['warning', 'DNS unreachable'],
};

/** A record's check: the last check's result for the same name (and DKIM selector). */
const checkOf = (checks: RecordCheck[], r: DnsRecord) => checks.find((c) => c.hostname === r.hostname && c.purpose === r.purpose && c.selector === r.selector);


/** One domain: its verification, the records to publish with copy buttons and each record's last check, and its actions. */
export function DomainDetailPage() {
  const { organizationId = '', domainName = '' } = useParams<{ organizationId: string; domainName: string }>();
  const domainRef = { organizationId, domainName: decodeURIComponent(domainName) };
  const { crumbs } = useOrganizationCrumbs(organizationId);
  const shown = displayDomain(domainRef.domainName);
  usePage(shown, [...crumbs, { text: 'Domains', href: href(domainsPath(organizationId)) }, { text: shown, href: href(domainPath(organizationId, domainRef.domainName)) }]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const [removing, setRemoving] = useState(false);
  const query = useQuery(trpc.domains.get.queryOptions(domainRef));
  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.domains.get.queryFilter(domainRef));
    void queryClient.invalidateQueries(trpc.organizations.get.queryFilter({ organizationId }));
    void queryClient.invalidateQueries(trpc.activity.pathFilter());
  };
  const onError = (error: unknown) => notify({ id: `domain-${domainRef.domainName}`, type: 'error', content: errorInfo(error).message });
  const verify = useMutation(trpc.domains.verify.mutationOptions({ onSuccess: refresh, onError }));
  const rotate = useMutation(
    trpc.domains.rotateDkim.mutationOptions({
      onSuccess: async ({ selector }) => {
        notify({ id: `domain-${domainRef.domainName}`, type: 'info', content: `Publish the new DKIM record (selector ${selector}); it takes over signing once DNS has it.` });
        await refresh();
      },
      onError,
    }),
  );
  const makeDefault = useMutation(trpc.domains.setDefault.mutationOptions({ onSuccess: refresh, onError }));

  if (query.isError) {
    return (
      <ContentLayout header={<Header variant="h1">{shown}</Header>}>
        <ErrorAlert header="The domain could not be loaded" error={query.error} onRetry={() => void query.refetch()} />
      </ContentLayout>
    );
  }
  const d = query.data;
  const attention = d ? domainAttention(d) : [];
  const rotating = d?.records.some((r) => r.keyState === 'next') ?? false;
  const refused = d ? domainActionRefusals(d) : null;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={d && (d.isDefault || d.isTestDomain || shown !== d.domain) ? <DomainName domain={{ ...d, domain: d.domain }} /> : undefined}
          actions={
            d &&
            !d.isTestDomain && (
              <SpaceBetween direction="horizontal" size="xs">
                <Button onClick={() => setRemoving(true)} disabled={Boolean(refused?.remove)} disabledReason={refused?.remove?.message}>
                  Remove
                </Button>
                <Button onClick={() => rotate.mutate(domainRef)} loading={rotate.isPending} disabled={rotating} disabledReason="A new key is waiting for its DNS record.">
                  Rotate DKIM key
                </Button>
                <Button
                  onClick={() => makeDefault.mutate(domainRef)}
                  loading={makeDefault.isPending}
                  disabled={Boolean(refused?.setDefault)}
                  disabledReason={refused?.setDefault?.message}
                >
                  Set as default
                </Button>
                <Button variant="primary" onClick={() => verify.mutate(domainRef)} loading={verify.isPending}>
                  Verify now
                </Button>
              </SpaceBetween>
            )
          }
        >
          {shown}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {attention.length > 0 && (
          <Alert type="warning" header="Records of this verified domain are missing">
            {attention.join(' ')} Mail is still accepted; publish the records again.
          </Alert>
        )}
        <Container header={<Header variant="h2">Verification</Header>}>
          {d && (
            <KeyValuePairs
              columns={4}
              items={[
                { label: 'Ownership', value: <StatusWithReason status={d.ownershipStatus} reason={d.ownershipReason} /> },
                { label: 'DKIM', value: <StatusWithReason status={d.dkimStatus} reason={d.dkimReason} /> },
                { label: 'Last checked', value: d.checkedAt ? formatDateTimeShort(d.checkedAt) : 'Not yet' },
                { label: 'Next check', value: d.nextCheckAt ? formatDateTimeShort(d.nextCheckAt) : '-' },
              ]}
            />
          )}
        </Container>
        <Table
          trackBy={(r) => `${r.purpose}:${r.hostname}:${r.selector ?? ''}`}
          loading={query.isPending}
          loadingText="Loading records"
          items={d?.records ?? []}
          wrapLines
          header={
            <Header
              variant="h2"
              description={
                d?.isTestDomain
                  ? 'Mailyard serves the free test domain: there is nothing to publish.'
                  : 'Publish these records at your DNS provider, then choose Verify now. Mailyard also checks by itself while records are missing, and daily once verified.'
              }
            >
              DNS records
            </Header>
          }
          columnDefinitions={[
            { id: 'purpose', header: 'Purpose', cell: (r) => (r.keyState === 'next' ? `${purposes[r.purpose]}, next key` : purposes[r.purpose]) },
            { id: 'type', header: 'Type', cell: (r) => r.type },
            { id: 'hostname', header: 'Name', cell: (r) => <Copyable text={r.hostname} label="Name" /> },
            { id: 'value', header: 'Value', cell: (r) => <Copyable text={r.value} label="Value" /> },
            {
              id: 'check',
              header: 'Last check',
              cell: (r) => {
                const check = d && checkOf(d.checks, r);
                if (!check) return <StatusIndicator type="pending">Not checked yet</StatusIndicator>;
                const [type, text] = checkStatus[check.result];
                return (
                  <SpaceBetween size="xxxs">
                    <StatusIndicator type={type}>{text}</StatusIndicator>
                    {check.reason && <small>{check.reason}</small>}
                  </SpaceBetween>
                );
              },
            },
          ]}
        />
      </SpaceBetween>
      {removing && (
        <RemoveDomainModal organizationId={organizationId} domain={domainRef.domainName} onDismiss={() => setRemoving(false)} onRemoved={() => navigate(domainsPath(organizationId))} />
      )}
    </ContentLayout>
  );
}
