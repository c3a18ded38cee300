import { useState } from 'react';
import { ListActivityInput } from '@mailyard/core/activity';
import { useDebounced } from '../../lib/debounce.ts';

/** The Activity filters: who acted and which action (prefixes), sent to the server once the typing stops. */
export function useActivityFilters() {
  const [actorText, setActorText] = useState('');
  const [actionText, setActionText] = useState('');
  const actor = useDebounced(actorText.trim());
  const typedAction = useDebounced(actionText.trim().toLowerCase());
  // The action filter's rule is the server's: checked here first, so a bad prefix is explained, not sent.
  const actionProblem = ListActivityInput.shape.action.safeParse(typedAction).error?.issues[0]?.message;
  const action = actionProblem ? '' : typedAction;
  return {
    actorText,
    setActorText,
    actionText,
    setActionText,
    actionProblem,
    /** What to send: blanks are no filter. */
    query: { actor: actor || undefined, action: action || undefined },
    key: JSON.stringify([actor, action]),
    active: Boolean(actor || action),
    clear: () => {
      setActorText('');
      setActionText('');
    },
  };
}

export type ActivityFilters = ReturnType<typeof useActivityFilters>;
