import type { z } from 'zod';
import type { Deps } from '../deps.ts';
import type { OperatorActor } from '../services/actor.ts';
import { AwsError } from './protocol.ts';
import { parseInput } from './validation.ts';

/** Who calls, through which access key: an operator of the key's account, over every organization of it. */
export interface AwsContext {
  deps: Deps;
  actor: OperatorActor;
  /** The account's twelve-digit id, for ARNs. */
  awsAccountId: string;
}

export type Operation = (ctx: AwsContext, body: Record<string, unknown>) => Promise<object>;

/**
 * One WorkMail operation: the model's input shape (checked first, §3.9 of the reference), then a thin adapter
 * that calls the service the console uses and returns the WorkMail output shape.
 */
export function operation<S extends z.ZodType>(shape: S, run: (ctx: AwsContext, input: z.output<S>) => Promise<object>): Operation {
  return (ctx, body) => run(ctx, parseInput(shape, body));
}

/** A member the model has but Mailyard cannot honour yet: refused by name rather than silently ignored. */
export function unsupportedMember(member: string, why: string): never {
  throw new AwsError('InvalidParameterException', `1 validation error detected: Value at '${member}' failed to satisfy constraint: ${why}`);
}
