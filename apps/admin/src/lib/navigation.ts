import { useCallback } from 'react';
import { useLocation } from 'wouter';

/** The app's base path without the trailing slash, e.g. `/admin`. */
export const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

/** A real link target for an app path (`/organizations` → `/admin/organizations`), so links open in new tabs. */
export const href = (path: string) => `${BASE}${path}`;

type FollowEvent = CustomEvent<{ href?: string; external?: boolean }>;

/**
 * `onFollow` for Cloudscape links, buttons, breadcrumbs and navigation: plain clicks route in the app,
 * modified clicks (new tab) and external links keep the browser's behaviour.
 */
export function useFollow() {
  const [, navigate] = useLocation();
  return useCallback(
    (event: FollowEvent) => {
      const target = event.detail.href;
      if (!target || event.detail.external || !target.startsWith(`${BASE}/`)) return;
      event.preventDefault();
      navigate(`~${target}`);
    },
    [navigate],
  );
}

/** Navigates to an app path. */
export function useNavigate() {
  const [, navigate] = useLocation();
  return useCallback((path: string, options?: { replace?: boolean }) => navigate(path, options), [navigate]);
}
