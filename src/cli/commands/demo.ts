/**
 * bitext demo (what `npm start` runs): the main job on the bundled sample, as the sequence of commands a user would
 * type — segment, align, extract terms, check — each printed before it runs, so that the demo also teaches the CLI.
 * Results: alignments/<name>.jsonl (the aligned corpus, deterministic: re-running changes no byte),
 * alignments/<name>.candidates.csv (term candidates) and alignments/<name>.check.html (the check report); the last two
 * are ignored by git.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { BitextError } from '../../errors.js';
import { COMMANDS } from '../main.js';
import { parseCommandArgs, type CommandSpec } from '../args.js';
import type { CliContext, Command, OutStream } from '../context.js';

const SPEC: CommandSpec = {
  name: 'demo',
  usage: 'bitext demo [DOCUMENT]',
  description:
    'Run the main job on a bilingual document (default: the bundled sample alignments/cyberspace-ii.md):\n' +
    'segment it, align it, extract term candidates and check the result, printing each command as it runs.',
  options: {},
  maxPositionals: 1,
};

/** The package folder (where alignments/ and glossary/ of the checkout are). */
function packageRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
}

/** A stream that collects what a command writes to stdout (to show an excerpt of long output). */
function capture(): OutStream & { text: () => string } {
  let buf = '';
  return { write: (c: string) => ((buf += c), true), isTTY: false, text: () => buf };
}

const command: Command = {
  name: 'demo',
  summary: 'run the main job on the bundled sample (what `npm start` does)',
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const args = parseCommandArgs(argv, SPEC, ctx);
    if (args.helpShown) return 0;
    const root = existsSync(path.join(ctx.cwd, 'alignments', 'cyberspace-ii.md')) ? ctx.cwd : packageRoot();
    const rel = (p: string) => path.relative(ctx.cwd, p) || '.';
    const doc = args.positionals[0] ? path.resolve(ctx.cwd, args.positionals[0]) : path.join(root, 'alignments', 'cyberspace-ii.md');
    if (!existsSync(doc)) throw new BitextError('FILE_NOT_FOUND', 'no such file', { file: rel(doc) });
    const name = path.basename(doc).replace(/\.(md|markdown|txt)$/i, '');
    const outDir = path.join(root, 'alignments');
    const jsonl = path.join(outDir, `${name}.jsonl`);
    const candidates = path.join(outDir, `${name}.candidates.csv`);
    const html = path.join(outDir, `${name}.check.html`);
    const glossary = path.join(root, 'glossary');
    const out = ctx.stderr;

    const step = async (title: string, cmd: string, cmdArgs: string[], showStdout: 'all' | 'none' | number) => {
      out.write(`\n== ${title}\n$ bitext ${cmd} ${cmdArgs.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}\n`);
      const stdout = capture();
      const sub: CliContext = { ...ctx, stdout, stdinIsTTY: false };
      const mod = await COMMANDS[cmd].load();
      const code = await mod.default.run(cmdArgs, sub);
      const text = stdout.text();
      if (showStdout === 'all') out.write(text);
      else if (typeof showStdout === 'number' && showStdout > 0 && text) {
        const lines = text.trimEnd().split('\n');
        out.write(lines.slice(0, showStdout).join('\n') + '\n' + (lines.length > showStdout ? `… (${lines.length - showStdout} more lines)\n` : ''));
      }
      return code;
    };

    out.write(`bitext demo on ${rel(doc)}\n`);
    await step('1. Cut the bilingual document into sentences (page breaks repaired)', 'segment', [rel(doc), '--format', 'text'], 0);
    await step('2. Align English and Chinese sentences', 'align', [rel(doc), '--glossary', rel(glossary), '-o', rel(jsonl)], 'none');
    await step('3. Extract bilingual term candidates', 'terms', ['extract', rel(jsonl), '--top', '40', '--force', '-o', rel(candidates)], 15);
    const checkCode = await step('4. Check the alignment against the term base', 'check', [rel(jsonl), '--glossary', rel(glossary), '--format', 'html', '-o', rel(html), '--fail-on', 'never'], 'none');
    await step('   (the same findings as text)', 'check', [rel(jsonl), '--glossary', rel(glossary), '--fail-on', 'never'], 25);

    out.write(
      [
        '',
        'Results:',
        `  ${rel(jsonl)}  the aligned corpus (one link per line; review it with: bitext review ${rel(jsonl)})`,
        `  ${rel(candidates)}  term candidates to curate into ${rel(glossary)}/`,
        `  ${rel(html)}  the check report (open it in a browser)`,
        `Export for CAT tools: bitext convert ${rel(jsonl)} ${name}.tmx`,
        '',
      ].join('\n'),
    );
    return checkCode === 2 ? 2 : 0;
  },
};
export default command;
