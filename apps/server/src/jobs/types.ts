import type { Deps } from '../deps.ts';

export interface JobContext {
  deps: Deps;
  job: { id: number; attempts: number; maxAttempts: number };
}

export interface JobHandler {
  run(ctx: JobContext, payload: unknown): Promise<void>;
  /** Called once when the last attempt failed (e.g. to mark an organization Failed with the reason, which is `safeErrorMessage`'s). */
  giveUp?(ctx: JobContext, payload: unknown, error: Error): Promise<void>;
}
