#!/usr/bin/env node
import { MIGRATE_HELP, parseMigrateOptions } from './migrate/options.ts';
import { terminalProgress } from './migrate/terminal-progress.ts';
import { runMigrate } from './migrate/run.ts';

const USAGE = `Usage: mailyard <command> [options]

Commands:
  migrate    bring an Amazon WorkMail organization into Mailyard (mailyard migrate --help)`;

/** The `mailyard` command line: one entry, a subcommand per task. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'migrate') {
    console.log(USAGE);
    return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
  }
  const parsed = parseMigrateOptions(rest, process.env);
  if (!parsed.ok) {
    if (parsed.help) console.log(MIGRATE_HELP);
    else console.error([...parsed.problems, '', 'See mailyard migrate --help.'].join('\n'));
    return parsed.help ? 0 : 2;
  }
  return runMigrate(parsed.options, { out: (...lines) => lines.forEach((l) => console.log(l)), progress: terminalProgress() });
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
