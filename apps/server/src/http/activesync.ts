import { DeviceSyncReport } from '@mailyard/core/devices';
import { fail, isDomainError } from '@mailyard/core/errors';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { authenticateDeviceOwner } from '../services/devices/authenticate.ts';
import { syncDevice } from '../services/devices/sync.ts';
import { VerifiedPasswordCache } from '../platform/verified-passwords.ts';
import { errorBody, jsonErrorHandler } from './errors.ts';
import { text } from '@mailyard/core/text';

const PATH = '/Microsoft-Server-ActiveSync';
const CHALLENGE = 'Basic realm="Mailyard ActiveSync", charset="UTF-8"';

const Query = z.object({
  Cmd: z.literal('Provision', { error: 'Only Cmd=Provision is supported.' }),
  // A missing id reaches the report schema as '' so its message ("Device id is required.") is the one shown.
  DeviceId: text().default(''),
  DeviceType: text().optional(),
});

/** The body's shape only; its fields are checked by the report schema, with the query's. */
const Body = z
  .object({ model: z.unknown(), operatingSystem: z.unknown(), userAgent: z.unknown(), wipeAcknowledged: z.unknown() })
  .partial()
  .nullish();

/** `Authorization: Basic base64(address:password)`, or `null` when absent or malformed. */
function basicCredentials(header: string | undefined): { address: string; password: string } | null {
  const encoded = /^Basic\s+([A-Za-z0-9+/]+=*)\s*$/i.exec(header ?? '')?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const address = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (colon < 1 || address.length > 254 || password.length === 0 || password.length > 256) return null;
  return { address, password };
}

async function signIn(deps: Deps, passwords: VerifiedPasswordCache, request: FastifyRequest, reply: FastifyReply) {
  const credentials = basicCredentials(request.headers.authorization);
  if (!credentials) {
    void reply.header('WWW-Authenticate', CHALLENGE);
    fail('AUTH.REQUIRED', 'Sign in with the email address and password of the mailbox.');
  }
  try {
    return await authenticateDeviceOwner(deps, credentials, { ip: request.ip }, passwords);
  } catch (error) {
    // A wrong password is challenged again; a refused account (403) or throttling (429) is not.
    if (isDomainError(error) && error.kind === 'unauthenticated') void reply.header('WWW-Authenticate', CHALLENGE);
    throw error;
  }
}

/**
 * The device-facing sync endpoint, modelled on Exchange ActiveSync provisioning (JSON instead of WBXML). A device signs
 * in as its user (HTTP Basic: any address of the user, and the password), says who it is — `?Cmd=Provision&DeviceId=…
 * &DeviceType=…`, a JSON body with model, operatingSystem, userAgent (else the User-Agent header) and
 * `wipeAcknowledged` — and learns whether to wipe itself: `{ status: 'ok', wipe }`. OPTIONS answers the protocol
 * discovery that ActiveSync clients start with, after the same sign-in.
 */
export function activeSyncRoutes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    const handle = jsonErrorHandler(deps);
    const passwords = new VerifiedPasswordCache({ ttlMs: deps.config.MAILYARD_DEVICE_CREDENTIAL_CACHE_SECONDS * 1000 });
    app.setErrorHandler((error: FastifyError, request, reply) => {
      // A refusal the protocol has a status for (a blocked device: 129) carries it, so a client can tell it apart.
      const activeSyncStatus = isDomainError(error) ? error.details.activeSyncStatus : undefined;
      if (isDomainError(error) && typeof activeSyncStatus === 'number') return reply.code(403).send({ ...errorBody(error.code, error.message), activeSyncStatus });
      return handle(error, request, reply);
    });

    app.options(PATH, async (request, reply) => {
      await signIn(deps, passwords, request, reply);
      return reply
        .header('Allow', 'OPTIONS,POST')
        .header('MS-Server-ActiveSync', '14.1')
        .header('MS-ASProtocolVersions', '14.1')
        .header('MS-ASProtocolCommands', 'Provision')
        .code(200)
        .send();
    });

    app.post(PATH, { bodyLimit: 64 * 1024 }, async (request, reply) => {
      const query = Query.parse(request.query);
      const body = Body.safeParse(request.body);
      if (!body.success) fail('VALIDATION', 'The body must be a JSON object.', { field: 'body' });
      const header = request.headers['user-agent'];
      const report = DeviceSyncReport.parse({
        deviceId: query.DeviceId,
        deviceType: query.DeviceType,
        ...body.data,
        userAgent: body.data?.userAgent ?? header?.slice(0, 256),
      });
      const owner = await signIn(deps, passwords, request, reply);
      return syncDevice(deps, owner, report);
    });
  };
}
