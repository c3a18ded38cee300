import { randomBytes } from 'node:crypto';
import { createTestDatabase, openProbe, type Probe, type TestDatabase } from '@mailyard/db/testing';
import { ADMIN_PASSWORD, freePort, killProduct, startProduct, stopProduct, type Product, type ProductEnv } from './product.ts';

/**
 * Several processes of the built product on one database, as an operator runs replicas behind a proxy: the same
 * `DATABASE_URL` and `MAILYARD_SECRET_KEY`, a port each. Nothing is shared between them but PostgreSQL.
 */
export interface Replicas {
  readonly replicas: Product[];
  readonly probe: Probe;
  /** kill -9 of one replica (the others keep running). */
  kill(index: number): Promise<void>;
  /** The replica whose job worker holds `lockedBy` (`host:pid:random`, see the worker). */
  holderOf(lockedBy: string): number;
  /** SIGTERM to every replica still running, drop the database. */
  close(): Promise<void>;
}

export async function startReplicas(count: number, extra: ProductEnv = {}): Promise<Replicas> {
  const database: TestDatabase = await createTestDatabase();
  const shared: ProductEnv = {
    DATABASE_URL: database.url,
    MAILYARD_SECRET_KEY: randomBytes(32).toString('hex'),
    MAILYARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ...extra,
  };
  // One after the other: the first creates the first operator, the others find it (they would also wait on each
  // other's migrations, which run under an advisory lock).
  const replicas: Product[] = [];
  for (let i = 0; i < count; i++) replicas.push(await startProduct({ ...shared, PORT: String(await freePort()) }));
  const probe = openProbe(database.url);
  return {
    replicas,
    probe,
    kill: (index) => killProduct(replicas[index]!),
    holderOf(lockedBy) {
      const pid = Number(lockedBy.split(':')[1]);
      const index = replicas.findIndex((r) => r.pid === pid);
      if (index < 0) throw new Error(`no replica has the pid of the worker ${lockedBy}`);
      return index;
    },
    async close() {
      await Promise.all(replicas.map((r) => stopProduct(r)));
      await probe.close();
      await database.drop();
    },
  };
}
