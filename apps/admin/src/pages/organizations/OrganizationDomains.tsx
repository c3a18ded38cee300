import Badge from '@cloudscape-design/components/badge';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { DomainStatus } from '../../components/DomainStatus.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';

export interface DomainRow {
  domain: string;
  isTestDomain: boolean;
  isDefault: boolean;
  verificationStatus: string;
}

/** The mail domains of an organization. */
export function OrganizationDomains({ domains, provisioning }: { domains: DomainRow[]; provisioning: boolean }) {
  return (
    <Table
      trackBy="domain"
      items={domains}
      header={
        <Header variant="h2" counter={`(${domains.length})`} description="Addresses of this organization's users and groups end in one of these domains.">
          Domains
        </Header>
      }
      columnDefinitions={[
        {
          id: 'domain',
          header: 'Domain name',
          isRowHeader: true,
          cell: (d) => (
            <SpaceBetween direction="horizontal" size="xs" alignItems="center">
              <span>{d.domain}</span>
              {d.isTestDomain && <Badge>Test domain</Badge>}
            </SpaceBetween>
          ),
        },
        { id: 'default', header: 'Default', cell: (d) => (d.isDefault ? <Badge color="blue">Default</Badge> : '-') },
        { id: 'status', header: 'Verification status', cell: (d) => <DomainStatus status={d.verificationStatus} /> },
      ]}
      empty={
        <TableEmptyState
          title="No domains"
          subtitle={provisioning ? 'The free test domain is added while the organization is being created.' : 'This organization has no mail domains.'}
        />
      }
    />
  );
}
