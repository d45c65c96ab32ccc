/**
 * `bitext review ALIGNED.jsonl` — the terminal app for reviewing and fixing an alignment; `bitext` alone on a
 * terminal opens its home screen (`--home`). The Ink app (src/tui) is imported only here, only when needed, so
 * every other command starts fast.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { BitextError } from '../../errors.js';
import { readBytes } from '../../io/files.js';
import { parseCommandArgs, type CommandSpec } from '../args.js';
import { warn, type Command } from '../context.js';

const spec: CommandSpec = {
  name: 'review',
  usage: 'bitext review [ALIGNED.jsonl] [--glossary DIR] [--at N|ID]',
  description:
    'Review an alignment link by link in the terminal: confirm, reject, merge, split, move sentences across a boundary, ' +
    'mark sentences unaligned, add term pairs to the glossary. Edits are journaled until you save (ctrl-s), so a ' +
    'killed terminal loses nothing. Without a file: the home screen (alignments, term base, actions). Needs a terminal.',
  options: {
    glossary: { type: 'string', arg: 'DIR', default: 'glossary', description: 'term base folder: terms panel, new term pairs go to DIR/reviewed.csv' },
    at: { type: 'string', arg: 'N|ID', description: 'open at this link (1-based number or link id)' },
    alignments: { type: 'string', arg: 'DIR', default: 'alignments', description: 'folder the home screen lists' },
    home: { type: 'boolean', description: 'open the home screen (what `bitext` alone does on a terminal)' },
  },
  epilog: [
    'Keys: ↑↓/jk move · c confirm · x reject · m/M merge next/prev · s split · [ ] { } move a sentence across the',
    'boundary (source / target) · d unaligned · u undo · ctrl-r redo · / search · l low confidence · Tab unconfirmed ·',
    'a add term · t terms · i findings · ctrl-s save · q quit · ? all keys.',
    '',
    'Examples:',
    '  bitext review alignments/cyberspace-ii.jsonl',
    '  bitext review alignments/report.jsonl --at 120 --glossary glossary',
  ].join('\n'),
  maxPositionals: 1,
};

const command: Command = {
  name: 'review',
  summary: 'review and fix an alignment in the terminal app',
  async run(argv, ctx) {
    const parsed = parseCommandArgs(argv, spec, ctx);
    if (parsed.helpShown) return 0;
    const file = parsed.positionals[0];
    if (!ctx.stdinIsTTY || !ctx.stdout.isTTY) {
      throw new BitextError('NOT_A_TTY', 'bitext review is an interactive app and needs a terminal (stdin and stdout are not a TTY)', {
        hint: 'Run it in a terminal; for scripts use bitext check, bitext convert or bitext terms.',
      });
    }
    // React's production build: the development one checks every render and loads more code (start-up matters here).
    if (process.env.NODE_ENV === undefined) process.env.NODE_ENV = 'production';
    // Ink renders nothing until exit when it believes it runs in CI (is-in-ci reads CI / CONTINUOUS_INTEGRATION when
    // Ink is first imported). Both ends are a terminal here, so a person is looking: draw live frames regardless.
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
    const home = !file || parsed.values.home;
    // Read the file while Node loads the app (the read is I/O off the main thread, loading is CPU on it); its error,
    // if any, is thrown where the session awaits the bytes.
    let bytes: Promise<Uint8Array> | undefined;
    if (!home) {
      bytes = readBytes(path.resolve(ctx.cwd, file));
      bytes.catch(() => undefined);
    }
    const tui = await loadTui();
    const glossaryDir = parsed.values.glossary as string;
    if (home) {
      return tui.runHome({ cwd: ctx.cwd, glossaryDir, alignmentsDir: parsed.values.alignments as string, warn: (m) => warn(ctx, m) });
    }
    await tui.runReview({ file, cwd: ctx.cwd, glossaryDir, at: parsed.values.at as string | undefined, warn: (m) => warn(ctx, m), bytes });
    return 0;
  },
};
export default command;

type Tui = typeof import('../../tui/index.js');

/**
 * The app as one bundled file (dist/tui/app.js, written by src/tui/bundle.mjs at build time: Ink, React and the app
 * minified together, which Node loads several times faster than Ink's hundreds of files). Without it (tsc alone, or
 * running from src/ in tests) the modules tsc wrote, same code.
 */
async function loadTui(): Promise<Tui> {
  const bundle = new URL('../../tui/app.js', import.meta.url);
  if (bundle.protocol === 'file:' && existsSync(fileURLToPath(bundle))) return (await import(bundle.href)) as Tui;
  return import('../../tui/index.js');
}
