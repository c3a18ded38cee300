import type { Deps } from '../deps.ts';
import { findSigningKey, recordAccessKeyUse, type SigningKey } from '../services/access-keys/signing-key.ts';
import { AwsError } from './protocol.ts';
import { parseSignature, verifySignature, type SignedRequest } from './sigv4.ts';

/** The scope's service name: the signing name of `@aws-sdk/client-workmail` and botocore. */
const SIGNING_NAME = 'workmail';

const invalidToken = () => new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', 403);

/**
 * The caller of a /aws request: a SigV4 signature by an active access key, checked as AWS checks it. Session
 * credentials (X-Amz-Security-Token) are never issued here, so a request carrying one is refused like an unknown key.
 */
export async function authenticate(deps: Deps, request: SignedRequest): Promise<SigningKey> {
  const now = deps.clock();
  const parsed = parseSignature(request, { region: deps.config.MAILYARD_REGION, service: SIGNING_NAME, now });
  const key = await findSigningKey(deps, parsed.accessKeyId);
  if (!key || !key.active) throw invalidToken();
  verifySignature(request, parsed, key.secret);
  if (parsed.headers.has('x-amz-security-token')) throw invalidToken();
  await recordAccessKeyUse(deps, key);
  return key;
}
