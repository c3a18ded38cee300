import { inspect } from 'node:util';
import { EmbeddedDatabaseError, isDatabaseUnavailable } from '@mailyard/db';
import { ConfigError, type Config } from '../config.ts';

export interface StartContext {
  /** What the start was doing, as "… failed" completes it: `applying the database migrations`. */
  step: string;
  config: Pick<Config, 'DATABASE_URL' | 'HOST' | 'PORT'> | null;
}

interface Explanation {
  what: string;
  todo: string;
  /** The whole error, for a failure nobody foresaw (a bug report needs its stack). */
  details?: string;
}

/**
 * The words of a failed start: what happened, then what to do, for the person who ran `pnpm start`. Never a bare
 * `undefined`: an error nobody foresaw is named by its step and shown whole.
 */
export function explainStartFailure(error: unknown, context: StartContext): string {
  const { what, todo, details } = explain(error, context);
  return `Mailyard could not start: ${what}\nWhat to do: ${todo}${details ? `\n\n${details}` : ''}`;
}

function explain(error: unknown, { step, config }: StartContext): Explanation {
  if (error instanceof ConfigError) return { what: error.message, todo: 'Correct the variables named above and start again.' };
  if (error instanceof EmbeddedDatabaseError) return { what: error.message, todo: error.hint };
  const code = (error as { code?: unknown } | null)?.code;
  if ((error as NodeJS.ErrnoException | null)?.syscall === 'listen' && config) return listenFailure(String(code), config);
  const database = config?.DATABASE_URL ? `PostgreSQL at ${whereIs(config.DATABASE_URL)} (DATABASE_URL)` : 'the embedded PostgreSQL';
  if (code === '28P01' || code === '28000') {
    return { what: `${database} refused the user name or password`, todo: 'Correct the credentials in DATABASE_URL and start again.' };
  }
  if (code === '3D000') return { what: `${database} has no such database: ${describe(error)}`, todo: 'Create it (createdb) or correct DATABASE_URL.' };
  if (isDatabaseUnavailable(error)) {
    return {
      what: `${database} could not be reached while ${step}: ${describe(error)}`,
      todo: config?.DATABASE_URL
        ? 'Check that PostgreSQL is running and that DATABASE_URL names it (host, port), then start again.'
        : 'Start again; if it fails the same way, the embedded PostgreSQL stopped by itself: its messages are in the output above.',
    };
  }
  return {
    what: `${step} failed: ${describe(error)}`,
    todo: 'This was not expected: start again, and if it fails the same way, report it with the details below.',
    details: error instanceof Error ? (error.stack ?? String(error)) : inspect(error),
  };
}

function listenFailure(code: string, { HOST, PORT }: Pick<Config, 'HOST' | 'PORT'>): Explanation {
  const at = `${HOST}:${PORT}`;
  switch (code) {
    case 'EADDRINUSE':
      return { what: `${at} is already in use`, todo: 'Stop the program listening there (another Mailyard?), or set PORT to a free port.' };
    case 'EACCES':
      return { what: `this user may not listen on ${at}`, todo: 'Set PORT to a port above 1023, or run behind a reverse proxy that listens on the low port.' };
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return { what: `${HOST} is not an address of this machine`, todo: 'Set HOST to one of its addresses (127.0.0.1, or 0.0.0.0 for all of them).' };
    default:
      return { what: `listening on ${at} failed (${code})`, todo: 'Check HOST and PORT, and start again.' };
  }
}

/** host:port/database of a connection URL, without its credentials. */
function whereIs(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (error === undefined || error === null) return `an error without any description (${String(error)})`;
  return inspect(error);
}
