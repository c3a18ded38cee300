import type { TableProps } from '@cloudscape-design/components/table';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.ts';
import { ActivityEventsTable } from './ActivityEventsTable.tsx';
import { useActivityFilters } from './filters.ts';

const PAGE_SIZE = 50;

interface Props {
  organizationId: string;
  /** Only the events about this user or group (its Activity tab). */
  targetId?: string;
  variant?: TableProps.Variant;
  description?: string;
}

/**
 * An organization's audit events, or one user's or group's (`targetId`): the Activity page, and the Activity tab of
 * a user's or group's page.
 */
export function ActivityTable({ organizationId, targetId, variant, description }: Props) {
  const trpc = useTRPC();
  const filters = useActivityFilters();
  const list = useInfiniteQuery(
    trpc.activity.list.infiniteQueryOptions(
      { organizationId, targetId, ...filters.query, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const total = useQuery(trpc.activity.count.queryOptions({ organizationId, targetId, ...filters.query }, { placeholderData: keepPreviousData }));
  return (
    <ActivityEventsTable
      list={list}
      total={total}
      filters={filters}
      organizationId={organizationId}
      targetId={targetId}
      variant={variant}
      description={description}
      emptyText={targetId ? 'Changes made to it appear here.' : 'Changes made in this organization appear here.'}
    />
  );
}
