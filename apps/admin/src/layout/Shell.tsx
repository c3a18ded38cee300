import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Flashbar from '@cloudscape-design/components/flashbar';
import { useState, type ReactNode } from 'react';
import { useFollow } from '../lib/navigation.ts';
import { useNotifications } from '../lib/notifications.tsx';
import { useCrumbs } from '../lib/page.tsx';
import { Navigation } from './Navigation.tsx';
import { TopBar } from './TopBar.tsx';

interface ShellProps {
  operator: { email: string };
  onSignOut: () => void;
  children: ReactNode;
}

/** The console frame of every signed-in page: top bar, side navigation, breadcrumbs, notifications. */
export function Shell({ operator, onSignOut, children }: ShellProps) {
  const [navigationOpen, setNavigationOpen] = useState(true);
  const crumbs = useCrumbs();
  const onFollow = useFollow();
  const { items, dismiss } = useNotifications();

  return (
    <>
      <TopBar operator={operator} onSignOut={onSignOut} />
      <AppLayout
        headerSelector="#top-nav"
        navigation={<Navigation />}
        navigationOpen={navigationOpen}
        onNavigationChange={({ detail }) => setNavigationOpen(detail.open)}
        toolsHide
        breadcrumbs={crumbs.length > 0 && <BreadcrumbGroup items={crumbs} onFollow={onFollow} ariaLabel="Breadcrumbs" />}
        notifications={
          <Flashbar
            items={items.map((notice) => ({
              ...notice,
              dismissible: true,
              dismissLabel: 'Dismiss message',
              onDismiss: () => dismiss(notice.id),
            }))}
          />
        }
        stickyNotifications
        content={children}
      />
    </>
  );
}
