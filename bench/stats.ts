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
 * Times every pair's `a` and `b` in rounds: each round calls each pair once, `a` then `b`. A pair's two calls meet
 * the same load, so their ratio means something even on a busy machine; and a passing disturbance of a shared machine
 * (a checkpoint, another process) lands on every pair alike, a few samples each, instead of on the one pair being
 * measured while it lasted, whose p95 it would decide.
 */
export async function measureRounds(n: number, warmup: number, pairs: { a: () => Promise<unknown>; b: () => Promise<unknown> }[]): Promise<[Stats, Stats][]> {
  for (let i = 0; i < warmup; i++) {
    for (const { a, b } of pairs) {
      await a();
      await b();
    }
  }
  const samples = pairs.map(() => ({ a: [] as number[], b: [] as number[] }));
  for (let i = 0; i < n; i++) {
    for (const [k, { a, b }] of pairs.entries()) {
      let started = performance.now();
      await a();
      samples[k]!.a.push(performance.now() - started);
      started = performance.now();
      await b();
      samples[k]!.b.push(performance.now() - started);
    }
  }
  return samples.map(({ a, b }) => [stats(a), stats(b)]);
}
