/** Latency samples in milliseconds and what the report reads from them. */
export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentiles: the value below which the given share of the samples fall.
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(50), p95: at(95), max: sorted.at(-1)! };
}

/** Runs `fn` `warmup` times unmeasured, then `n` times one after the other, timing each call. */
export async function measure(n: number, warmup: number, fn: (i: number) => Promise<unknown>): Promise<Stats> {
  const [whole] = await measureSplit(n, warmup, async (i) => {
    await fn(i);
    return 0;
  });
  return whole;
}

/**
 * As `measure`, for calls that say how many of their milliseconds went to something measured apart (the
 * server's hashing): the call's whole time, and its time less that part.
 */
export async function measureSplit(n: number, warmup: number, fn: (i: number) => Promise<number>): Promise<[Stats, Stats]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const whole: number[] = [];
  const rest: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const apart = await fn(i);
    whole.push(performance.now() - started);
    rest.push(whole.at(-1)! - apart);
  }
  return [stats(whole), stats(rest)];
}

/** The durations of a `Server-Timing` header (`app;dur=3.1, argon2;dur=6.8`), by name. */
export function serverTimings(header: string | null): Map<string, number> {
  const timings = new Map<string, number>();
  for (const entry of header?.split(',') ?? []) {
    const [name, ...params] = entry.trim().split(';');
    const dur = params.find((p) => p.trim().startsWith('dur='));
    if (name && dur) timings.set(name, Number(dur.trim().slice(4)));
  }
  return timings;
}

export const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

/**
 * Times each of `calls` in turn, call after call, `n` times: all of them meet the same load on a shared machine, so
 * their ratios mean something even when the machine is busy. The samples (milliseconds) of each, in `calls`' order.
 */
export async function timeAlternately(n: number, warmup: number, calls: (() => Promise<unknown>)[]): Promise<number[][]> {
  for (let i = 0; i < warmup; i++) for (const call of calls) await call();
  const samples = calls.map((): number[] => []);
  for (let i = 0; i < n; i++) {
    for (const [k, call] of calls.entries()) {
      const started = performance.now();
      await call();
      samples[k]!.push(performance.now() - started);
    }
  }
  return samples;
}
