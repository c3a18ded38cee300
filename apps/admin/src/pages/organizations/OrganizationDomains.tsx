import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { displayDomain, domainAttention, type MailDomainSummary } from '@mailyard/core/mail-domains';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { href, useFollow } from '../../lib/navigation.ts';
import { DomainName, StatusWithReason } from '../domains/DomainStatuses.tsx';
import { domainPath, domainsPath } from '../domains/paths.ts';

/** The organization's mail domains on its overview, with verified domains whose records vanished flagged first. */
export function OrganizationDomains({ organizationId, domains, provisioning }: { organizationId: string; domains: MailDomainSummary[]; provisioning: boolean }) {
  const onFollow = useFollow();
  const flagged = domains.filter((d) => domainAttention(d).length > 0);
  return (
    <SpaceBetween size="s">
      {flagged.map((d) => (
        <Alert
          key={d.domain}
          type="warning"
          header={`DNS records of ${displayDomain(d.domain)} are missing`}
          action={
            <Button href={href(domainPath(organizationId, d.domain))} onFollow={onFollow}>
              View records
            </Button>
          }
        >
          {domainAttention(d).join(' ')} Mail is still accepted for the domain until the records are fixed or it is removed.
        </Alert>
      ))}
      <Table
        trackBy="domain"
        items={domains}
        header={
          <Header
            variant="h2"
            counter={`(${domains.length})`}
            description="Addresses of this organization's users and groups end in one of these domains."
            actions={
              <Button href={href(domainsPath(organizationId))} onFollow={onFollow} disabled={provisioning}>
                Manage domains
              </Button>
            }
          >
            Domains
          </Header>
        }
        columnDefinitions={[
          { id: 'domain', header: 'Domain name', isRowHeader: true, cell: (d) => <DomainName domain={d} /> },
          { id: 'ownership', header: 'Ownership', cell: (d) => <StatusWithReason status={d.ownershipStatus} reason={null} /> },
          { id: 'dkim', header: 'DKIM', cell: (d) => <StatusWithReason status={d.dkimStatus} reason={null} /> },
        ]}
        empty={
          <TableEmptyState
            title="No domains"
            subtitle={provisioning ? 'The free test domain is added while the organization is being created.' : 'This organization has no mail domains.'}
          />
        }
      />
    </SpaceBetween>
  );
}
