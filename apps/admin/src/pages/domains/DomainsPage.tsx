import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'wouter';
import { displayDomain, domainAttention, type MailDomainSummary } from '@mailyard/core/mail-domains';
import { FindFilter } from '../../components/FindFilter.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { errorInfo } from '../../lib/errors.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { useNotifications } from '../../lib/notifications.tsx';
import { useOrganizationCrumbs } from '../../lib/organization-page.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { AddDomainModal } from './AddDomainModal.tsx';
import { DomainName, StatusWithReason } from './DomainStatuses.tsx';
import { domainPath, domainsPath } from './paths.ts';
import { RemoveDomainModal } from './RemoveDomainModal.tsx';
import { domainActionRefusals } from './actions.ts';

const SELECT_ONE = { message: 'Select a domain.' };

const matches = (d: MailDomainSummary, text: string) => [d.domain, displayDomain(d.domain)].some((s) => s.includes(text.toLowerCase()));

/**
 * An organization's mail domains (at most 1,000, read with the organization the side navigation already loaded):
 * Add domain, Set as default and Remove, each domain's ownership and DKIM status with the reason to act on.
 */
export function DomainsPage() {
  const { organizationId = '' } = useParams<{ organizationId: string }>();
  const { organization, crumbs } = useOrganizationCrumbs(organizationId);
  usePage('Domains', [...crumbs, { text: 'Domains', href: href(domainsPath(organizationId)) }]);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onFollow = useFollow();
  const { notify } = useNotifications();
  const [filteringText, setFilteringText] = useState('');
  const [selected, setSelected] = useState<MailDomainSummary[]>([]);
  const [dialog, setDialog] = useState<'add' | 'remove' | null>(null);
  const domains = (organization.data?.domains ?? []).filter((d) => matches(d, filteringText.trim()));
  const one = selected.length === 1 ? selected[0]! : null;
  const refused = one ? domainActionRefusals(one) : { setDefault: SELECT_ONE, remove: SELECT_ONE };
  const makeDefault = useMutation(
    trpc.domains.setDefault.mutationOptions({
      onSuccess: async (_, { domainName }) => {
        notify({ id: `domain-default-${domainName}`, type: 'success', content: `New users' addresses now suggest ${displayDomain(domainName)}.` });
        await queryClient.invalidateQueries(trpc.organizations.get.queryFilter({ organizationId }));
      },
      onError: (error, { domainName }) => notify({ id: `domain-default-${domainName}`, type: 'error', content: errorInfo(error).message }),
    }),
  );

  if (organization.isError) return <ErrorAlert header="The domains could not be loaded" error={organization.error} onRetry={() => void organization.refetch()} />;
  return (
    <>
      <Table
        trackBy="domain"
        variant="full-page"
        loading={organization.isPending}
        loadingText="Loading domains"
        items={domains}
        selectionType="single"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{ itemSelectionLabel: (_, d) => displayDomain(d.domain), selectionGroupLabel: 'Domains' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={organization.data ? `(${organization.data.domains.length})` : undefined}
            description="Addresses of users and groups end in one of these domains. Add your own and publish its DNS records to verify it."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  disabled={Boolean(refused.setDefault)}
                  disabledReason={refused.setDefault?.message}
                  loading={makeDefault.isPending}
                  onClick={() => one && makeDefault.mutate({ organizationId, domainName: one.domain })}
                >
                  Set as default
                </Button>
                <Button
                  disabled={Boolean(refused.remove)}
                  disabledReason={refused.remove?.message}
                  onClick={() => setDialog('remove')}
                >
                  Remove
                </Button>
                <Button variant="primary" onClick={() => setDialog('add')}>
                  Add domain
                </Button>
              </SpaceBetween>
            }
          >
            Domains
          </Header>
        }
        filter={
          <FindFilter noun="domains" text={filteringText} matches={domains.length} onChange={setFilteringText} />
        }
        columnDefinitions={[
          {
            id: 'domain',
            header: 'Domain name',
            isRowHeader: true,
            cell: (d) => (
              <Link href={href(domainPath(organizationId, d.domain))} onFollow={onFollow}>
                <DomainName domain={d} />
              </Link>
            ),
          },
          { id: 'ownership', header: 'Ownership', cell: (d) => <StatusWithReason status={d.ownershipStatus} reason={d.ownershipReason} /> },
          { id: 'dkim', header: 'DKIM', cell: (d) => <StatusWithReason status={d.dkimStatus} reason={d.dkimReason} /> },
          { id: 'attention', header: 'Needs attention', cell: (d) => (domainAttention(d).length > 0 ? 'Records missing since it was verified' : '-') },
        ]}
        empty={
          <TableEmptyState
            title={filteringText ? 'No matching domains' : 'No domains'}
            subtitle={filteringText ? 'No domain matches the search.' : 'The free test domain is added while the organization is being created.'}
          />
        }
      />
      {dialog === 'add' && <AddDomainModal organizationId={organizationId} onDismiss={() => setDialog(null)} />}
      {dialog === 'remove' && one && (
        <RemoveDomainModal organizationId={organizationId} domain={one.domain} onDismiss={() => setDialog(null)} onRemoved={() => setSelected([])} />
      )}
    </>
  );
}
