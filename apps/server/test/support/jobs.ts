// The job queue as tests drive it: `runDueJobs(deps, jobRegistry)` runs what is due now, in this process.
export { jobRegistry } from '../../src/jobs/registry.ts';
export { runDueJobs } from '../../src/jobs/worker.ts';
