/**
 * The CLI entry: dispatches to commands (each loaded lazily so that `bitext --version` starts fast),
 * maps errors to exit codes: 0 ok, 1 findings (check), 2 user error (BitextError), 3 bug.
 */
import { BitextError, isBitextError } from '../errors.js';
import { VERSION } from '../version.js';
import type { CliContext, Command } from './context.js';

interface Entry {
  summary: string;
  load: () => Promise<{ default: Command }>;
}

/** Every command, in the order `--help` lists them. */
export const COMMANDS: Record<string, Entry> = {
  demo: { summary: 'run the main job on the bundled sample (what `npm start` does)', load: () => import('./commands/demo.js') },
  segment: { summary: 'cut a bilingual document, or two documents, into sentences', load: () => import('./commands/segment.js') },
  align: { summary: 'align sentences of a bilingual document or a document pair', load: () => import('./commands/align.js') },
  convert: { summary: 'convert between JSONL, TMX, TBX, CSV/TSV, XLSX and .align files', load: () => import('./commands/convert.js') },
  terms: { summary: 'term base: extract candidates, list, add, import, export', load: () => import('./commands/terms.js') },
  check: { summary: 'check translation consistency, terms, numbers, completeness (CI-ready)', load: () => import('./commands/check.js') },
  review: { summary: 'review and fix an alignment in the terminal app', load: () => import('./commands/review.js') },
};

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length)) + 2;
  const lines = [
    'bitext — sentence alignment, term base and consistency checks for Chinese–English translation',
    '',
    'Usage: bitext <command> [options]',
    '       bitext            (on a terminal: opens the app; otherwise prints this help)',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, e]) => `  ${name.padEnd(width)}${e.summary}`),
    '',
    'Options:',
    '  -h, --help      show help (also: bitext <command> --help)',
    '  -V, --version   print the version',
    '  -q, --quiet     no progress or summaries on stderr',
    '      --debug     show stack traces of errors',
    '',
    'Exit codes: 0 ok, 1 check findings at or above --fail-on, 2 usage or input error, 3 internal error.',
  ];
  return lines.join('\n') + '\n';
}

export async function runCli(ctx: CliContext): Promise<number> {
  const argv = [...ctx.argv];
  if (argv.includes('--debug')) ctx.debug = true;
  try {
    const first = argv[0];
    if (first === '--version' || first === '-V') {
      ctx.stdout.write(VERSION + '\n');
      return 0;
    }
    if (first === undefined) {
      if (ctx.stdinIsTTY && ctx.stdout.isTTY) {
        const review = await COMMANDS.review.load();
        return await review.default.run(['--home'], ctx);
      }
      ctx.stdout.write(mainHelp());
      return 0;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      if (argv[1] && COMMANDS[argv[1]]) return await runCommand(argv[1], ['--help'], ctx);
      ctx.stdout.write(mainHelp());
      return 0;
    }
    if (first.startsWith('-')) {
      const rest = argv.filter((a) => a !== '--quiet' && a !== '-q' && a !== '--debug');
      if (rest.length === 0) {
        ctx.stdout.write(mainHelp());
        return 0;
      }
      throw new BitextError('USAGE', `unknown option ${first}`, { hint: 'Run bitext --help.' });
    }
    if (!Object.prototype.hasOwnProperty.call(COMMANDS, first)) {
      throw new BitextError('USAGE', `unknown command "${first}"`, { hint: `Commands: ${Object.keys(COMMANDS).join(', ')}. Run bitext --help.` });
    }
    return await runCommand(first, argv.slice(1), ctx);
  } catch (err) {
    return reportError(err, ctx);
  }
}

async function runCommand(name: string, argv: string[], ctx: CliContext): Promise<number> {
  const mod = await COMMANDS[name].load();
  return mod.default.run(argv, ctx);
}

export function reportError(err: unknown, ctx: CliContext): number {
  if (isBitextError(err)) {
    ctx.stderr.write(`bitext: error: ${err.toLine()}\n`);
    if (ctx.debug && err.stack) ctx.stderr.write(err.stack + '\n');
    return 2;
  }
  const e = err as Error;
  ctx.stderr.write(`bitext: internal error: ${e?.message ?? String(err)} — this is a bug; please report it with the command you ran (use --debug for details)\n`);
  if (ctx.debug && e?.stack) ctx.stderr.write(e.stack + '\n');
  return 3;
}
