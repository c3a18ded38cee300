import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * docs/benchmarks.md holds generated parts: the latency benchmark's (`pnpm bench`) first, then each part after its
 * marker: the throughput run's (`pnpm bench:throughput`), the soak run's (`pnpm bench:soak`), the migration's
 * (`pnpm bench:migrate`) and the directory sync's (`pnpm bench:directory-sync`). Each run rewrites its own part and keeps the others'.
 */
const FILE = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const MARKERS = {
  throughput: '<!-- throughput run: written by `pnpm bench:throughput` (bench/throughput.ts) -->',
  soak: '<!-- soak run: written by `pnpm bench:soak` (bench/soak.ts) -->',
  migration: '<!-- migration run: written by `pnpm bench:migrate` (bench/migrate.ts) -->',
  directory: '<!-- directory sync run: written by `pnpm bench:directory-sync` (bench/directory-sync.ts) -->',
} as const;
type Part = 'latency' | keyof typeof MARKERS;
const ORDER: Part[] = ['latency', 'throughput', 'soak', 'migration', 'directory'];

async function parts(): Promise<Map<Part, string>> {
  const text = await readFile(FILE, 'utf8').catch(() => '');
  const found = (Object.entries(MARKERS) as [Part, string][])
    .map(([part, marker]) => ({ part, at: text.indexOf(marker), marker }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at);
  const result = new Map<Part, string>([['latency', text.slice(0, found[0]?.at ?? text.length).trim()]]);
  found.forEach((m, i) => result.set(m.part, text.slice(m.at + m.marker.length, found[i + 1]?.at ?? text.length).trim()));
  return result;
}

async function writePart(part: Part, markdown: string): Promise<string> {
  const all = await parts();
  all.set(part, markdown.trim());
  const sections = ORDER.filter((p) => all.get(p)).map((p) => (p === 'latency' ? all.get(p)! : `${MARKERS[p]}\n\n${all.get(p)!}`));
  await writeFile(FILE, `${sections.join('\n\n')}\n`);
  return FILE;
}

export const writeLatencyReport = (markdown: string) => writePart('latency', markdown);
export const writeThroughputReport = (markdown: string) => writePart('throughput', markdown);
export const writeSoakReport = (markdown: string) => writePart('soak', markdown);
export const writeMigrationReport = (markdown: string) => writePart('migration', markdown);
export const writeDirectorySyncReport = (markdown: string) => writePart('directory', markdown);
