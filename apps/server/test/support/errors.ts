import { TRPCError } from '@trpc/server';
import { errorData, errorMessage } from '../../src/trpc/errors.ts';

export interface Failure {
  code: string;
  domainCode: string | null;
  message: string;
  fieldErrors: Record<string, string[]>;
}

/** Awaits a call that must fail and returns what a client would read: tRPC code, domain code, message, field errors. */
export async function failure(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const data = errorData(e.cause);
    return { code: e.code, domainCode: data.domainCode, message: errorMessage(e.cause, e.message), fieldErrors: data.fieldErrors ?? {} };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
