import type { MyAccount } from '@mailyard/core/portal';
import { usePageTitle } from '../lib/router.tsx';
import { AddressesSection } from '../sections/AddressesSection.tsx';
import { DevicesSection } from '../sections/DevicesSection.tsx';
import { MailboxSection } from '../sections/MailboxSection.tsx';
import { PasswordSection } from '../sections/PasswordSection.tsx';
import { PermissionsSection } from '../sections/PermissionsSection.tsx';
import { RecentChangesSection } from '../sections/RecentChangesSection.tsx';
import { RecoverySection } from '../sections/RecoverySection.tsx';
import { SessionsSection } from '../sections/SessionsSection.tsx';

const contents = [
  ['mailbox', 'Mailbox'],
  ['password', 'Password'],
  ['recovery', 'Recovery address'],
  ['addresses', 'Addresses'],
  ['devices', 'Devices'],
  ['permissions', 'Access'],
  ['changes', 'Changes'],
] as const;

/** Everything about the signed-in user's own account, one card each, with a table of contents for small screens. */
export function AccountPage({ account }: { account: MyAccount }) {
  usePageTitle('My account');
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>
        {account.displayName}
      </h1>
      <p className="lead">{account.primaryEmail}</p>
      <nav className="toc" aria-label="On this page">
        <ul>
          {contents.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {/* Two columns on wide screens; on a phone the second follows the first, in the order of the contents. */}
      <div className="account-grid">
        <div>
          <MailboxSection />
          <PasswordSection />
          <RecoverySection recovery={account.recovery} />
        </div>
        <div>
          <AddressesSection />
          <DevicesSection />
          <PermissionsSection />
          <RecentChangesSection />
          <SessionsSection sessions={account.sessions} />
        </div>
      </div>
    </>
  );
}
