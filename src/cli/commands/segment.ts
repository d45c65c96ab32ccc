/**
 * bitext segment FILE [FILE2]: cut a bilingual document (one file), a document pair (two files) or pre-segmented
 * files (--presegmented) into sentences; print them as text (grouped by language) or JSON.
 */
import { BitextError } from '../../errors.js';
import type { Diagnostic, SegmentedSide, Sentence } from '../../model/types.js';
import { primaryLanguage } from '../../lang/tags.js';
import { readTextFile } from '../../io/files.js';
import { countSentences, segmentBilingual, segmentPair, segmentPresegmented, summarizeSegmentation } from '../../segment/index.js';
import { parseCommandArgs, oneOf, type CommandSpec } from '../args.js';
import { bilingualOrder, info, warn, usageError, type CliContext, type Command } from '../context.js';

const SPEC: CommandSpec = {
  name: 'segment',
  usage: 'bitext segment FILE [FILE2] [options]',
  description:
    'Cut documents into sentences. One FILE: a bilingual document (English and Chinese blocks interleaved, page\n' +
    'breaks repaired). Two files: one document per language (FILE = source, FILE2 = target). --presegmented: one\n' +
    'sentence per line, used as given. Sentences go to stdout, a summary to stderr.',
  options: {
    presegmented: { type: 'boolean', description: 'the files hold one sentence per line: never re-split them' },
    encoding: { type: 'string', arg: 'ENC', description: 'encoding of the input files (utf-8, utf-16le, utf-16be, gb18030, gbk, big5…)', default: 'auto' },
    format: { type: 'string', arg: 'FMT', description: 'output: text (one sentence per line, grouped by language) or json', default: 'text' },
    'src-lang': { type: 'string', arg: 'LANG', description: 'language of FILE (zh or en); detected from the script when absent' },
    'tgt-lang': { type: 'string', arg: 'LANG', description: 'language of FILE2; detected when absent' },
  },
  epilog: [
    'Examples:',
    '  bitext segment alignments/cyberspace-ii.md',
    '  bitext segment original.en.txt translation.zh.txt --format json',
    '  bitext segment en.txt zh.txt --presegmented --encoding gb18030',
  ].join('\n'),
  minPositionals: 1,
  maxPositionals: 2,
};

function checkLang(option: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const v = String(value).trim();
  if (!/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(v)) throw usageError(`segment: --${option} must be a language tag such as zh or en (got ${v})`);
  return v;
}

function sentenceJson(s: Sentence): Record<string, unknown> {
  const o: Record<string, unknown> = { id: s.id, kind: s.kind };
  if (s.headingLevel !== undefined) o.headingLevel = s.headingLevel;
  Object.assign(o, { text: s.text, start: s.start, end: s.end, line: s.line, column: s.column, block: s.block, paragraph: s.paragraph });
  return o;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function renderText(sides: SegmentedSide[]): string {
  const out: string[] = [];
  sides.forEach((side, i) => {
    if (i > 0) out.push('');
    const c = countSentences(side);
    out.push(`[${side.lang}] ${plural(c.sentences, 'sentence')}, ${plural(c.headings, 'heading')}${side.file ? ` — ${side.file}` : ''}`);
    for (const s of side.sentences) out.push(s.kind === 'heading' ? `${'#'.repeat(s.headingLevel ?? 1)} ${s.text}` : s.text);
  });
  return out.join('\n') + '\n';
}

function renderJson(sides: SegmentedSide[], diagnostics: Diagnostic[]): string {
  const doc = {
    sides: sides.map((s) => ({ lang: s.lang, file: s.file ?? null, sentences: s.sentences.map(sentenceJson) })),
    diagnostics,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

const command: Command = {
  name: 'segment',
  summary: 'cut a bilingual document, or two documents, into sentences',
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const { values, positionals, helpShown } = parseCommandArgs(argv, SPEC, ctx);
    if (helpShown) return 0;
    const format = oneOf('segment', 'format', values.format, ['text', 'json'] as const);
    const encoding = String(values.encoding ?? 'auto');
    const srcLang = checkLang('src-lang', values['src-lang']);
    const tgtLang = checkLang('tgt-lang', values['tgt-lang']);
    const presegmented = Boolean(values.presegmented);
    const [file1, file2] = positionals;

    let sides: SegmentedSide[];
    let diagnostics: Diagnostic[];
    let encodings: string[];
    if (file2 === undefined) {
      const decoded = await readTextFile(file1, { encoding });
      encodings = [decoded.encoding];
      if (presegmented) {
        const r = segmentPresegmented(decoded.text, { lang: srcLang, file: file1 });
        sides = [r.side];
        diagnostics = r.diagnostics;
      } else {
        if (srcLang && tgtLang && primaryLanguage(srcLang) === primaryLanguage(tgtLang)) {
          throw new BitextError('SAME_LANGUAGE', `--src-lang and --tgt-lang are both ${srcLang}`, { hint: 'Name two different languages (zh and en).' });
        }
        let r;
        try {
          r = segmentBilingual(decoded.text, { file: file1 });
        } catch (err) {
          throw err instanceof BitextError ? err.withFile(file1) : err;
        }
        sides = bilingualOrder('segment', r.order, srcLang, tgtLang).map((l) => r.sides[l]);
        diagnostics = r.diagnostics;
      }
    } else {
      const [a, b] = await Promise.all([readTextFile(file1, { encoding }), readTextFile(file2, { encoding })]);
      encodings = [a.encoding, b.encoding];
      const r = segmentPair({ text: a.text, file: file1, lang: srcLang }, { text: b.text, file: file2, lang: tgtLang }, { presegmented });
      sides = [r.src, r.tgt];
      diagnostics = r.diagnostics;
    }

    ctx.stdout.write(format === 'json' ? renderJson(sides, diagnostics) : renderText(sides));
    for (const d of diagnostics) {
      if (d.severity === 'info') continue;
      const where = d.file ? `${d.file}${d.line !== undefined ? `:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : ''}: ` : '';
      warn(ctx, `${where}${d.message} [${d.code}]`);
    }
    const files = [file1, file2].filter(Boolean).join(', ');
    const enc = [...new Set(encodings)].join('/');
    info(ctx, `segment: ${summarizeSegmentation(sides, presegmented ? undefined : diagnostics)} (${files}, ${enc})`);
    return 0;
  },
};
export default command;
