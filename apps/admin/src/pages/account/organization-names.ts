import { useQuery } from '@tanstack/react-query';
import { MAX_API_TOKEN_ORGANIZATIONS } from '@mailyard/core/api-tokens';
import { useTRPC } from '../../lib/trpc.ts';

/** The account's organizations by id (aliases for token scopes), the first page of up to 100. */
export function useOrganizationNames() {
  const trpc = useTRPC();
  const list = useQuery(trpc.organizations.list.queryOptions({ limit: MAX_API_TOKEN_ORGANIZATIONS, includeDeleted: false }));
  const organizations = list.data?.items ?? [];
  const names = new Map(organizations.map((o) => [o.id, o.alias]));
  return { organizations, names, list };
}
