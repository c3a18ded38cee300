import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { href } from '../../lib/navigation.ts';
import { usePage } from '../../lib/page.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { useOrganizationNames } from '../account/organization-names.ts';
import { ActivityEventsTable } from './ActivityEventsTable.tsx';
import { useActivityFilters } from './filters.ts';

const PAGE_SIZE = 50;

/** The account's whole audit trail: its organizations' changes and its own (access keys, API tokens, sign-ins). */
export function AccountActivityPage() {
  usePage('Account activity', [
    { text: 'Mailyard', href: href('/organizations') },
    { text: 'Account activity', href: href('/activity') },
  ]);
  const trpc = useTRPC();
  const filters = useActivityFilters();
  const { names } = useOrganizationNames();
  const list = useInfiniteQuery(
    trpc.activity.listAccount.infiniteQueryOptions(
      { ...filters.query, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const total = useQuery(trpc.activity.countAccount.queryOptions(filters.query, { placeholderData: keepPreviousData }));
  return (
    <ActivityEventsTable
      list={list}
      total={total}
      filters={filters}
      organizationNames={names}
      title="Account activity"
      description="Every change in your account: its organizations, and its own access keys, API tokens and operator sign-ins."
      emptyText="Changes made in your account appear here."
    />
  );
}
