import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '@mailyard/db/queries/jobs';
import type { JobRegistry } from '../../src/jobs/worker.ts';
import { runNextJob } from '../../src/jobs/worker.ts';
import { systemClock } from '../../src/platform/clock.ts';
import type { Deps } from '../../src/deps.ts';
import { createTestDeps, type TestDeps } from '../support/deps.ts';

let testDeps: TestDeps;
let deps: Deps;
beforeAll(async () => {
  testDeps = await createTestDeps();
  // The lease is about real time passing while a job runs: the system clock, not a hand-moved one.
  deps = { ...testDeps, clock: systemClock };
});
afterAll(() => testDeps.database.drop());

describe('job leases', () => {
  // Expiry (a dead worker's job taken over) is covered by organization-workflow.test.ts and test/faults.
  it('are renewed while the job runs: a job longer than its lease is not taken over by another worker', async () => {
    let runs = 0;
    const registry: JobRegistry = {
      'test.slow': {
        async run() {
          runs++;
          await new Promise((r) => setTimeout(r, 1_200));
        },
      },
    };
    await enqueueJob(deps.db, { kind: 'test.slow', payload: {}, runAt: deps.clock(), createdAt: deps.clock() });
    const leaseMs = 300;
    const first = runNextJob(deps, registry, { workerId: 'worker-a', leaseMs });

    // Well past the first lease, a second worker polls: the job is still held.
    const seen: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 250));
      seen.push(await runNextJob(deps, registry, { workerId: 'worker-b', leaseMs }));
    }
    expect(await first).toBe(true);
    expect(seen).toEqual([false, false, false, false]);
    expect(runs).toBe(1);
  });
});
