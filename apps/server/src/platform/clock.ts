/** The time source every service reads; tests pass a controllable one. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export const addMs = (d: Date, ms: number) => new Date(d.getTime() + ms);
export const DAY_MS = 24 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
