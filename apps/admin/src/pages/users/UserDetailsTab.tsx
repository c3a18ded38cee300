import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import type { UserDetail } from '@mailyard/core/users';
import { formatDateTime } from '../../lib/format.ts';
import { roleLabels, UserStatus } from './UserStatus.tsx';

const or = (value: string | null | undefined) => value || '-';

/** The User details tab: every personal-data field of "Editing user details", as the Edit page edits them. */
export function UserDetailsTab({ user }: { user: UserDetail }) {
  return (
    <Container header={<Header variant="h2">User details</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          {
            type: 'group',
            title: 'General',
            items: [
              { label: 'User name', value: user.name },
              { label: 'Display name', value: user.displayName },
              { label: 'First name', value: or(user.firstName) },
              { label: 'Last name', value: or(user.lastName) },
              { label: 'Initials', value: or(user.initials) },
              { label: 'Primary email address', value: or(user.email) },
              { label: 'Hidden from the global address list', value: user.hiddenFromGlobalAddressList ? 'Yes' : 'No' },
            ],
          },
          {
            type: 'group',
            title: 'Contact and organization',
            items: [
              { label: 'Telephone', value: or(user.telephone) },
              { label: 'Street', value: or(user.street) },
              { label: 'City', value: or(user.city) },
              { label: 'ZIP code', value: or(user.zipCode) },
              { label: 'Country', value: or(user.country) },
              { label: 'Company', value: or(user.company) },
              { label: 'Department', value: or(user.department) },
              { label: 'Job title', value: or(user.jobTitle) },
              { label: 'Office', value: or(user.office) },
            ],
          },
          {
            type: 'group',
            title: 'Account',
            items: [
              {
                label: 'User ID',
                value: (
                  <CopyToClipboard
                    variant="inline"
                    textToCopy={user.id}
                    copyButtonAriaLabel="Copy user ID"
                    copySuccessText="User ID copied"
                    copyErrorText="User ID failed to copy"
                  />
                ),
              },
              { label: 'State', value: <UserStatus user={user} /> },
              { label: 'Role', value: roleLabels[user.role] },
              { label: 'Created', value: formatDateTime(user.createdAt) },
              ...(user.state === 'ENABLED' ? [{ label: 'Enabled', value: formatDateTime(user.enabledAt) }] : []),
              ...(user.state === 'DISABLED'
                ? [
                    { label: 'Disabled', value: formatDateTime(user.disabledAt) },
                    { label: 'Mailbox deletion date', value: formatDateTime(user.mailbox?.deletionDueAt) },
                  ]
                : []),
              { label: 'Last changed', value: formatDateTime(user.updatedAt) },
            ],
          },
        ]}
      />
    </Container>
  );
}
