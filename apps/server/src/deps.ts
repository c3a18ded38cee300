import type { Database } from '@mailyard/db';
import type { Config } from './config.ts';
import type { Clock } from './platform/clock.ts';
import { loggableData } from './platform/log.ts';
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

/** Errors in `data` are logged without the SQL parameters or input they may carry (`platform/log.ts`). */
export const consoleLogger: Logger = {
  info: (msg, data) => console.log(msg, data ? loggableData(data) : ''),
  warn: (msg, data) => console.warn(msg, data ? loggableData(data) : ''),
  error: (msg, data) => console.error(msg, data ? loggableData(data) : ''),
};
