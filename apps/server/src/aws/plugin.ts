import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { authenticate } from './authenticate.ts';
import { toAwsError } from './errors.ts';
import { operations } from './operations/index.ts';
import { AwsError, newRequestId, operationName, parseBody, sendError, sendResult } from './protocol.ts';

/** WorkMail inputs are small; AWS's JSON services refuse far smaller bodies than the console's import limit. */
const BODY_LIMIT = 1024 * 1024;

const internalFailure = () =>
  new AwsError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);

/**
 * The WorkMail-compatible API: `POST /aws` (and `/aws/`), AWS JSON 1.1, SigV4. Registered with the prefix `/aws`;
 * its own body parsing (the raw bytes: the signature covers them) and error shapes stay inside this plugin.
 */
export async function awsPlugin(server: FastifyInstance, { deps }: { deps: Deps }): Promise<void> {
  server.removeAllContentTypeParsers();
  server.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));

  // Failures before the handler runs (a body over the limit, an aborted upload) still answer in AWS's shape.
  server.setErrorHandler((error: { statusCode?: number; message: string }, req, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) deps.log.error('/aws request failed', { error, url: req.url });
    return sendError(reply, newRequestId(), status >= 500 ? internalFailure() : new AwsError('SerializationException', error.message));
  });
  server.setNotFoundHandler((_req, reply) =>
    sendError(reply, newRequestId(), new AwsError('UnknownOperationException', 'The WorkMail-compatible API answers POST /aws only.', 404)),
  );

  server.post('/', async (req: FastifyRequest, reply: FastifyReply) => {
    const requestId = newRequestId();
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const key = await authenticate(deps, { method: req.raw.method ?? 'POST', url: req.raw.url ?? '/', rawHeaders: req.raw.rawHeaders, body });
      const name = operationName(req.headers['x-amz-target'] as string | undefined);
      const run = operations.get(name);
      if (!run) throw new AwsError('UnknownOperationException', `Mailyard does not support the operation WorkMailService.${name}.`);
      const output = await run({ deps, actor: key.actor, awsAccountId: key.awsAccountId }, parseBody(body));
      return sendResult(reply, requestId, output);
    } catch (error) {
      const aws = toAwsError(error);
      if (!aws) deps.log.error(`/aws ${String(req.headers['x-amz-target'])} failed`, { error, requestId });
      return sendError(reply, requestId, aws ?? internalFailure());
    }
  });
}
