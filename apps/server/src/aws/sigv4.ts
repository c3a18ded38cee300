import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AwsError } from './protocol.ts';

/**
 * AWS Signature Version 4, verified as AWS verifies it (header form: `Authorization: AWS4-HMAC-SHA256 …`).
 * Split in two so the key is looked up only for a well-formed, current request: `parseSignature` checks the
 * header, the credential scope and the clock; `verifySignature` recomputes the signature with the key's secret.
 * Error names and statuses are AWS's, so SDKs and scripts see what they saw against Amazon WorkMail.
 */

const ALGORITHM = 'AWS4-HMAC-SHA256';
const TERMINATOR = 'aws4_request';
/** AWS accepts a request time up to 15 minutes away from its own clock, in either direction. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface SignedRequest {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  /** Node's `rawHeaders`: [name, value, name, value, …], repeated headers kept apart. */
  rawHeaders: string[];
  body: Buffer;
}

export interface ParsedSignature {
  /** The request's headers by lower-case name, read once for both steps. */
  headers: Map<string, string[]>;
  accessKeyId: string;
  amzDate: string;
  scope: string;
  signedHeaders: string[];
  signature: string;
}

const incomplete = (message: string) => new AwsError('IncompleteSignatureException', message, 403);
const invalid = (message: string) => new AwsError('InvalidSignatureException', message, 403);

/** Header values by lower-case name; a repeated header's values are joined by commas, as SigV4 canonicalises them. */
function headerMap(rawHeaders: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    map.set(name, [...(map.get(name) ?? []), rawHeaders[i + 1]!]);
  }
  return map;
}

const first = (headers: Map<string, string[]>, name: string) => headers.get(name)?.[0];

const formatAmzDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** `20261125T225854Z` from X-Amz-Date, or from an HTTP `Date` header when X-Amz-Date is absent. */
function requestTime(headers: Map<string, string[]>): string | null {
  const amz = first(headers, 'x-amz-date');
  if (amz !== undefined) return amz;
  const date = first(headers, 'date');
  if (date === undefined) return null;
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? date : formatAmzDate(parsed);
}

/**
 * Headers a signature must cover besides the host: the one the request time came from, and every `x-amz-*` header
 * present (the operation's `X-Amz-Target` above all). Left unsigned, a captured request could be replayed as another
 * operation or at another time with the same signature.
 */
function mustBeSigned(headers: Map<string, string[]>): string[] {
  const timeHeader = headers.has('x-amz-date') ? 'x-amz-date' : 'date';
  return [timeHeader, ...[...headers.keys()].filter((name) => name.startsWith('x-amz-') && name !== 'x-amz-date')];
}

/** `x-amz-target` → `X-Amz-Target`, as AWS names headers in its messages. */
const displayName = (header: string) => header.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

const parseAmzDate = (s: string) => {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : null;
};

/**
 * Checks everything that needs no secret: the header's form, the credential scope (`<date>/<region>/<service>/
 * aws4_request`), and the request time against `now`. Throws AWS's error for each failure.
 */
export function parseSignature(request: SignedRequest, expect: { region: string; service: string; now: Date }): ParsedSignature {
  const headers = headerMap(request.rawHeaders);
  const authorization = first(headers, 'authorization');
  if (authorization === undefined) throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);

  const space = authorization.indexOf(' ');
  const algorithm = space < 0 ? authorization : authorization.slice(0, space);
  const params = new Map<string, string>();
  for (const part of (space < 0 ? '' : authorization.slice(space + 1)).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const amzDate = requestTime(headers);
  const missing = [
    ...['Credential', 'Signature', 'SignedHeaders'].filter((p) => !params.get(p)).map((p) => `Authorization header requires '${p}' parameter.`),
    ...(amzDate === null ? ["Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."] : []),
  ];
  if (algorithm !== ALGORITHM) missing.unshift(`Unsupported AWS 'algorithm': '${algorithm}'; use ${ALGORITHM}.`);
  if (missing.length > 0) throw incomplete(`${missing.join(' ')} Authorization=${authorization}`);

  const credential = params.get('Credential')!;
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((p) => p === '')) {
    throw incomplete(`Credential must have the form <access key id>/<date>/<region>/<service>/${TERMINATOR}, not '${credential}'.`);
  }
  const [accessKeyId, scopeDate, region, service, terminator] = parts as [string, string, string, string, string];
  if (terminator !== TERMINATOR) throw incomplete(`Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${terminator}'.`);
  if (service !== expect.service) throw invalid(`Credential should be scoped to correct service: '${expect.service}'.`);
  if (region !== expect.region) throw invalid(`Credential should be scoped to a valid region, not '${region}'. This endpoint serves '${expect.region}'.`);

  const time = parseAmzDate(amzDate!);
  if (!time) throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  if (scopeDate !== amzDate!.slice(0, 8)) {
    throw invalid(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate!.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  const now = expect.now.getTime();
  if (time.getTime() < now - MAX_CLOCK_SKEW_MS) {
    throw invalid(
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(new Date(now - MAX_CLOCK_SKEW_MS))} (${formatAmzDate(expect.now)} - 15 min.)`,
    );
  }
  if (time.getTime() > now + MAX_CLOCK_SKEW_MS) {
    throw invalid(
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(new Date(now + MAX_CLOCK_SKEW_MS))} (${formatAmzDate(expect.now)} + 15 min.)`,
    );
  }

  const signedHeaders = params.get('SignedHeaders')!.split(';');
  if (!signedHeaders.includes('host')) throw invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  const unsigned = mustBeSigned(headers).find((name) => !signedHeaders.includes(name));
  if (unsigned) throw invalid(`'${displayName(unsigned)}' must be a 'SignedHeader' in the AWS Authorization.`);
  return { headers, accessKeyId, amzDate: amzDate!, scope: parts.slice(1).join('/'), signedHeaders, signature: params.get('Signature')! };
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it: everything but A–Z a–z 0–9 - _ . ~ is percent-encoded. */
const escapeUri = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The path with `.`, `..` and empty segments removed, then encoded once more (non-S3 services double-encode). */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

/** Parameters sorted by encoded name then value, each name and value decoded and re-encoded the RFC 3986 way. */
function canonicalQuery(query: string): string {
  if (query === '') return '';
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s;
    }
  };
  return query
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const [name, value] = eq < 0 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)];
      return [escapeUri(decode(name)), escapeUri(decode(value))] as const;
    })
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([n, v]) => `${n}=${v}`)
    .join('&');
}

const canonicalValue = (v: string) => v.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').trim();

/**
 * Recomputes the signature with the key's secret and compares in constant time. The canonical request covers
 * exactly the signed headers (the host with its port, as the client sent it) and the SHA-256 of the body as
 * received, so a changed body, header, path or secret all end in InvalidSignatureException.
 */
export function verifySignature(request: SignedRequest, parsed: ParsedSignature, secret: string): void {
  const { headers } = parsed;
  const payloadHash = sha256Hex(request.body);
  const claimed = first(headers, 'x-amz-content-sha256');
  if (claimed !== undefined && claimed.toLowerCase() !== payloadHash) {
    throw invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  const q = request.url.indexOf('?');
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath(q < 0 ? request.url : request.url.slice(0, q)),
    canonicalQuery(q < 0 ? '' : request.url.slice(q + 1)),
    ...parsed.signedHeaders.map((name) => `${name}:${(headers.get(name) ?? []).map(canonicalValue).join(',')}`),
    '',
    parsed.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const stringToSign = [ALGORITHM, parsed.amzDate, parsed.scope, sha256Hex(canonicalRequest)].join('\n');
  const [date, region, service] = parsed.scope.split('/') as [string, string, string];
  const signingKey = [date, region, service, TERMINATOR].reduce<Buffer | string>((key, part) => hmac(key, part), `AWS4${secret}`);
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest();
  const given = /^[0-9a-f]{64}$/i.test(parsed.signature) ? Buffer.from(parsed.signature, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. ' +
        `Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'${canonicalRequest}'\n\n` +
        `The String-to-Sign should have been\n'${stringToSign}'\n`,
    );
  }
}
