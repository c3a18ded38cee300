import type { Database } from '@mailyard/db';
import type { Config } from './config.ts';
import type { Clock } from './platform/clock.ts';
import type { MasterKey } from './platform/secrets.ts';

export interface Logger {
  info(msg: string, data?: object): void;
  warn(msg: string, data?: object): void;
  error(msg: string, data?: object): void;
}

/** What the composition root hands to routers, services and jobs. Tests build the same with a test database. */
export interface Deps {
  db: Database;
  config: Config;
  clock: Clock;
  masterKey: MasterKey;
  log: Logger;
}

export const consoleLogger: Logger = {
  info: (msg, data) => console.log(msg, data ?? ''),
  warn: (msg, data) => console.warn(msg, data ?? ''),
  error: (msg, data) => console.error(msg, data ?? ''),
};
