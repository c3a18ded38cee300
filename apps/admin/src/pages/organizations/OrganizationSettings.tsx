import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import type { OrganizationDetail } from '@mailyard/core/organizations';
import { OrganizationStatus } from '../../components/OrganizationStatus.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { Copyable } from '../../components/Copyable.tsx';

const directoryTypes: Record<OrganizationDetail['directoryType'], string> = {
  WorkMailDirectory: 'Built-in directory',
  ExternalDirectory: 'External directory',
};


/** "Organization settings": identity, directory, encryption and interoperability of one organization. */
export function OrganizationSettings({ organization: org }: { organization: OrganizationDetail }) {
  return (
    <Container header={<Header variant="h2">Organization settings</Header>}>
      <KeyValuePairs
        columns={2}
        items={[
          {
            type: 'group',
            title: 'General',
            items: [
              { label: 'Organization ID', value: <Copyable text={org.id} label="Organization ID" /> },
              { label: 'Alias', value: org.alias },
              { label: 'State', value: <OrganizationStatus state={org.state} /> },
              { label: 'Default mail domain', value: org.defaultMailDomain ?? '-' },
              { label: 'Created', value: formatDateTime(org.createdAt) },
              { label: 'Completed', value: formatDateTime(org.completedAt) },
            ],
          },
          {
            type: 'group',
            title: 'Directory and encryption',
            items: [
              { label: 'Directory type', value: directoryTypes[org.directoryType] },
              { label: 'Directory ID', value: <Copyable text={org.directoryId} label="Directory ID" /> },
              { label: 'Encryption key', value: org.encryptionKeyLabel },
              { label: 'Interoperability with Microsoft Exchange', value: org.interoperabilityEnabled ? 'Enabled' : 'Disabled' },
            ],
          },
        ]}
      />
    </Container>
  );
}
