import type { Progress } from '../../services/migration/engine/progress.ts';

const WIDTH = 30;

/**
 * The terminal's progress: on a TTY a bar redrawn in place on stderr; elsewhere (a log, a pipe, CI) a line at each
 * tenth, so a kept log shows how far a run got without thousands of lines.
 */

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let label = '';
  let total = 0;
  let started = 0;
  let lastTenth = -1;
  const line = (done: number) => {
    const ratio = total === 0 ? 1 : done / total;
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? ` ${(done / seconds).toFixed(1)}/s` : '';
    const bar = '#'.repeat(Math.round(ratio * WIDTH)).padEnd(WIDTH, '-');
    return `${label} [${bar}] ${done}/${total}${rate}`;
  };
  return {
    start(l, t) {
      label = l;
      total = t;
      started = Date.now();
      lastTenth = -1;
      this.tick(0);
    },
    tick(done) {
      if (tty) return void stream.write(`\r${line(done)}\u001b[K`);
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${line(done)}\n`);
    },
    finish() {
      if (tty) stream.write('\n');
    },
    note(text) {
      stream.write(tty ? `\r\u001b[K${text}\n` : `${text}\n`);
    },
  };
}
