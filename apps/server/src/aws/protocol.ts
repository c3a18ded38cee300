import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/** AWS JSON 1.1 (WorkMail's protocol): the content type of every request and response body. */
export const AWS_JSON = 'application/x-amz-json-1.1';
/** `X-Amz-Target: WorkMailService.<Operation>` selects the operation. */
export const TARGET_PREFIX = 'WorkMailService.';

/**
 * An error as AWS answers it: the exception name (`__type`), a message, and the HTTP status. Client errors are
 * 400 (403 for authentication), never 5xx: the SDKs retry 5xx, which would repeat a refused request three times.
 */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const newRequestId = () => randomUUID();

/** A Buffer body keeps the content type exactly AWS's (Fastify would append a charset to a string). */
const json = (value: object) => Buffer.from(JSON.stringify(value), 'utf8');

export function sendResult(reply: FastifyReply, requestId: string, output: object): FastifyReply {
  return reply.code(200).header('x-amzn-RequestId', requestId).header('content-type', AWS_JSON).send(json(output));
}

/** `Message` is the model's member; `message` too, which is what AWS's own front end sends for auth errors. */
export function sendError(reply: FastifyReply, requestId: string, error: AwsError): FastifyReply {
  return reply
    .code(error.status)
    .header('x-amzn-RequestId', requestId)
    .header('x-amzn-ErrorType', error.type)
    .header('content-type', AWS_JSON)
    .send(json({ __type: error.type, Message: error.message, message: error.message }));
}

/** The operation named by `X-Amz-Target`, or an UnknownOperationException as AWS answers a missing or foreign target. */
export function operationName(target: string | undefined): string {
  if (!target?.startsWith(TARGET_PREFIX) || target.length === TARGET_PREFIX.length) {
    throw new AwsError('UnknownOperationException', target ? `Unknown operation ${target}.` : 'The X-Amz-Target header is missing.');
  }
  return target.slice(TARGET_PREFIX.length);
}

/** The request body as a JSON object; an empty body counts as `{}` (an operation with no input). */
export function parseBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid JSON.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AwsError('SerializationException', 'The request body must be a JSON object of the operation input members.');
  }
  return value as Record<string, unknown>;
}

/** Epoch seconds with milliseconds, the JSON protocols' timestamp form (e.g. 1532459261.827); null stays null (left out). */
export const epochSeconds = (d: Date | null) => d && d.getTime() / 1000;

/** Drops null and undefined members: AWS leaves out what is not set. */
export function compact<T extends Record<string, unknown>>(shape: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(shape).filter(([, v]) => v !== null && v !== undefined)) as never;
}
