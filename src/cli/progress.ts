/**
 * A progress bar on stderr when it is a TTY and --quiet is off; a no-op otherwise (pipes, CI, tests).
 */
import type { CliContext } from './context.js';

export interface Progress {
  /** Set the done count (of `total`). Redraws at most every 100 ms. */
  update(done: number, total?: number): void;
  done(message?: string): void;
}

const NOOP: Progress = { update() {}, done() {} };

export function createProgress(ctx: CliContext, label: string, total = 0): Progress {
  if (ctx.quiet || !ctx.stderr.isTTY) return NOOP;
  let last = 0;
  let tot = total;
  const draw = (n: number) => {
    const cols = Math.max(40, Math.min(ctx.stderr.columns ?? 80, 100));
    const barWidth = cols - label.length - 20;
    const frac = tot > 0 ? Math.min(1, n / tot) : 0;
    const filled = Math.round(frac * barWidth);
    const pct = tot > 0 ? `${Math.round(frac * 100)}%`.padStart(4) : `${n}`;
    ctx.stderr.write(`\r${label} [${'█'.repeat(filled)}${' '.repeat(Math.max(0, barWidth - filled))}] ${pct}`);
  };
  return {
    update(n, t) {
      if (t !== undefined) tot = t;
      const now = Date.now();
      if (now - last < 100 && n < tot) return;
      last = now;
      draw(n);
    },
    done(message) {
      ctx.stderr.write('\r\x1b[2K' + (message ? message + '\n' : ''));
    },
  };
}
