import { useInfiniteQuery } from '@tanstack/react-query';
import { Section } from '../components/Section.tsx';
import { describeChange } from '../lib/activity.ts';
import { errorInfo } from '../lib/errors.ts';
import { formatDateTime } from '../lib/format.ts';
import { useTRPC } from '../lib/trpc.ts';

/** What administrators (and the system for them) changed on this account, from the audit log. */
export function RecentChangesSection() {
  const trpc = useTRPC();
  const changes = useInfiniteQuery(
    trpc.portal.recentChanges.infiniteQueryOptions({ limit: 10 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const items = changes.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section id="changes" title="Changes by your administrators">
      {changes.isPending ? (
        <p role="status">Loading…</p>
      ) : changes.error ? (
        <p className="message message-error">{errorInfo(changes.error).message}</p>
      ) : items.length === 0 ? (
        <p className="muted">No changes yet.</p>
      ) : (
        <>
          <ol className="timeline">
            {items.map((e) => (
              <li key={e.id}>
                <span>{describeChange(e)}</span>
                <span className="muted small">
                  <time dateTime={new Date(e.createdAt).toISOString()}>{formatDateTime(e.createdAt)}</time> · {e.actorType === 'system' ? 'Mailyard' : e.actorLabel}
                </span>
              </li>
            ))}
          </ol>
          {changes.hasNextPage && (
            <button type="button" className="button" onClick={() => changes.fetchNextPage()} disabled={changes.isFetchingNextPage}>
              {changes.isFetchingNextPage ? 'Loading…' : 'Show older changes'}
            </button>
          )}
        </>
      )}
    </Section>
  );
}
