import { TRPCError } from '@trpc/server';
import type { TRPCRequestInfo } from '@trpc/server/http';

/** What a procedure declares about itself with `.meta(…)`. */
export interface ProcedureMeta {
  /**
   * It checks a secret someone could guess (a password, a recovery code, a reset link), under a rate limit. Those
   * limits count each attempt before its check, whatever the transport; one such call per request keeps a batch from
   * even trying (see `refuseBatchedGuesses`).
   */
  guessable?: boolean;
}

/** The metadata guessable procedures carry. */
export const guessable: ProcedureMeta = { guessable: true };

/**
 * Refuses a request (a tRPC batch) holding more than one guessable call, before any of them runs: the console and the
 * portal never send two, so only a guesser does. Thrown from `createContext`, it answers every call of the batch.
 */
export function refuseBatchedGuesses(info: TRPCRequestInfo): void {
  const guesses = info.calls.filter((call) => (call.procedure?._def.meta as ProcedureMeta | undefined)?.guessable === true).length;
  if (guesses > 1) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Send one sign-in, password, code or reset link per request.' });
  }
}
