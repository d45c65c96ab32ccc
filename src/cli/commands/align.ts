/**
 * bitext align FILE [FILE2]: sentence-align a bilingual document (one file) or a document pair (two files) and write
 * the links as native JSONL (default alignments/<name>.jsonl), TMX, CSV/TSV, XLSX or .align by the extension of -o.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { BitextError } from '../../errors.js';
import type { Alignment, AlignmentHeader, Diagnostic, Lang, SegmentedSide, SourceFileInfo } from '../../model/types.js';
import { primaryLanguage } from '../../lang/tags.js';
import { fileExists, listFiles, readBytes, sha256, writeFileAtomic } from '../../io/files.js';
import { decodeBytes } from '../../read/decode.js';
import { writeAlignmentFile } from '../../io/formats.js';
import { GLOSSARY_EXTS, readGlossaryFiles, type GlossaryRead } from '../../io/glossary.js';
import { AlignThreads } from '../../io/align-parallel.js';
import { serializeAlignmentJsonl } from '../../formats/jsonl.js';
import { formatAlignIndex } from '../../formats/align-index.js';
import { segmentBilingual, segmentPair } from '../../segment/index.js';
import { align, buildLexicon, builtinLexicon, builtinReadings, linksToBeads, mergeLexicons, parseCedict, parseCedictReadings, parseWordList, termBasePairs, type Lexicon } from '../../align/index.js';
import { VERSION } from '../../version.js';
import { parseCommandArgs, type CommandSpec } from '../args.js';
import { createProgress } from '../progress.js';
import { bilingualOrder, info, usageError, warn, type CliContext, type Command } from '../context.js';

const SPEC: CommandSpec = {
  name: 'align',
  usage: 'bitext align FILE [FILE2] [options]',
  description:
    'Align the sentences of a bilingual document (one FILE, English and Chinese blocks interleaved) or of a document\n' +
    'pair (FILE = source, FILE2 = target). Links of every type (1-1, 1-2, 2-1 … 1-0, 0-1) with a confidence in [0,1].\n' +
    'Writes native JSONL to alignments/<name>.jsonl, or -o OUT (.jsonl .tmx .csv .tsv .xlsx .align; - = stdout JSONL).',
  options: {
    output: { type: 'string', short: 'o', arg: 'OUT', description: 'output file (format by extension); - for JSONL on stdout' },
    presegmented: { type: 'boolean', description: 'FILE and FILE2 hold one sentence per line: align the lines as given' },
    'src-lang': { type: 'string', arg: 'LANG', description: 'source language (default: the first text block of FILE, or detected)' },
    'tgt-lang': { type: 'string', arg: 'LANG', description: 'target language (default: detected)' },
    dict: { type: 'string', multiple: true, arg: 'FILE', description: 'extra dictionary: CC-CEDICT text or a zh,en word list (TSV/CSV); repeatable' },
    glossary: { type: 'string', arg: 'DIR', description: 'term base folder (or file) whose terms are used as a lexicon (.csv .tsv .tbx .xlsx …)', default: 'glossary' },
    'no-builtin-dict': { type: 'boolean', description: 'do not use the built-in CC-CEDICT lexicon' },
    threshold: { type: 'string', arg: 'X', description: 'links below this confidence are counted as "to review"', default: '0.5' },
    'max-sentences': { type: 'string', arg: 'N', description: 'most sentences on one side of a link (1–5)', default: '4' },
    encoding: { type: 'string', arg: 'ENC', description: 'encoding of the input files (utf-8, utf-16le, gb18030, big5…)', default: 'auto' },
    threads: { type: 'string', arg: 'N', description: 'worker threads: 1 (default) builds the Chinese side on a second core (and shares the passes of a long document on 4+ cores); 0 aligns on one thread (same links)', default: '1' },
  },
  epilog: [
    'Examples:',
    '  bitext align alignments/cyberspace-ii.md',
    '  bitext align original.en.txt translation.zh.txt -o pair.tmx',
    '  bitext align --presegmented src.zh tgt.en -o out.align',
    '  bitext align doc.md --dict cedict_ts.u8 -o - | head',
  ].join('\n'),
  minPositionals: 1,
  maxPositionals: 2,
};

function langOption(name: string, v: unknown): string | undefined {
  if (v === undefined) return undefined;
  const s = String(v).trim();
  if (!/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(s)) throw usageError(`align: --${name} must be a language tag such as zh or en (got ${s})`);
  return s;
}

function numberOption(name: string, v: unknown, lo: number, hi: number): number {
  const x = Number(v);
  if (!Number.isFinite(x) || x < lo || x > hi) throw usageError(`align: --${name} must be a number from ${lo} to ${hi} (got ${String(v)})`);
  return x;
}

function plural(n: number, w: string): string {
  return `${n} ${w}${n === 1 ? '' : 's'}`;
}

async function loadDict(absPath: string, zhOther: string, file: string): Promise<Lexicon> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(absPath);
  } catch (err) {
    throw err instanceof BitextError ? new BitextError(err.code, err.message, { file, hint: err.hint }) : err;
  }
  const text = decodeBytes(bytes, { file }).text;
  const firstLines = text.split(/\r?\n/, 50).filter((l) => l && !l.startsWith('#'));
  const isCedict = firstLines.length > 0 && firstLines.filter((l) => /^\S+\s+\S+\s+\[[^\]]*\]\s+\//.test(l)).length >= firstLines.length / 2;
  if (isCedict) {
    const lex = buildLexicon(parseCedict(text, file), { from: 'zh', to: zhOther });
    return { ...lex, readings: parseCedictReadings(text) };
  }
  const pairs = parseWordList(text);
  if (pairs.length === 0) {
    throw new BitextError('ALIGN_INPUT', 'this dictionary has no entries', { file, hint: 'Give a CC-CEDICT text file or a word list with two columns (Chinese, English) per line.' });
  }
  // orient the pairs: Chinese in the first column
  const zhFirst = pairs.filter(([a]) => /\p{Script=Han}/u.test(a)).length >= pairs.length / 2;
  return buildLexicon(zhFirst ? pairs : pairs.map(([a, b]) => [b, a] as [string, string]), { from: 'zh', to: zhOther });
}

function defaultOutput(ctx: CliContext, file: string): string {
  const base = path.basename(file).replace(/\.[^.]*$/, '') || 'alignment';
  return path.join(ctx.cwd, 'alignments', `${base}.jsonl`);
}

const command: Command = {
  name: 'align',
  summary: 'align sentences of a bilingual document or a document pair',
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const { values, positionals, helpShown } = parseCommandArgs(argv, SPEC, ctx);
    if (helpShown) return 0;
    const srcOpt = langOption('src-lang', values['src-lang']);
    const tgtOpt = langOption('tgt-lang', values['tgt-lang']);
    const threshold = numberOption('threshold', values.threshold, 0, 1);
    const maxSentences = numberOption('max-sentences', values['max-sentences'], 1, 5);
    const encoding = String(values.encoding ?? 'auto');
    const presegmented = Boolean(values.presegmented);
    const threads = Math.floor(numberOption('threads', values.threads, 0, 1));
    // started first: the worker loads the built-in lexicon while the files are read and segmented
    const pool = threads ? new AlignThreads({ builtin: !values['no-builtin-dict'] }) : undefined;
    try {
      return await alignCommand();
    } finally {
      await pool?.close();
    }
    async function alignCommand(): Promise<number> {
      const [file1, file2] = positionals;
      if (presegmented && !file2) throw usageError('align: --presegmented needs two files (source and target, one sentence per line)', 'Usage: bitext align --presegmented SRC TGT -o out.align');
      if (srcOpt && tgtOpt && primaryLanguage(srcOpt) === primaryLanguage(tgtOpt)) {
        throw new BitextError('SAME_LANGUAGE', `--src-lang and --tgt-lang are both ${srcOpt}`, { hint: 'Name two different languages (e.g. en and zh).' });
      }

      // read and segment
      const abs = (f: string) => path.resolve(ctx.cwd, f);
      const read = async (f: string): Promise<Uint8Array> => {
        try {
          return await readBytes(abs(f));
        } catch (err) {
          throw err instanceof BitextError ? new BitextError(err.code, err.message, { file: f, hint: err.hint }) : err;
        }
      };
      let src: SegmentedSide;
      let tgt: SegmentedSide;
      const diagnostics: Diagnostic[] = [];
      const sources: SourceFileInfo[] = [];
      if (!file2) {
        const bytes = await read(file1);
        sources.push({ role: 'bilingual', file: file1, sha256: sha256(bytes) });
        const text = decodeBytes(bytes, { file: file1, encoding }).text;
        let r;
        try {
          r = segmentBilingual(text, { file: file1 });
        } catch (err) {
          throw err instanceof BitextError ? err.withFile(file1) : err;
        }
        const order = bilingualOrder('align', r.order, srcOpt, tgtOpt);
        src = r.sides[order[0]];
        tgt = r.sides[order[1]];
        diagnostics.push(...r.diagnostics);
      } else {
        const [a, b] = await Promise.all([read(file1), read(file2)]);
        sources.push({ role: 'src', file: file1, sha256: sha256(a) }, { role: 'tgt', file: file2, sha256: sha256(b) });
        const r = segmentPair(
          { text: decodeBytes(a, { file: file1, encoding }).text, file: file1, lang: srcOpt },
          { text: decodeBytes(b, { file: file2, encoding }).text, file: file2, lang: tgtOpt },
          { presegmented },
        );
        src = r.src;
        tgt = r.tgt;
        diagnostics.push(...r.diagnostics);
      }
      const srcLang: Lang = src.lang;
      const tgtLang: Lang = tgt.lang;
      if (primaryLanguage(srcLang) === primaryLanguage(tgtLang)) {
        throw new BitextError('SAME_LANGUAGE', `both sides are ${srcLang}: bitext aligns a text with its translation`, { hint: 'Give one file in each language, or set --src-lang/--tgt-lang.' });
      }

      // lexicon: built-in CC-CEDICT + --dict files + the glossary
      const zh = primaryLanguage(srcLang) === 'zh' ? 'src' : primaryLanguage(tgtLang) === 'zh' ? 'tgt' : undefined;
      const other = zh === 'src' ? primaryLanguage(tgtLang) : primaryLanguage(srcLang);
      const lexicons: Lexicon[] = [];
      // with a worker, the worker matches the Chinese side with the whole lexicon: this thread needs only its readings
      const useBuiltin = !!zh && other === 'en' && !values['no-builtin-dict'];
      if (useBuiltin) lexicons.push(pool ? await builtinReadings() : await builtinLexicon());
      for (const d of (values.dict as string[] | undefined) ?? []) {
        if (!zh) throw usageError('align: --dict is a Chinese dictionary; neither side is Chinese');
        lexicons.push(await loadDict(abs(d), other, d));
      }
      const glossDir = abs(String(values.glossary));
      if (zh && (await fileExists(glossDir))) {
        // the same reader and merge as check/terms (every glossary format; concepts merged across files); a file that
        // cannot be read is skipped with a warning instead of stopping the alignment
        let files = (await stat(glossDir)).isDirectory() ? await listFiles(glossDir, GLOSSARY_EXTS) : [glossDir];
        let read: GlossaryRead | undefined;
        while (files.length) {
          try {
            read = await readGlossaryFiles(files);
            break;
          } catch (err) {
            if (!(err instanceof BitextError)) throw err;
            warn(ctx, `${err.toLine()} (glossary file skipped)`);
            const bad = err.file ? path.resolve(err.file) : undefined;
            const rest = files.filter((f) => path.resolve(f) !== bad);
            if (rest.length === files.length) break;
            files = rest;
          }
        }
        const pairs = read ? termBasePairs(read.termBase, 'zh', other) : [];
        if (pairs.length) lexicons.push(buildLexicon(pairs, { from: 'zh', to: other }));
      }
      const lexicon = mergeLexicons(...lexicons);
      pool?.setLexicon(useBuiltin, useBuiltin ? lexicons.slice(1) : lexicons);

      const progress = createProgress(ctx, 'aligning', src.sentences.length * 2);
      const alignOptions = { srcLang, tgtLang, lexicon, reviewThreshold: threshold, maxSentences, onProgress: (d: number, t: number) => progress.update(d, t) };
      const result = pool ? await pool.align(src.sentences, tgt.sentences, alignOptions) : align(src.sentences, tgt.sentences, alignOptions);
      progress.done();
      diagnostics.push(...result.diagnostics);

      const out = values.output === undefined ? defaultOutput(ctx, file1) : String(values.output);
      // Source paths are stored relative to the output file's folder (POSIX separators), so the header — and the
      // file's bytes — do not depend on where the command was run from, and a reader can find the documents again.
      const base = out === '-' ? ctx.cwd : path.dirname(abs(out));
      const header: AlignmentHeader = {
        format: 'bitext-alignment',
        version: 1,
        srcLang,
        tgtLang,
        sources: sources.map((s) => ({ ...s, file: path.relative(base, abs(s.file)).split(path.sep).join('/') })),
        tool: { name: 'bitext', version: VERSION },
      };
      const alignment: Alignment = { header, links: result.links };
      let where: string;
      if (out === '-') {
        ctx.stdout.write(serializeAlignmentJsonl(alignment));
        where = 'stdout';
      } else {
        const target = abs(out);
        if (/\.align$/i.test(target)) {
          const beads = linksToBeads(result.links, src.sentences.map((s) => s.id), tgt.sentences.map((s) => s.id));
          await writeFileAtomic(target, formatAlignIndex(beads));
        } else {
          diagnostics.push(...(await writeAlignmentFile(target, alignment)));
        }
        where = path.relative(ctx.cwd, target) || target;
      }

      for (const d of diagnostics) {
        if (d.severity === 'info') continue;
        const pos = d.file ? `${d.file}${d.line !== undefined ? `:${d.line}` : ''}: ` : '';
        warn(ctx, `${pos}${d.message} [${d.code}]`);
      }
      const order = ['1-1', '1-2', '2-1', '1-3', '3-1', '2-2', '1-4', '4-1', '2-3', '3-2', '1-0', '0-1'];
      const types = Object.entries(result.stats.byType)
        .sort((a, b) => (order.indexOf(a[0]) + 1 || 99) - (order.indexOf(b[0]) + 1 || 99) || a[0].localeCompare(b[0]))
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ');
      info(
        ctx,
        `align: ${plural(result.links.length, 'link')} (${types}) from ${src.sentences.length} ${srcLang} and ${tgt.sentences.length} ${tgtLang} sentences; ` +
          `${result.stats.belowThreshold} below confidence ${threshold} to review → ${where}`,
      );
      return 0;
    }
  },
};
export default command;
