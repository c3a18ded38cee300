/**
 * A failure no retry can fix (the organization is gone, a payload is malformed, the relay refuses the address).
 * Thrown by work that runs in the job queue; the worker then gives up at once instead of retrying.
 */
export class PermanentJobError extends Error {}
