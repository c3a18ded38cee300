import { createHash } from 'node:crypto';
import { decodeCursor, encodeCursor } from '@mailyard/core/pagination';
import { AwsError } from './protocol.ts';

/** WorkMail documents no default page size; Mailyard answers the largest page the model allows. */
const DEFAULT_PAGE_SIZE = 100;

/**
 * `NextToken`s are opaque: the service's own cursor, wrapped with a digest of the operation, organization and
 * filters it was issued for. A token replayed against another list, organization or filter set is refused.
 */
export class TokenScope {
  private readonly scope: string;

  constructor(operation: string, request: unknown) {
    this.scope = `aws:${operation}:${createHash('sha256').update(JSON.stringify(request)).digest('base64url').slice(0, 16)}`;
  }

  /** The service page request for `NextToken` and `MaxResults`. */
  page(input: { NextToken?: string | undefined; MaxResults?: number | undefined }): { cursor?: string; limit: number } {
    const limit = input.MaxResults ?? DEFAULT_PAGE_SIZE;
    if (input.NextToken === undefined) return { limit };
    const key = decodeCursor(this.scope, input.NextToken);
    if (!key || typeof key[0] !== 'string') {
      throw new AwsError(
        'InvalidParameterException',
        '1 validation error detected: Value at \'NextToken\' failed to satisfy constraint: The token is invalid, or was issued for another list, organization or filters.',
      );
    }
    return { cursor: key[0], limit };
  }

  /** The `NextToken` of a response: absent on the last page. */
  token(nextCursor: string | null): string | undefined {
    return nextCursor === null ? undefined : encodeCursor(this.scope, [nextCursor]);
  }
}
