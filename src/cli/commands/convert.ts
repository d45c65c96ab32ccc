/**
 * bitext convert IN OUT: alignment ↔ alignment formats (JSONL, TMX, CSV/TSV, XLSX, .align) and term base ↔ term base
 * formats (CSV/TSV, XLSX, TBX). Formats come from the extensions, --from/--to override. JSONL ↔ TMX is streamed
 * (bounded memory for million-link files). What the target format cannot hold is reported as warnings.
 */
import path from 'node:path';
import { BitextError } from '../../errors.js';
import type { Alignment, Diagnostic, Link } from '../../model/types.js';
import { parseCommandArgs, type CommandSpec } from '../args.js';
import { info, usageError, warn, type CliContext, type Command } from '../context.js';
import { createProgress } from '../progress.js';
import {
  ALIGNMENT_FORMATS,
  TERMBASE_FORMATS,
  alignmentFormatOf,
  readAlignmentFile,
  readTermBaseFile,
  streamAlignmentFile,
  termBaseFormatOf,
  writeAlignmentFile,
  writeTermBaseFile,
  type AlignmentFormat,
  type TermBaseFormat,
} from '../../io/formats.js';
import { readBytes, readTextFile, writeFileAtomic } from '../../io/files.js';
import { readXlsx } from '../../formats/xlsx.js';
import { serializeAlignmentJsonl, serializeHeaderJsonl, serializeLinkJsonl } from '../../formats/jsonl.js';
import { writeTmx, writeTmxStream } from '../../formats/tmx.js';
import { stringifyCsvTable } from '../../formats/csv.js';
import { alignmentToTable } from '../../formats/alignment-table.js';
import { alignmentToAlignIndex, formatAlignIndex } from '../../formats/align-index.js';
import { serializeTermBaseCsv } from '../../formats/termbase-table.js';
import { writeTbx } from '../../formats/tbx.js';
import { parseCsvTable } from '../../formats/csv.js';

const spec: CommandSpec = {
  name: 'convert',
  usage: 'bitext convert IN OUT [--from FORMAT] [--to FORMAT] [--src-lang L] [--tgt-lang L]',
  description:
    'Convert an alignment or a term base between file formats.\n' +
    `Alignments: ${ALIGNMENT_FORMATS.join(', ')}.  Term bases: ${TERMBASE_FORMATS.join(', ')} (.txt = tab-separated; .xml = TBX or MultiTerm XML).\n` +
    'The format comes from the file extension; OUT "-" writes to stdout (give --to).',
  options: {
    from: { type: 'string', arg: 'FORMAT', description: 'format of IN (default: from its extension)' },
    to: { type: 'string', arg: 'FORMAT', description: 'format of OUT (default: from its extension)' },
    kind: { type: 'string', arg: 'KIND', description: 'alignment or termbase, when both formats could be either (CSV/TSV/XLSX)' },
    'src-lang': { type: 'string', arg: 'LANG', description: 'source language to read (TMX with several languages, tables without language headers)' },
    'tgt-lang': { type: 'string', arg: 'LANG', description: 'target language to read' },
    'tmx-src-lang': { type: 'string', arg: 'TAG', description: 'language tag written in TMX for the source (default: regional, e.g. en-US)' },
    'tmx-tgt-lang': { type: 'string', arg: 'TAG', description: 'language tag written in TMX for the target (default: e.g. zh-CN)' },
    tm: { type: 'boolean', description: 'TMX output for a translation memory: leave out rejected and one-sided links' },
    'keep-tags': { type: 'boolean', description: 'TMX input: keep inline tags (<ph/>, <bpt>…) as text instead of dropping them' },
    'src-sentences': { type: 'string', arg: 'FILE', description: '.align input: source sentences, one per line (default: IN with .<src-lang>)' },
    'tgt-sentences': { type: 'string', arg: 'FILE', description: '.align input: target sentences, one per line' },
    sheet: { type: 'string', arg: 'NAME', description: 'XLSX input: the sheet to read (default: the first)' },
    bom: { type: 'boolean', description: 'CSV/TSV output: start with a UTF-8 BOM (for Excel)' },
    'excel-safe': { type: 'boolean', description: "CSV/TSV output: prefix cells starting with = + - @ with ' (formula injection)" },
    date: { type: 'string', arg: 'ISO', description: 'creation date written in TMX (default: SOURCE_DATE_EPOCH or now)' },
  },
  epilog: [
    'Examples:',
    '  bitext convert alignments/book.jsonl book.tmx',
    '  bitext convert memoq.tmx book.jsonl --src-lang en --tgt-lang zh',
    '  bitext convert glossary/terms.csv terms.tbx',
    '  bitext convert client.xlsx glossary/client.csv --kind termbase',
    '  bitext convert alignments/book.jsonl - --to tsv | less',
  ].join('\n'),
  minPositionals: 2,
  maxPositionals: 2,
};

const ONLY_ALIGNMENT = new Set(['jsonl', 'tmx', 'align']);
const ONLY_TERMBASE = new Set(['tbx']);

function normFormat(f: string | undefined): string | undefined {
  return f ? f.toLowerCase().replace(/^\./, '') : undefined;
}

function reportDiagnostics(ctx: CliContext, diagnostics: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : '';
    const line = `${where}${d.message}`;
    if (seen.has(line)) continue;
    seen.add(line);
    if (d.severity === 'info') info(ctx, `note: ${line}`);
    else warn(ctx, line);
  }
}

function parseDate(value: string | undefined, env: CliContext['env']): Date | undefined {
  if (value) {
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) throw usageError(`convert: --date "${value}" is not a date`, 'Use ISO 8601, e.g. 2024-05-01T12:00:00Z.');
    return d;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return undefined;
}

/** Decide alignment vs term base for formats that can be both (csv/tsv/xlsx). */
async function sniffKind(file: string, format: string, kind: string | undefined, sheet?: string): Promise<'alignment' | 'termbase'> {
  if (kind) {
    if (kind !== 'alignment' && kind !== 'termbase') throw usageError(`convert: --kind must be alignment or termbase (got ${kind})`);
    return kind;
  }
  const isAlignmentHeader = (cells: string[]) => {
    const cols = cells.map((c) => c.trim().toLowerCase());
    return cols.includes('srcids') || cols.includes('tgtids') || cols.includes('score');
  };
  if (format === 'xlsx') {
    const t = await readXlsx(await readBytes(file), { file, sheet });
    return t.records.length && isAlignmentHeader(t.records[0]) ? 'alignment' : 'termbase';
  }
  if (format === 'csv' || format === 'tsv') {
    try {
      const text = (await readTextFile(file)).text;
      const head = parseCsvTable(text.slice(0, 64 * 1024).split('\n').slice(0, 1).join('\n'), { file, delimiter: format === 'tsv' ? '\t' : undefined });
      if (isAlignmentHeader(head.records[0] ?? [])) return 'alignment';
    } catch (err) {
      if (err instanceof BitextError && err.code !== 'CSV_MALFORMED') throw err;
    }
  }
  return 'termbase';
}

async function emit(ctx: CliContext, out: string, text: string): Promise<void> {
  if (out === '-') ctx.stdout.write(text);
  else await writeFileAtomic(out, text);
}

function alignmentText(a: Alignment, to: AlignmentFormat, o: { date?: Date; bom?: boolean; excelSafe?: boolean; tmxSrc?: string; tmxTgt?: string; translationsOnly?: boolean }, diagnostics: Diagnostic[]): string {
  switch (to) {
    case 'jsonl':
      return serializeAlignmentJsonl(a);
    case 'tmx': {
      const r = writeTmx(a, { date: o.date, srcLang: o.tmxSrc, tgtLang: o.tmxTgt, translationsOnly: o.translationsOnly });
      diagnostics.push(...r.diagnostics);
      return r.text;
    }
    case 'csv':
    case 'tsv':
      return stringifyCsvTable(alignmentToTable(a), { delimiter: to === 'csv' ? ',' : '\t', bom: o.bom, excelSafe: o.excelSafe });
    case 'align':
      diagnostics.push({ code: 'ALIGN_STDOUT', message: 'only the bead index is written to stdout; the sentence files are not', severity: 'warning' });
      return formatAlignIndex(alignmentToAlignIndex(a).beads);
    default:
      throw usageError(`convert: ${to} cannot be written to stdout`, 'Give an output file name.');
  }
}

const command: Command = {
  name: 'convert',
  summary: 'convert between JSONL, TMX, TBX, CSV/TSV, XLSX and .align files',
  async run(argv, ctx) {
    const { values, positionals, helpShown } = parseCommandArgs(argv, spec, ctx);
    if (helpShown) return 0;
    const [input, out] = positionals;
    if (input === '-') throw usageError('convert: reading from stdin is not supported', 'Give the input file name.');
    const fromGiven = normFormat(values.from as string | undefined);
    const toGiven = normFormat(values.to as string | undefined);
    if (out === '-' && !toGiven) throw usageError('convert: writing to stdout needs --to FORMAT');
    const inFormat = fromGiven ?? alignmentFormatOf(input) ?? termBaseFormatOf(input);
    const outFormat = toGiven ?? alignmentFormatOf(out) ?? termBaseFormatOf(out);
    if (!inFormat) throw new BitextError('UNKNOWN_FORMAT', 'cannot tell the input format from the file name', { file: input, hint: 'Pass --from (jsonl, tmx, csv, tsv, xlsx, align, tbx).' });
    if (!outFormat) throw new BitextError('UNKNOWN_FORMAT', 'cannot tell the output format from the file name', { file: out, hint: 'Pass --to (jsonl, tmx, csv, tsv, xlsx, align, tbx).' });
    const isAlignIn = (ALIGNMENT_FORMATS as readonly string[]).includes(inFormat);
    const isTermIn = (TERMBASE_FORMATS as readonly string[]).includes(inFormat) || inFormat === 'txt';
    const isAlignOut = (ALIGNMENT_FORMATS as readonly string[]).includes(outFormat);
    const isTermOut = (TERMBASE_FORMATS as readonly string[]).includes(outFormat) || outFormat === 'txt';
    if (!isAlignIn && !isTermIn) throw new BitextError('UNKNOWN_FORMAT', `unknown input format "${inFormat}"`, { file: input });
    if (!isAlignOut && !isTermOut) throw new BitextError('UNKNOWN_FORMAT', `unknown output format "${outFormat}"`, { file: out });

    let kind: 'alignment' | 'termbase';
    if (ONLY_ALIGNMENT.has(inFormat) || ONLY_ALIGNMENT.has(outFormat)) kind = 'alignment';
    else if (ONLY_TERMBASE.has(inFormat) || ONLY_TERMBASE.has(outFormat) || inFormat === 'txt') kind = 'termbase';
    else kind = await sniffKind(input, inFormat, values.kind as string | undefined, values.sheet as string | undefined);
    if (kind === 'alignment' && (!isAlignIn || !isAlignOut)) {
      throw usageError(`convert: cannot convert ${inFormat} to ${outFormat}: one is an alignment format, the other a term-base format`, 'Alignments: jsonl, tmx, csv, tsv, xlsx, align. Term bases: csv, tsv, xlsx, tbx.');
    }
    if (kind === 'termbase' && (!isTermIn || !isTermOut)) {
      throw usageError(`convert: cannot convert ${inFormat} to ${outFormat}: one is a term-base format, the other an alignment format`, 'Alignments: jsonl, tmx, csv, tsv, xlsx, align. Term bases: csv, tsv, xlsx, tbx.');
    }
    const srcLang = values['src-lang'] as string | undefined;
    const tgtLang = values['tgt-lang'] as string | undefined;
    const date = parseDate(values.date as string | undefined, ctx.env);
    const bom = values.bom === true;
    const excelSafe = values['excel-safe'] === true;
    const tmxSrc = values['tmx-src-lang'] as string | undefined;
    const tmxTgt = values['tmx-tgt-lang'] as string | undefined;
    const translationsOnly = values.tm === true;
    const diagnostics: Diagnostic[] = [];

    if (kind === 'termbase') {
      const inF = (inFormat === 'txt' ? 'tsv' : inFormat) as TermBaseFormat;
      const outF = (outFormat === 'txt' ? 'tsv' : outFormat) as TermBaseFormat;
      const r = await readTermBaseFile(input, { format: inF, srcLang, tgtLang, sheet: values.sheet as string | undefined });
      diagnostics.push(...r.diagnostics);
      let written: Diagnostic[] = [];
      if (out === '-') {
        if (outF === 'xlsx') throw usageError('convert: XLSX cannot be written to stdout', 'Give an output file name.');
        const text = outF === 'tbx' ? writeTbx(r.termBase, { diagnostics: written }) : serializeTermBaseCsv(r.termBase, { bom, excelSafe, delimiter: outF === 'tsv' ? '\t' : ',' });
        ctx.stdout.write(text);
      } else {
        written = await writeTermBaseFile(out, r.termBase, { format: outF, bom, excelSafe });
      }
      diagnostics.push(...written);
      reportDiagnostics(ctx, diagnostics);
      const terms = r.termBase.concepts.reduce((n, c) => n + c.terms.length, 0);
      info(ctx, `converted ${r.termBase.concepts.length} concept(s), ${terms} term(s): ${input} (${inF}) → ${out === '-' ? 'stdout' : out} (${outF})`);
      return 0;
    }

    const inF = inFormat as AlignmentFormat;
    const outF = outFormat as AlignmentFormat;
    // Streaming path: JSONL/TMX in, JSONL/TMX file out — bounded memory for very large files.
    if ((inF === 'jsonl' || inF === 'tmx') && (outF === 'jsonl' || outF === 'tmx') && out !== '-' && !values['keep-tags']) {
      const items = streamAlignmentFile(input, { format: inF, srcLang, tgtLang, diagnostics });
      const first = await items.next();
      if (first.done || first.value.type !== 'header') throw new BitextError('WRONG_FORMAT', 'the file has no alignment header', { file: input });
      const header = first.value.header;
      let count = 0;
      const progress = createProgress(ctx, `converting ${path.basename(input)}`);
      async function* links(): AsyncGenerator<Link> {
        for await (const item of items) {
          if (item.type === 'link') {
            count++;
            if (count % 1000 === 0) progress.update(count);
            yield item.link;
          }
        }
      }
      try {
        if (outF === 'jsonl') {
          const chunks = async function* (): AsyncGenerator<string> {
            yield serializeHeaderJsonl(header) + '\n';
            let buf: string[] = [];
            for await (const l of links()) {
              buf.push(serializeLinkJsonl(l));
              if (buf.length >= 1000) {
                yield buf.join('\n') + '\n';
                buf = [];
              }
            }
            if (buf.length) yield buf.join('\n') + '\n';
          };
          await writeFileAtomic(out, chunks());
        } else {
          await writeFileAtomic(out, writeTmxStream(header, links(), { date, srcLang: tmxSrc, tgtLang: tmxTgt, translationsOnly }, diagnostics));
        }
      } finally {
        progress.done();
      }
      reportDiagnostics(ctx, diagnostics);
      info(ctx, `converted ${count} link(s): ${input} (${inF}) → ${out} (${outF})`);
      return 0;
    }

    const r = await readAlignmentFile(input, {
      format: inF,
      srcLang,
      tgtLang,
      keepTags: values['keep-tags'] === true,
      sheet: values.sheet as string | undefined,
      srcSentences: values['src-sentences'] as string | undefined,
      tgtSentences: values['tgt-sentences'] as string | undefined,
    });
    diagnostics.push(...r.diagnostics);
    if (outF !== 'jsonl' && outF !== 'tmx') {
      const lost = r.alignment.links.some((l) => [...l.src, ...l.tgt].some((s) => s.start !== undefined || s.kind !== undefined));
      if (lost) diagnostics.push({ code: 'CONVERT_POSITIONS', message: `${outF} does not keep sentence positions, kinds or heading levels of the source document; the text, ids, scores and statuses are kept`, severity: 'info' });
    }
    if (out === '-') {
      if (outF === 'xlsx') throw usageError('convert: XLSX cannot be written to stdout', 'Give an output file name.');
      await emit(ctx, out, alignmentText(r.alignment, outF, { date, bom, excelSafe, tmxSrc, tmxTgt, translationsOnly }, diagnostics));
    } else {
      diagnostics.push(...(await writeAlignmentFile(out, r.alignment, { format: outF, date, bom, excelSafe, tmxSrcLang: tmxSrc, tmxTgtLang: tmxTgt, translationsOnly })));
    }
    reportDiagnostics(ctx, diagnostics);
    info(ctx, `converted ${r.alignment.links.length} link(s): ${input} (${inF}) → ${out === '-' ? 'stdout' : path.normalize(out)} (${outF})`);
    return 0;
  },
};
export default command;
