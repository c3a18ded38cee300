import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../src/cli/mailyard.ts', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * `mailyard migrate ARGS` as an operator runs it: its own process, with `env` added to the test's (credentials, the
 * token); `killWhen` sends SIGKILL once the progress on stderr matches.
 */
export function runMigrateCli(args: string[], env: Record<string, string>, killWhen?: (stderr: string) => boolean): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'migrate', ...args], { cwd: SERVER_DIR, env: { ...process.env, AWS_PROFILE: '', ...env } });
  const run: CliRun = { code: null, signal: null, stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (run.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    run.stderr += d.toString();
    if (killWhen?.(run.stderr)) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ ...run, code, signal })));
}

/** The options naming both sides: the source Mailyard's /aws as WorkMail, the target Mailyard and its organization. */
export function sidesArgs(source: { url: string; region: string; organizationId: string }, target: { url: string; organizationId: string }): string[] {
  return [
    '--endpoint-url',
    `${source.url}/aws`,
    '--region',
    source.region,
    '--organization-id',
    source.organizationId,
    '--target-url',
    target.url,
    '--target-organization-id',
    target.organizationId,
  ];
}
