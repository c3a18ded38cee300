import Autosuggest from '@cloudscape-design/components/autosuggest';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import type { ActivityEvent } from '@mailyard/core/activity';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableEmptyState.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useKeysetPages, type InfinitePages, type TotalQuery } from '../../lib/keyset-pages.ts';
import { href, useFollow } from '../../lib/navigation.ts';
import { ActivityChanges } from './ActivityChanges.tsx';
import type { ActivityFilters } from './filters.ts';
import { accountActionSuggestions, actionLabel, actorTypeLabel, organizationActionSuggestions, targetTypeLabel, viaLabel } from './labels.ts';

const time = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** An event, with its organization in the account-wide view. */
export type ActivityRow = ActivityEvent & { organizationId?: string | null };

interface Props {
  /** The events: `useInfiniteQuery` over `activity.list` or `activity.listAccount`. */
  list: InfinitePages<ActivityRow> & { isError: boolean; error: unknown; isRefetching: boolean; refetch: () => Promise<unknown> };
  filters: ActivityFilters;
  /** The organization of the page; events of the account-wide view carry their own. */
  organizationId?: string;
  /** The user or group whose Activity tab this is: its own name is not linked. */
  targetId?: string;
  /** Organization aliases by id: adds the Organization column (account-wide view). */
  organizationNames?: ReadonlyMap<string, string>;
  /** `full-page` on the Activity pages, `borderless` inside a tab. */
  variant?: TableProps.Variant;
  description?: string;
  emptyText: string;
  /** The table's heading; "Activity" by default. */
  title?: string;
  /** The events' total under the filters, as the server counts it (`activity.count`, `activity.countAccount`). */
  total: TotalQuery;
}

/**
 * Audit events newest first, filtered by who acted and by action (prefixes, on the server), one keyset page at a
 * time: the organization's and the account's Activity pages, and the Activity tab of a user or group.
 */
export function ActivityEventsTable({ list, filters, organizationId, targetId, organizationNames, variant = 'full-page', description, emptyText, title = 'Activity', total }: Props) {
  const onFollow = useFollow();
  const pages = useKeysetPages(list, filters.key, total);

  const targetLink = (e: ActivityRow) => {
    const orgId = e.organizationId ?? organizationId;
    if (orgId && e.targetType === 'group') return `/organizations/${orgId}/groups/${e.targetId}`;
    if (orgId && e.targetType === 'user') return `/organizations/${orgId}/users/${e.targetId}`;
    if (e.targetType === 'organization') return `/organizations/${e.targetId}`;
    return null;
  };

  const columns: TableProps.ColumnDefinition<ActivityRow>[] = [
    { id: 'time', header: 'Time', cell: (e) => <time dateTime={e.createdAt.toISOString()}>{time.format(e.createdAt)}</time>, minWidth: 150 },
    {
      id: 'actor',
      header: 'Actor',
      cell: (e) => (
        <>
          <div>{e.actorLabel}</div>
          <Box variant="small" color="text-body-secondary">
            {actorTypeLabel(e.actorType)} · via {viaLabel(e.via, e.actorType)}
          </Box>
        </>
      ),
    },
    {
      id: 'action',
      header: 'Action',
      isRowHeader: true,
      cell: (e) => (
        <>
          <div>{actionLabel(e.action)}</div>
          <Box variant="small" color="text-body-secondary">
            <code>{e.action}</code>
          </Box>
        </>
      ),
    },
    {
      id: 'target',
      header: 'Target',
      cell: (e) => {
        const link = targetLink(e);
        const label = e.targetLabel ?? e.targetId;
        return (
          <>
            <div>
              {link && e.targetId !== targetId ? (
                <Link href={href(link)} onFollow={onFollow}>
                  {label}
                </Link>
              ) : (
                label
              )}
            </div>
            <Box variant="small" color="text-body-secondary">
              {targetTypeLabel(e.targetType)}
            </Box>
          </>
        );
      },
    },
    ...(organizationNames
      ? [
          {
            id: 'organization',
            header: 'Organization',
            cell: (e: ActivityRow) =>
              e.organizationId ? (
                <Link href={href(`/organizations/${e.organizationId}`)} onFollow={onFollow}>
                  {organizationNames.get(e.organizationId) ?? e.organizationId}
                </Link>
              ) : (
                <Box color="text-body-secondary">Account</Box>
              ),
          },
        ]
      : []),
    {
      id: 'changes',
      header: 'Changes',
      minWidth: 220,
      cell: (e) => <ActivityChanges before={e.before} after={e.after} label={`${actionLabel(e.action)} at ${formatDateTime(e.createdAt)}`} />,
    },
  ];

  if (list.isError && !list.data) {
    return <ErrorAlert header="Activity could not be loaded" error={list.error} onRetry={() => void list.refetch()} />;
  }

  return (
    <Table
      variant={variant}
      stickyHeader={variant === 'full-page'}
      trackBy="id"
      wrapLines
      items={pages.items}
      columnDefinitions={columns}
      loading={list.isPending}
      loadingText="Loading activity"
      header={
        <Header
          variant={variant === 'full-page' ? 'awsui-h1-sticky' : 'h2'}
          counter={pages.counter}
          description={description}
          actions={<Button iconName="refresh" ariaLabel="Refresh activity" {...pages.refresh} />}
        >
          {title}
        </Header>
      }
      filter={
        <div className="table-filters">
          <div className="table-filters__text">
            <TextFilter
              filteringText={filters.actorText}
              filteringPlaceholder="Filter by actor, e.g. an operator's email"
              filteringAriaLabel="Filter by actor (beginning of the email address or name)"
              onChange={({ detail }) => filters.setActorText(detail.filteringText)}
            />
          </div>
          <div className="table-filters__wide">
            <FormField errorText={filters.actionProblem} stretch>
              <Autosuggest
                value={filters.actionText}
                options={organizationNames ? accountActionSuggestions : organizationActionSuggestions}
                placeholder="Filter by action, e.g. group."
                ariaLabel="Filter by action (beginning of the action code)"
                enteredTextLabel={(value) => `Use: ${value}`}
                empty="No known action starts with this."
                invalid={Boolean(filters.actionProblem)}
                onChange={({ detail }) => filters.setActionText(detail.value)}
              />
            </FormField>
          </div>
        </div>
      }
      pagination={<Pagination {...pages.pagination} />}
      empty={
        filters.active ? (
          <TableEmptyState title="No matching events" subtitle="No event matches the filters." action={<Button onClick={filters.clear}>Clear filters</Button>} />
        ) : (
          <TableEmptyState title="No activity" subtitle={emptyText} />
        )
      }
    />
  );
}
