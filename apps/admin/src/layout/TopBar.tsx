import TopNavigation, { type TopNavigationProps } from '@cloudscape-design/components/top-navigation';
import { href, useNavigate } from '../lib/navigation.ts';

interface TopBarProps {
  /** The signed-in operator; absent on the sign-in page. */
  operator?: { email: string };
  onSignOut?: () => void;
}

/** The console's top bar: product name, and the operator's menu with "Sign out". */
export function TopBar({ operator, onSignOut }: TopBarProps) {
  const navigate = useNavigate();
  const utilities: TopNavigationProps.Utility[] = operator
    ? [
        {
          type: 'menu-dropdown',
          text: operator.email,
          description: operator.email,
          iconName: 'user-profile',
          ariaLabel: `Signed in as ${operator.email}`,
          items: [{ id: 'sign-out', text: 'Sign out' }],
          onItemClick: ({ detail }) => {
            if (detail.id === 'sign-out') onSignOut?.();
          },
        },
      ]
    : [];
  return (
    <div id="top-nav" className="top-nav">
      <TopNavigation
        identity={{
          title: 'Mailyard',
          href: href('/organizations'),
          onFollow: () => navigate('/organizations'),
        }}
        utilities={utilities}
      />
    </div>
  );
}
