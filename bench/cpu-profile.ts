import { readFile } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads a V8 CPU profile (`node --cpu-prof`) of the built server and says where its CPU time went, by part of the
 * stack: self time per sample, attributed through `dist/main.js.map` to the source file the bundled code came from.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

export interface CpuBreakdown {
  /** CPU time sampled busy (not idle), in ms. */
  busyMs: number;
  /** Busy ms per part (`superjson`, `@mailyard/db`, `server: trpc/`, `Node.js core`, `garbage collector` …). */
  parts: [string, number][];
  /** The busiest functions by self time: name, where, ms. */
  functions: [string, string, number][];
}

/** The npm package a file belongs to: its `.pnpm/<name>@<version>` store directory names it even where the package's own source map does not. */
function packageOf(file: string): string | undefined {
  const stored = /\.pnpm\/(@?[^@/]+)@/.exec(file)?.[1];
  return stored?.replace('+', '/') ?? /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(file)?.[1];
}

/** The part of the code a source file belongs to. */
function partOf(file: string): string {
  const pkg = packageOf(file);
  if (pkg) return pkg;
  if (file.startsWith('node:')) return 'Node.js core (HTTP, streams, timers)';
  const server = /apps\/server\/src\/([^/]+\/)?/.exec(file);
  if (server) return `server: ${server[1] ?? ''}`;
  const workspace = /packages\/([^/]+)\//.exec(file);
  if (workspace) return `@mailyard/${workspace[1]}`;
  return file || '(native)';
}

/**
 * `window` is when the load ran, in microseconds of the monotonic clock V8 stamps samples with (`process.hrtime`'s on
 * Linux): the start-up before it and the stop after it are left out.
 */
export async function analyseProfile(profileFile: string, bundle: string, window: [bigint, bigint]): Promise<CpuBreakdown> {
  const profile = JSON.parse(await readFile(profileFile, 'utf8')) as Profile;
  const map = new SourceMap(JSON.parse(await readFile(`${bundle}.map`, 'utf8')));
  const bundleUrl = new URL(`file://${bundle}`).href;
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= Number(window[0]) && at <= Number(window[1])) self.set(id, (self.get(id) ?? 0) + delta / 1000);
  });
  const parts = new Map<string, number>();
  const functions = new Map<string, { where: string; ms: number }>();
  let busyMs = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    busyMs += ms;
    let file = url.startsWith('file://') ? fileURLToPath(url) : url;
    let line = lineNumber + 1;
    if (url === bundleUrl) {
      const entry = map.findEntry(lineNumber, columnNumber) as { originalSource?: string; originalLine?: number };
      if (entry.originalSource) {
        file = path.resolve(path.dirname(bundle), entry.originalSource.replace(/^file:\/\//, ''));
        line = (entry.originalLine ?? 0) + 1;
      }
    }
    const part = ['(garbage collector)', '(program)'].includes(functionName) ? functionName : partOf(file);
    parts.set(part, (parts.get(part) ?? 0) + ms);
    const name = `${functionName || '(anonymous)'}`;
    const pkg = packageOf(file);
    const where = file ? `${pkg ? `${pkg}: ${file.replace(/^.*\/node_modules\//, '')}` : file.replace(/^.*\/(apps|packages)\//, '$1/')}:${line}` : '';
    const key = `${name} ${where}`;
    const f = functions.get(key) ?? { where, ms: 0 };
    f.ms += ms;
    functions.set(key, f);
  }
  return {
    busyMs,
    parts: [...parts].sort((a, b) => b[1] - a[1]),
    functions: [...functions]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 25)
      .map(([key, f]) => [key.slice(0, key.length - f.where.length - 1), f.where, f.ms]),
  };
}
