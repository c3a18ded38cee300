import type { Server } from 'node:http';
import type { FastifyHttpOptions } from 'fastify';
import type { Config } from '../config.ts';

/**
 * How long the HTTP server waits on a client, and how much it accepts, from the configuration (defaults and why in
 * docs/operations.md). Fastify leaves `requestTimeout` and `connectionTimeout` off by default: a client that sends
 * its request one byte at a time, or stops reading its answer, would then hold a socket and its buffers for ever.
 */
export function httpLimits(config: Config): Pick<FastifyHttpOptions<Server>, 'connectionTimeout' | 'requestTimeout' | 'keepAliveTimeout' | 'bodyLimit' | 'http'> {
  return {
    // Inactivity in either direction (no byte read or written): a client that stopped reading its answer, or a handler
    // silent for longer than any should be. Also bounds the wait for a request's next byte.
    connectionTimeout: config.MAILYARD_HTTP_IDLE_TIMEOUT_SECONDS * 1000,
    // The whole request, headers and body, however steadily it trickles in (slowloris).
    requestTimeout: config.MAILYARD_HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
    keepAliveTimeout: config.MAILYARD_HTTP_KEEP_ALIVE_TIMEOUT_SECONDS * 1000,
    bodyLimit: config.MAILYARD_HTTP_BODY_LIMIT_MIB * 1024 * 1024,
    http: {
      headersTimeout: config.MAILYARD_HTTP_HEADERS_TIMEOUT_SECONDS * 1000,
      // Node checks the headers and request timeouts on this interval (30 s by default), so a 10 s limit could let a
      // slow request stay 40 s; every second is a walk over the open connections, cheap next to serving them.
      connectionsCheckingInterval: 1000,
    },
  };
}
