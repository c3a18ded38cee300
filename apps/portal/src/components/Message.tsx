import type { ReactNode } from 'react';

/**
 * A sentence the screen reader announces when it appears: refusals interrupt (role="alert"), confirmations wait
 * their turn (role="status"). The live region is always in the page, so appearing text is announced reliably.
 */
export function Message({ tone, children }: { tone: 'error' | 'success' | 'info'; children?: ReactNode }) {
  const role = tone === 'error' ? 'alert' : 'status';
  return (
    <div role={role} className={children ? `message message-${tone}` : 'message-empty'}>
      {children}
    </div>
  );
}
