import type { Notice } from '../../lib/notifications.tsx';
import { groupsCount, type BatchOutcome } from './batch.ts';

/**
 * The Flashbar messages of a bulk action: one success for what worked, one error naming each group that failed
 * and why. `past` is the verb as in "Disabled 2 groups".
 */
export function outcomeNotices<T extends { id: string; name: string }>(action: string, past: string, outcome: BatchOutcome<T>): Notice[] {
  const notices: Notice[] = [];
  const id = `groups-${action}-${Date.now()}`;
  if (outcome.succeeded.length > 0) {
    const names = outcome.succeeded.length === 1 ? `group ${outcome.succeeded[0]!.name}` : groupsCount(outcome.succeeded.length);
    notices.push({ id: `${id}-ok`, type: 'success', content: `${past} ${names}.` });
  }
  if (outcome.failed.length > 0) {
    notices.push({
      id: `${id}-failed`,
      type: 'error',
      header: `${groupsCount(outcome.failed.length)} could not be ${past.toLowerCase()}`,
      content: (
        <ul className="plain-list">
          {outcome.failed.map(({ item, error }) => (
            <li key={item.id}>
              <strong>{item.name}</strong>: {error.message}
            </li>
          ))}
        </ul>
      ),
    });
  }
  return notices;
}
