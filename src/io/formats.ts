/**
 * The file edge of src/formats: pick the format from the extension (or --from/--to), read bytes, decode, call the
 * pure reader/writer, write atomically. Streaming variants for large JSONL/TMX files.
 */
import path from 'node:path';
import { BitextError } from '../errors.js';
import { decodeBytes } from '../read/decode.js';
import type { Alignment, Diagnostic, Lang, TermBase } from '../model/types.js';
import { decodeXmlBytes } from '../formats/xml.js';
import { readTbx, writeTbx } from '../formats/tbx.js';
import { parseCsvTable, stringifyCsvTable } from '../formats/csv.js';
import { alignmentToTable, tableToAlignment } from '../formats/alignment-table.js';
import { alignmentToXlsx, termBaseToXlsx, xlsxToAlignment, xlsxToTermBase } from '../formats/xlsx.js';
import { alignIndexToAlignment, alignmentToAlignIndex, formatAlignIndex, parseAlignIndex, splitPresegmented } from '../formats/align-index.js';
import { readBytes, openByteStream, writeFileAtomic, writeFileIfChanged, fileExists } from './files.js';
import {
  parseAlignmentJsonl,
  iterateAlignmentJsonl,
  serializeAlignmentJsonl,
  serializeAlignmentJsonlChunks,
  type JsonlItem,
  type ParsedAlignment,
} from '../formats/jsonl.js';
import { parseTermBaseCsv, serializeTermBaseCsv, type ParsedTermBase } from '../formats/termbase-table.js';
import type { CsvDelimiter } from '../formats/csv.js';
import { parseTmxAlignment, iterateTmxAlignment, writeTmxStream, type TmxWriteOptions } from '../formats/tmx.js';

export type AlignmentFormat = 'jsonl' | 'tmx' | 'csv' | 'tsv' | 'xlsx' | 'align';
export type TermBaseFormat = 'csv' | 'tsv' | 'xlsx' | 'tbx';
export const ALIGNMENT_FORMATS: readonly AlignmentFormat[] = ['jsonl', 'tmx', 'csv', 'tsv', 'xlsx', 'align'];
export const TERMBASE_FORMATS: readonly TermBaseFormat[] = ['csv', 'tsv', 'xlsx', 'tbx'];

const EXT_ALIGNMENT: Record<string, AlignmentFormat> = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.tmx': 'tmx', '.csv': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.xlsx': 'xlsx', '.align': 'align' };
const EXT_TERMBASE: Record<string, TermBaseFormat> = { '.csv': 'csv', '.tsv': 'tsv', '.tab': 'tsv', '.txt': 'tsv', '.utf8': 'tsv', '.xlsx': 'xlsx', '.tbx': 'tbx', '.mtf': 'tbx', '.xml': 'tbx' };

/** Format of a file from its name (`.tsv.txt` → tsv). Undefined when unknown. */
export function alignmentFormatOf(file: string): AlignmentFormat | undefined {
  return EXT_ALIGNMENT[path.extname(file).toLowerCase()];
}

export function termBaseFormatOf(file: string): TermBaseFormat | undefined {
  return EXT_TERMBASE[path.extname(file).toLowerCase()];
}

function pickFormat<T extends string>(file: string, given: string | undefined, byExt: (f: string) => T | undefined, allowed: readonly T[], what: string): T {
  if (given) {
    const g = given.toLowerCase().replace(/^\./, '') as T;
    if (!allowed.includes(g)) {
      throw new BitextError('UNKNOWN_FORMAT', `unknown ${what} format "${given}"`, { hint: `Use one of: ${allowed.join(', ')}.` });
    }
    return g;
  }
  const f = byExt(file);
  if (!f) {
    throw new BitextError('UNKNOWN_FORMAT', `cannot tell the ${what} format from the file name`, { file, hint: `Name the file with one of the extensions ${allowed.map((a) => '.' + a).join(', ')}, or pass --from/--to.` });
  }
  return f;
}

export interface ReadAlignmentOptions {
  /** Format override (--from). */
  format?: string;
  srcLang?: Lang;
  tgtLang?: Lang;
  /** Text encoding override for text formats ('auto' by default). */
  encoding?: string;
  /** For .align: the pre-segmented source and target files (one sentence per line). Default: `<base>.<srcLang>` / `<base>.<tgtLang>` next to it. */
  srcSentences?: string;
  tgtSentences?: string;
  /** TMX: keep inline tags (`<ph/>`…) as text in the sentences instead of dropping them. */
  keepTags?: boolean;
  /** XLSX: the sheet to read (default: the first). */
  sheet?: string;
}

export interface WriteAlignmentOptions {
  format?: string;
  /** TMX creation date (default now). */
  date?: Date;
  /** CSV: UTF-8 BOM for Excel; excelSafe neutralises formulas. */
  bom?: boolean;
  excelSafe?: boolean;
  /** TMX language tags (default: regional tags of the alignment languages). */
  tmxSrcLang?: Lang;
  tmxTgtLang?: Lang;
  /** TMX: leave out rejected and one-sided links (a translation memory for a CAT tool). */
  translationsOnly?: boolean;
}

function withFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof BitextError) throw err.withFile(file);
    throw err;
  }
}

async function withFileAsync<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof BitextError) throw err.withFile(file);
    throw err;
  }
}

async function readText(file: string, encoding?: string): Promise<string> {
  const bytes = await readBytes(file);
  return decodeBytes(bytes, { file, encoding }).text;
}

/** Read an alignment from any supported file. */
export async function readAlignmentFile(file: string, options: ReadAlignmentOptions = {}): Promise<ParsedAlignment> {
  const format = pickFormat(file, options.format, alignmentFormatOf, ALIGNMENT_FORMATS, 'alignment');
  const reader = alignmentReaders[format];
  return withFileAsync(file, () => reader(file, options));
}

type AlignmentReader = (file: string, options: ReadAlignmentOptions) => Promise<ParsedAlignment>;
type AlignmentWriter = (file: string, alignment: Alignment, options: WriteAlignmentOptions) => Promise<Diagnostic[]>;

export const alignmentReaders: Record<AlignmentFormat, AlignmentReader> = {
  jsonl: async (file, o) => parseAlignmentJsonl(await readText(file, o.encoding), { file }),
  tmx: async (file, o) => {
    const bytes = await readBytes(file);
    if (bytes.length === 0) throw new BitextError('EMPTY_FILE', 'the file is empty', { file, line: 1 });
    return parseTmxAlignment(decodeXmlBytes(bytes, file), { file, srcLang: o.srcLang, tgtLang: o.tgtLang, keepTags: o.keepTags });
  },
  csv: async (file, o) => readAlignmentTable(file, o, undefined),
  tsv: async (file, o) => readAlignmentTable(file, o, '\t'),
  xlsx: async (file, o) => xlsxToAlignment(await readBytes(file), { file, srcLang: o.srcLang, tgtLang: o.tgtLang, sheet: o.sheet }),
  align: async (file, o) => {
    const beads = parseAlignIndex(await readText(file, o.encoding), { file });
    const { src, tgt } = await presegmentedPaths(file, o);
    const srcText = await readText(src, o.encoding);
    const tgtText = await readText(tgt, o.encoding);
    return alignIndexToAlignment(beads, splitPresegmented(srcText), splitPresegmented(tgtText), { file, srcLang: o.srcLang, tgtLang: o.tgtLang, srcFile: src, tgtFile: tgt });
  },
};

async function readAlignmentTable(file: string, o: ReadAlignmentOptions, delimiter: string | undefined): Promise<ParsedAlignment> {
  const t = parseCsvTable(await readText(file, o.encoding), { file, delimiter });
  return tableToAlignment(t.records, t.lines, { file, srcLang: o.srcLang, tgtLang: o.tgtLang });
}

/** The pre-segmented files of a .align file: given, or `<base>.<srcLang>` / `<base>.<tgtLang>` next to it. */
export async function presegmentedPaths(file: string, o: { srcLang?: Lang; tgtLang?: Lang; srcSentences?: string; tgtSentences?: string }): Promise<{ src: string; tgt: string }> {
  const base = file.replace(/\.align$/i, '');
  const src = o.srcSentences ?? `${base}.${o.srcLang ?? 'en'}`;
  const tgt = o.tgtSentences ?? `${base}.${o.tgtLang ?? 'zh'}`;
  for (const f of [src, tgt]) {
    if (!(await fileExists(f))) {
      throw new BitextError('FILE_NOT_FOUND', 'the pre-segmented sentence file of this .align file is missing', { file: f, hint: `A .align file needs its source and target sentence files (one sentence per line), named ${path.basename(src)} and ${path.basename(tgt)} next to it.` });
    }
  }
  return { src, tgt };
}

export const alignmentWriters: Record<AlignmentFormat, AlignmentWriter> = {
  jsonl: async (file, a) => {
    // Small files: write only when the bytes change (a re-run leaves git and mtimes alone); large ones stream.
    if (a.links.length <= 100_000) await writeFileIfChanged(file, serializeAlignmentJsonl(a));
    else await writeFileAtomic(file, serializeAlignmentJsonlChunks(a));
    return [];
  },
  tmx: async (file, a, o) => {
    const diagnostics: Diagnostic[] = [];
    await writeFileAtomic(file, writeTmxStream(a.header, a.links, tmxOptions(o), diagnostics));
    return diagnostics;
  },
  csv: async (file, a, o) => {
    await writeFileIfChanged(file, stringifyCsvTable(alignmentToTable(a), { delimiter: ',', bom: o.bom, excelSafe: o.excelSafe }));
    return [];
  },
  tsv: async (file, a, o) => {
    await writeFileIfChanged(file, stringifyCsvTable(alignmentToTable(a), { delimiter: '\t', bom: o.bom, excelSafe: o.excelSafe }));
    return [];
  },
  xlsx: async (file, a, o) => {
    await writeFileIfChanged(file, await alignmentToXlsx(a, { date: o.date }));
    return [];
  },
  align: async (file, a) => {
    const { beads, srcSentences, tgtSentences } = alignmentToAlignIndex(a);
    const { src, tgt } = { src: `${file.replace(/\.align$/i, '')}.${a.header.srcLang}`, tgt: `${file.replace(/\.align$/i, '')}.${a.header.tgtLang}` };
    await writeFileIfChanged(src, srcSentences.map((x) => x + '\n').join(''));
    await writeFileIfChanged(tgt, tgtSentences.map((x) => x + '\n').join(''));
    await writeFileIfChanged(file, formatAlignIndex(beads));
    return [{ code: 'ALIGN_SIDE_FILES', message: `sentences written to ${src} and ${tgt} (one per line); the .align file indexes them`, severity: 'info' }];
  },
};

function tmxOptions(o: WriteAlignmentOptions): TmxWriteOptions {
  return { date: o.date, srcLang: o.tmxSrcLang, tgtLang: o.tmxTgtLang, translationsOnly: o.translationsOnly };
}

/** Write an alignment atomically in the format of the file name (or options.format). Returns what could not be represented. */
export async function writeAlignmentFile(file: string, alignment: Alignment, options: WriteAlignmentOptions = {}): Promise<Diagnostic[]> {
  const format = pickFormat(file, options.format, alignmentFormatOf, ALIGNMENT_FORMATS, 'alignment');
  return alignmentWriters[format](file, alignment, options);
}

/** Stream the links of a JSONL (or TMX) alignment file in bounded memory. */
export async function* streamAlignmentFile(file: string, options: { format?: string; srcLang?: Lang; tgtLang?: Lang; diagnostics?: Diagnostic[] } = {}): AsyncGenerator<JsonlItem> {
  const format = pickFormat(file, options.format, alignmentFormatOf, ALIGNMENT_FORMATS, 'alignment');
  if (format === 'jsonl') {
    const stream = await openByteStream(file);
    try {
      yield* iterateAlignmentJsonl(stream, { file, diagnostics: options.diagnostics });
    } finally {
      stream.destroy();
    }
    return;
  }
  const streamer = alignmentStreamers[format];
  if (streamer) {
    yield* streamer(file, options);
    return;
  }
  const { alignment, lines } = await readAlignmentFile(file, options);
  yield { type: 'header', header: alignment.header, line: 1 };
  for (let i = 0; i < alignment.links.length; i++) yield { type: 'link', link: alignment.links[i], line: lines[i] };
}

export const alignmentStreamers: Partial<Record<AlignmentFormat, (file: string, options: { srcLang?: Lang; tgtLang?: Lang; diagnostics?: Diagnostic[] }) => AsyncGenerator<JsonlItem>>> = {
  tmx: async function* (file, o) {
    const stream = await openByteStream(file);
    try {
      yield* iterateTmxAlignment(stream, { file, srcLang: o.srcLang, tgtLang: o.tgtLang, diagnostics: o.diagnostics });
    } finally {
      stream.destroy();
    }
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Term bases

export interface ReadTermBaseOptions {
  format?: string;
  /** XLSX: the sheet to read (default: the first). */
  sheet?: string;
  srcLang?: Lang;
  tgtLang?: Lang;
  encoding?: string;
  delimiter?: string;
}

export interface WriteTermBaseOptions {
  format?: string;
  bom?: boolean;
  excelSafe?: boolean;
  delimiter?: CsvDelimiter;
}

type TermBaseReader = (file: string, options: ReadTermBaseOptions) => Promise<ParsedTermBase>;
type TermBaseWriter = (file: string, termBase: TermBase, options: WriteTermBaseOptions) => Promise<Diagnostic[]>;

export const termBaseReaders: Record<TermBaseFormat, TermBaseReader> = {
  csv: async (file, o) => parseTermBaseCsv(await readText(file, o.encoding), { file, delimiter: o.delimiter, srcLang: o.srcLang, tgtLang: o.tgtLang }),
  tsv: async (file, o) => parseTermBaseCsv(await readText(file, o.encoding), { file, delimiter: o.delimiter, srcLang: o.srcLang, tgtLang: o.tgtLang }),
  xlsx: async (file, o) => xlsxToTermBase(await readBytes(file), { file, srcLang: o.srcLang, tgtLang: o.tgtLang, sheet: o.sheet }),
  tbx: async (file) => {
    const bytes = await readBytes(file);
    if (bytes.length === 0) throw new BitextError('EMPTY_FILE', 'the file is empty', { file, line: 1 });
    return readTbx(decodeXmlBytes(bytes, file), { file });
  },
};

export const termBaseWriters: Record<TermBaseFormat, TermBaseWriter> = {
  csv: async (file, tb, o) => {
    await writeFileIfChanged(file, serializeTermBaseCsv(tb, { bom: o.bom, excelSafe: o.excelSafe, delimiter: o.delimiter ?? ',' }));
    return [];
  },
  tsv: async (file, tb, o) => {
    await writeFileIfChanged(file, serializeTermBaseCsv(tb, { bom: o.bom, excelSafe: o.excelSafe, delimiter: o.delimiter ?? '\t' }));
    return [];
  },
  xlsx: async (file, tb) => {
    await writeFileIfChanged(file, await termBaseToXlsx(tb));
    return [];
  },
  tbx: async (file, tb) => {
    const diagnostics: Diagnostic[] = [];
    await writeFileIfChanged(file, writeTbx(tb, { diagnostics }));
    return diagnostics;
  },
};

/** Read a term base (.csv/.tsv/.txt/.xlsx/.tbx). */
export async function readTermBaseFile(file: string, options: ReadTermBaseOptions = {}): Promise<ParsedTermBase> {
  const format = pickFormat(file, options.format, termBaseFormatOf, TERMBASE_FORMATS, 'term base');
  return withFileAsync(file, () => termBaseReaders[format](file, options));
}

/** Write a term base atomically. Returns what could not be represented. */
export async function writeTermBaseFile(file: string, termBase: TermBase, options: WriteTermBaseOptions = {}): Promise<Diagnostic[]> {
  const format = pickFormat(file, options.format, termBaseFormatOf, TERMBASE_FORMATS, 'term base');
  return termBaseWriters[format](file, termBase, options);
}

export { withFile, fileExists };
