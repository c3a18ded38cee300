import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * The portal has three addresses (/portal/, /portal/forgot, /portal/reset), so a router library would cost more
 * than it saves: this is the History API and one subscription.
 */
export const BASE = '/portal';

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
};

/** The path inside the portal: `/`, `/forgot`, `/reset`. */
export function usePath(): string {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  return path === '' ? '/' : path.replace(/\/$/, '') || '/';
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const url = `${BASE}${path}`;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  listeners.forEach((l) => l());
}

/** An in-app link: a real `<a href>` (new tab, copy link work) that navigates without a reload. */
export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={`${BASE}${to}`} onClick={handle} {...rest} />;
}

/** Sets the document title and moves focus to the page's heading, so a screen reader announces the new page. */
export function usePageTitle(title: string, headingId = 'page-title'): void {
  useEffect(() => {
    document.title = `${title} | Mailyard`;
    document.getElementById(headingId)?.focus({ preventScroll: true });
  }, [title, headingId]);
}
