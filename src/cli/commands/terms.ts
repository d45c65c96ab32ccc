/**
 * bitext terms list|add|import|export|extract — the term base in glossary/ (every .csv/.tsv/.xlsx/.tbx file there,
 * merged) and bilingual term extraction from aligned files.
 */
import path from 'node:path';
import { promises as fsp } from 'node:fs';
import stringWidth from 'string-width';
import { BitextError } from '../../errors.js';
import type { Concept, Diagnostic, Lang, Link, Term, TermBase, TermStatus } from '../../model/types.js';
import { primaryLanguage } from '../../lang/tags.js';
import { fileExists, listFiles, readBytes, writeFileAtomic } from '../../io/files.js';
import { readAlignmentFile, readTermBaseFile, termBaseFormatOf, writeTermBaseFile } from '../../io/formats.js';
import { readGlossaryFiles } from '../../io/glossary.js';
import { decodeBytes } from '../../read/decode.js';
import { parseCsvTable, stringifyCsvTable } from '../../formats/csv.js';
import { formatOrigin, serializeTermBaseCsv, NATIVE_TERM_COLUMNS } from '../../formats/termbase-table.js';
import { STORE_LIMIT } from '../../terms/extract.js';
import { compileTermBase, conceptIdFor, mergeTermBases, normalizeCharText, parseTermStatus, termKey, type ExtractLexicon, type TermCandidate, type TermRowLike } from '../../terms/index.js';
import { formatHelp, oneOf, parseCommandArgs, type CommandSpec } from '../args.js';
import { createProgress } from '../progress.js';
import { info, usageError, warn, type CliContext, type Command } from '../context.js';

const GLOSSARY_EXTS = ['.csv', '.tsv', '.xlsx', '.tbx'];
const STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'deprecated', 'superseded'];

const GLOSSARY_OPTION = { type: 'string', short: 'g', arg: 'DIR', description: 'term base folder (every .csv .tsv .xlsx .tbx in it is loaded)', default: 'glossary' } as const;

const MAIN_HELP = `Usage: bitext terms <list|add|import|export|extract> [options]

The term base: curated glossary files in glossary/ (one row per term: concept,lang,term,status,pos,domain,definition,
note,source), merged on loading; duplicates, conflicting statuses and one term in two concepts are reported as warnings
with file:line.

Subcommands:
  list      show the term base (filter by text, language, status; text, JSON or CSV)
  add       add a term pair to a glossary CSV (refuses a duplicate)
  import    bring a CSV/TSV/XLSX/TBX glossary from another tool into a glossary CSV
  export    write the whole term base as CSV (Excel-friendly), XLSX or TBX-Basic
  extract   propose term pairs from aligned files, ranked

Run bitext terms <subcommand> --help for its options.
`;

// ---------------------------------------------------------------------------------------------------------------
// Loading the glossary folder

export interface LoadedGlossary {
  termBase: TermBase;
  diagnostics: Diagnostic[];
  files: string[];
  /** Rows per file, for commands that need to know where a concept lives. */
  rowsByFile: Array<{ file: string; rows: TermRowLike[] }>;
}

function rel(ctx: CliContext, file: string): string {
  const r = path.relative(ctx.cwd, file);
  return r && !r.startsWith('..') ? r : file;
}

/**
 * Load and merge every term-base file of a folder (or one file). Diagnostics of the readers and of the merge are
 * returned; a missing folder is an empty term base unless `required`.
 */
export async function loadGlossary(ctx: CliContext, dirOrFile: string, required = false): Promise<LoadedGlossary> {
  const abs = path.resolve(ctx.cwd, dirOrFile);
  let files: string[] = [];
  let stat;
  try {
    stat = await fsp.stat(abs);
  } catch {
    stat = undefined;
  }
  if (!stat) {
    if (required) throw new BitextError('FILE_NOT_FOUND', 'no such term base folder or file', { file: dirOrFile, hint: 'Check --glossary.' });
  } else if (stat.isDirectory()) files = await listFiles(abs, GLOSSARY_EXTS);
  else files = [abs];
  const read = await readGlossaryFiles(files, (f) => rel(ctx, f));
  const diagnostics: Diagnostic[] = read.parsed.flatMap((p) => p.diagnostics.map((d) => ({ ...d, file: d.file ? rel(ctx, d.file) : p.file })));
  diagnostics.push(...read.mergeDiagnostics);
  const rowsByFile = read.parsed.map((p) => ({ file: p.file, rows: p.rows }));
  return { termBase: read.termBase, diagnostics, files: files.map((f) => rel(ctx, f)), rowsByFile };
}

function reportDiagnostics(ctx: CliContext, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    if (d.severity === 'info' && ctx.quiet) continue;
    const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : '';
    if (d.severity === 'info') info(ctx, `note: ${where}${d.message}`);
    else warn(ctx, `${where}${d.message} [${d.code}]`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// list

const LIST_SPEC: CommandSpec = {
  name: 'terms list',
  usage: 'bitext terms list [TEXT] [--lang L] [--status S] [--format text|json|csv] [--glossary DIR]',
  description: 'Show the concepts of the term base. TEXT keeps concepts with a term containing it (case-insensitive,\ntraditional or simplified); --lang and --status keep only those terms.',
  options: {
    glossary: GLOSSARY_OPTION,
    lang: { type: 'string', short: 'l', arg: 'LANG', description: 'only terms in this language (zh, en…)' },
    status: { type: 'string', short: 's', arg: 'STATUS', description: 'only terms with this status (preferred, admitted, deprecated, superseded)' },
    format: { type: 'string', short: 'f', arg: 'FMT', description: 'text, json or csv', default: 'text' },
  },
  epilog: 'Examples:\n  bitext terms list\n  bitext terms list 电商\n  bitext terms list --status deprecated --format csv',
  maxPositionals: 1,
};

function searchKey(s: string): string {
  return normalizeCharText(s).toLowerCase();
}

export function filterTermBase(tb: TermBase, filter: { text?: string; lang?: string; status?: TermStatus }): TermBase {
  const needle = filter.text ? searchKey(filter.text) : undefined;
  const concepts: Concept[] = [];
  for (const c of tb.concepts) {
    if (needle && !c.terms.some((t) => searchKey(t.text).includes(needle)) && !c.id.includes(needle)) continue;
    const terms = c.terms.filter((t) => (!filter.lang || primaryLanguage(t.lang) === primaryLanguage(filter.lang)) && (!filter.status || t.status === filter.status));
    if (terms.length) concepts.push({ ...c, terms });
  }
  return { concepts };
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

function listText(tb: TermBase): string {
  const lines: string[] = [];
  const idWidth = Math.min(40, Math.max(0, ...tb.concepts.map((c) => c.id.length)));
  for (const c of tb.concepts) {
    const terms = c.terms.map((t) => `${t.text}${t.status === 'preferred' ? '' : ` (${t.status})`}`);
    const byLang = new Map<string, string[]>();
    c.terms.forEach((t, i) => {
      const k = t.lang;
      byLang.set(k, [...(byLang.get(k) ?? []), terms[i]]);
    });
    const parts = [...byLang].map(([lang, ts]) => `${lang}: ${ts.join('; ')}`);
    lines.push(`${pad(c.id, idWidth)}  ${parts.join('  |  ')}${c.domain ? `  [${c.domain}]` : ''}`);
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

async function runList(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals, helpShown } = parseCommandArgs(argv, LIST_SPEC, ctx);
  if (helpShown) return 0;
  const format = oneOf('terms list', 'format', values.format, ['text', 'json', 'csv'] as const);
  const status = values.status !== undefined ? parseStatusOption('terms list', String(values.status)) : undefined;
  const g = await loadGlossary(ctx, String(values.glossary), values.glossary !== 'glossary');
  reportDiagnostics(ctx, g.diagnostics);
  const tb = filterTermBase(g.termBase, { text: positionals[0], lang: values.lang as string | undefined, status });
  if (format === 'json') ctx.stdout.write(JSON.stringify(tb.concepts, null, 2) + '\n');
  else if (format === 'csv') ctx.stdout.write(serializeTermBaseCsv(tb));
  else ctx.stdout.write(listText(tb));
  const terms = tb.concepts.reduce((n, c) => n + c.terms.length, 0);
  info(ctx, `${tb.concepts.length} concept${tb.concepts.length === 1 ? '' : 's'}, ${terms} term${terms === 1 ? '' : 's'} (from ${g.files.length} file${g.files.length === 1 ? '' : 's'} in ${values.glossary})`);
  return 0;
}

function parseStatusOption(command: string, v: string): TermStatus {
  const s = parseTermStatus(v);
  if (!s || !v.trim()) throw usageError(`${command}: --status must be one of ${STATUSES.join(', ')} (got ${v})`);
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// add

const ADD_SPEC: CommandSpec = {
  name: 'terms add',
  usage: 'bitext terms add ZH EN [--status S] [--pos P] [--note N] [--domain D] [--concept ID] [--file FILE]',
  description:
    'Add a Chinese–English term pair to a glossary CSV (appended as two rows; the rest of the file is kept as it is).\n' +
    'Refuses a term already in the term base, unless it is in the concept named by --concept (then only the new term\n' +
    'is added, as a synonym).',
  options: {
    glossary: GLOSSARY_OPTION,
    status: { type: 'string', short: 's', arg: 'STATUS', description: 'status of both terms', default: 'preferred' },
    pos: { type: 'string', arg: 'POS', description: 'part of speech (noun, verb…)' },
    note: { type: 'string', arg: 'TEXT', description: 'note on the terms' },
    domain: { type: 'string', arg: 'DOMAIN', description: 'domain of the concept' },
    definition: { type: 'string', arg: 'TEXT', description: 'definition of the concept' },
    source: { type: 'string', arg: 'WHERE', description: 'where the terms were seen, e.g. alignments/x.jsonl#12' },
    concept: { type: 'string', short: 'c', arg: 'ID', description: 'concept id (default: made from the English term)' },
    file: { type: 'string', arg: 'FILE', description: 'glossary CSV/TSV to write (default: the concept\'s file, else DIR/terms.csv)' },
    'zh-lang': { type: 'string', arg: 'LANG', description: 'language tag of the Chinese term', default: 'zh' },
    'en-lang': { type: 'string', arg: 'LANG', description: 'language tag of the English term', default: 'en' },
  },
  epilog: 'Examples:\n  bitext terms add 丝路电商 "Silk Road e-commerce" --domain "digital economy"\n  bitext terms add 一带一路 "One Belt, One Road" --status deprecated --concept belt-and-road-initiative',
  minPositionals: 2,
  maxPositionals: 2,
};

const HAN = /\p{Script=Han}/u;

async function runAdd(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals, helpShown } = parseCommandArgs(argv, ADD_SPEC, ctx);
  if (helpShown) return 0;
  let [zh, en] = positionals.map((p) => p.trim().replace(/\s+/g, ' '));
  if (!HAN.test(zh) && HAN.test(en)) [zh, en] = [en, zh];
  if (!zh || !en) throw usageError('terms add: both terms must be non-empty', `Usage: ${ADD_SPEC.usage}`);
  const status = parseStatusOption('terms add', String(values.status));
  const zhLang = String(values['zh-lang']);
  const enLang = String(values['en-lang']);
  const dir = String(values.glossary);
  const g = await loadGlossary(ctx, dir);
  const matcher = compileTermBase(g.termBase);

  let conceptId = values.concept !== undefined ? String(values.concept).trim() : '';
  if (values.concept !== undefined && !/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(conceptId)) {
    throw usageError(`terms add: --concept must be an id of letters, digits, "-", "_" or "." (got ${conceptId})`);
  }
  const existing = [
    { text: zh, lang: zhLang, hits: matcher.lookup(zh, zhLang) },
    { text: en, lang: enLang, hits: matcher.lookup(en, enLang) },
  ];
  if (!conceptId) {
    // A pair whose terms are already in one concept, or one term of which is: refuse with a pointer.
    conceptId = conceptIdFor(en);
    if (matcher.concepts.has(conceptId)) {
      let n = 2;
      while (matcher.concepts.has(`${conceptId}-${n}`)) n++;
      conceptId = `${conceptId}-${n}`;
    }
  }
  const toAdd: Array<{ text: string; lang: string }> = [];
  for (const e of existing) {
    const same = e.hits.find((h) => h.conceptId === conceptId);
    const other = e.hits.find((h) => h.conceptId !== conceptId);
    if (other) {
      const where = other.term.origin ? ` (${formatOrigin(other.term.origin)})` : '';
      throw new BitextError('TERM_DUPLICATE', `"${e.text}" is already in the term base, in concept ${other.conceptId} as "${other.term.text}" (${other.term.status})${where}`, {
        hint: `To add the other term as a synonym, pass --concept ${other.conceptId}.`,
      });
    }
    if (!same) toAdd.push(e);
  }
  if (toAdd.length === 0) {
    throw new BitextError('TERM_DUPLICATE', `both terms are already in concept ${conceptId}`, { hint: 'Nothing to add; edit the glossary file to change a status.' });
  }

  // Target file: the concept's file when it exists, else --file, else DIR/terms.csv.
  let target = values.file !== undefined ? String(values.file) : undefined;
  if (!target) {
    const home = g.rowsByFile.find((f) => f.rows.some((r) => r.concept === conceptId) && /\.(csv|tsv)$/i.test(f.file));
    target = home ? home.file : path.join(dir, 'terms.csv');
  }
  const abs = path.resolve(ctx.cwd, target);
  const fmt = termBaseFormatOf(abs);
  if (fmt !== 'csv' && fmt !== 'tsv') throw usageError(`terms add: writes CSV or TSV glossary files only (got ${target})`, 'Use --file NAME.csv, or terms import/export for other formats.');

  const fields: Record<string, string> = {
    concept: conceptId,
    status,
    pos: (values.pos as string | undefined) ?? '',
    domain: (values.domain as string | undefined) ?? '',
    definition: (values.definition as string | undefined) ?? '',
    note: (values.note as string | undefined) ?? '',
    source: (values.source as string | undefined) ?? '',
  };
  const text = (await fileExists(abs)) ? decodeBytes(await readBytes(abs), { file: target, allowEmpty: true }).text : '';
  let out: string;
  if (text.trim() === '') {
    const header = [...NATIVE_TERM_COLUMNS];
    const rows = toAdd.map((t) => header.map((h) => (h === 'lang' ? t.lang : h === 'term' ? t.text : (fields[h] ?? ''))));
    out = stringifyCsvTable([header, ...rows], { delimiter: fmt === 'tsv' ? '\t' : ',' });
  } else {
    const table = parseCsvTable(text, { file: target });
    const header = table.records[0].map((h) => h.trim().toLowerCase());
    if (!header.includes('term') || !header.includes('lang') || !header.includes('concept')) {
      throw new BitextError('GLOSSARY_INVALID', 'this file is not in the native glossary format (columns concept, lang, term…)', {
        file: target,
        line: 1,
        hint: 'Add to another file with --file, or bring this one in with bitext terms import.',
      });
    }
    const rows = toAdd.map((t) => header.map((h) => (h === 'lang' ? t.lang : h === 'term' ? t.text : (fields[h] ?? ''))));
    const bom = text.charCodeAt(0) === 0xfeff;
    const eol = /\r\n/.test(text) ? '\r\n' : '\n';
    const body = stringifyCsvTable(rows, { delimiter: table.delimiter as ',' | '\t' | ';', eol });
    out = (text.endsWith('\n') ? text : text + eol) + body;
    if (bom && out.charCodeAt(0) !== 0xfeff) out = '\ufeff' + out;
  }
  await writeFileAtomic(abs, out);
  info(ctx, `added ${toAdd.map((t) => `${t.lang} "${t.text}"`).join(' and ')} (${status}) to concept ${conceptId} in ${rel(ctx, abs)}`);
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// import

const IMPORT_SPEC: CommandSpec = {
  name: 'terms import',
  usage: 'bitext terms import FILE... [-o OUT.csv] [--src-lang L] [--tgt-lang L] [--glossary DIR] [--force]',
  description:
    'Bring glossaries from other tools (CSV/TSV/TXT wide or long tables, XLSX, TBX) into one glossary CSV in the native\n' +
    'format. Concepts whose terms are already in the term base join that concept; terms already there are skipped.\n' +
    'Reports what was merged.',
  options: {
    glossary: GLOSSARY_OPTION,
    output: { type: 'string', short: 'o', arg: 'OUT', description: 'glossary CSV to write (default: DIR/<name of the first FILE>.csv)' },
    'src-lang': { type: 'string', arg: 'LANG', description: 'language of a "source" column or of the first column of a headerless table', default: 'en' },
    'tgt-lang': { type: 'string', arg: 'LANG', description: 'language of a "target" column or of the second column', default: 'zh' },
    force: { type: 'boolean', description: 'overwrite OUT when it exists' },
  },
  epilog: 'Examples:\n  bitext terms import client-glossary.xlsx\n  bitext terms import export.tbx -o glossary/client.csv\n  bitext terms import omegat.txt --src-lang en --tgt-lang zh',
  minPositionals: 1,
};

async function runImport(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals, helpShown } = parseCommandArgs(argv, IMPORT_SPEC, ctx);
  if (helpShown) return 0;
  const dir = String(values.glossary);
  const base = path.basename(positionals[0]).replace(/(\.[^.]+)+$/, '') || 'imported';
  const out = path.resolve(ctx.cwd, values.output !== undefined ? String(values.output) : path.join(dir, `${conceptIdFor(base)}.csv`));
  if (termBaseFormatOf(out) !== 'csv' && termBaseFormatOf(out) !== 'tsv') throw usageError('terms import: OUT must be a .csv or .tsv glossary file');
  if ((await fileExists(out)) && !values.force) {
    throw new BitextError('FILE_EXISTS', 'the output glossary file exists', { file: rel(ctx, out), hint: 'Pass --force to replace it, or -o another file.' });
  }
  const g = await loadGlossary(ctx, dir);
  // Do not merge the output file with itself when replacing it.
  const existingRows = g.rowsByFile.filter((f) => path.resolve(ctx.cwd, f.file) !== out);
  const existing = mergeTermBases(existingRows).termBase;
  const matcher = compileTermBase(existing);
  const usedIds = new Set(existing.concepts.map((c) => c.id));

  const result: Concept[] = [];
  const byId = new Map<string, Concept>();
  const stats = { concepts: 0, terms: 0, newConcepts: 0, joined: 0, added: 0, skipped: 0 };
  const diagnostics: Diagnostic[] = [];
  for (const file of positionals) {
    const parsed = await readTermBaseFile(path.resolve(ctx.cwd, file), { srcLang: values['src-lang'] as string, tgtLang: values['tgt-lang'] as string });
    diagnostics.push(...parsed.diagnostics.map((d) => ({ ...d, file: file })));
    for (const c of parsed.termBase.concepts) {
      stats.concepts++;
      stats.terms += c.terms.length;
      // An existing concept sharing a term: join it.
      let target: string | undefined;
      for (const t of c.terms) {
        const hit = matcher.lookup(t.text, t.lang)[0];
        if (hit) {
          target = hit.conceptId;
          break;
        }
      }
      const joined = target !== undefined;
      if (!target) {
        const en = c.terms.find((t) => primaryLanguage(t.lang) === 'en') ?? c.terms[0];
        const readable = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/.test(c.id) && !/^(?:c|row)\d+/.test(c.id) ? c.id : conceptIdFor(en.text);
        target = readable;
        let n = 2;
        while (usedIds.has(target) && !byId.has(target)) target = `${readable}-${n++}`;
      }
      usedIds.add(target);
      let into = byId.get(target);
      if (!into) {
        into = { id: target, terms: [] };
        if (!joined) {
          if (c.domain) into.domain = c.domain;
          if (c.definition) into.definition = c.definition;
          if (c.note) into.note = c.note;
        }
        byId.set(target, into);
        result.push(into);
        if (joined) stats.joined++;
        else stats.newConcepts++;
      }
      for (const t of c.terms) {
        const known = matcher.lookup(t.text, t.lang).some((h) => h.conceptId === target);
        const key = termKey(t.text, primaryLanguage(t.lang));
        const dup = into.terms.some((x) => primaryLanguage(x.lang) === primaryLanguage(t.lang) && termKey(x.text, primaryLanguage(x.lang)) === key);
        if (known || dup) {
          stats.skipped++;
          continue;
        }
        const term: Term = { ...t };
        if (!term.origin) term.origin = { file: file };
        into.terms.push(term);
        stats.added++;
      }
    }
  }
  reportDiagnostics(ctx, diagnostics);
  const kept = result.filter((c) => c.terms.length > 0);
  if (kept.length === 0) {
    info(ctx, `nothing new: all ${stats.terms} terms of ${positionals.join(', ')} are already in the term base`);
    return 0;
  }
  await writeTermBaseFile(out, { concepts: kept }, { format: termBaseFormatOf(out) });
  info(
    ctx,
    `imported ${stats.concepts} concepts (${stats.terms} terms) from ${positionals.join(', ')}: ${stats.newConcepts} new concepts, ` +
      `${stats.joined} joined existing concepts, ${stats.added} terms added, ${stats.skipped} already there → ${rel(ctx, out)}`,
  );
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// export

const EXPORT_SPEC: CommandSpec = {
  name: 'terms export',
  usage: 'bitext terms export -o FILE [--format csv|tsv|xlsx|tbx] [--glossary DIR]',
  description:
    'Write the whole term base to one file: CSV for Excel (UTF-8 with BOM, cells starting with = + - @ neutralised),\n' +
    'TSV, XLSX, or TBX-Basic (TBX v3). The format follows the extension of FILE; - writes CSV to stdout.',
  options: {
    glossary: GLOSSARY_OPTION,
    output: { type: 'string', short: 'o', arg: 'FILE', description: 'output file (.csv .tsv .xlsx .tbx), - for stdout' },
    format: { type: 'string', short: 'f', arg: 'FMT', description: 'csv, tsv, xlsx or tbx (default: by extension)' },
    lang: { type: 'string', short: 'l', arg: 'LANG', description: 'only terms in this language' },
    status: { type: 'string', short: 's', arg: 'STATUS', description: 'only terms with this status' },
  },
  epilog: 'Examples:\n  bitext terms export -o termbase.xlsx\n  bitext terms export -o termbase.tbx\n  bitext terms export -o - > termbase.csv',
  maxPositionals: 0,
};

async function runExport(argv: string[], ctx: CliContext): Promise<number> {
  const { values, helpShown } = parseCommandArgs(argv, EXPORT_SPEC, ctx);
  if (helpShown) return 0;
  if (values.output === undefined) throw usageError('terms export: -o FILE is required', `Usage: ${EXPORT_SPEC.usage}`);
  const status = values.status !== undefined ? parseStatusOption('terms export', String(values.status)) : undefined;
  const g = await loadGlossary(ctx, String(values.glossary), values.glossary !== 'glossary');
  reportDiagnostics(ctx, g.diagnostics);
  const tb = filterTermBase(g.termBase, { lang: values.lang as string | undefined, status });
  const output = String(values.output);
  if (output === '-') {
    const fmt = values.format ? oneOf('terms export', 'format', values.format, ['csv', 'tsv'] as const) : 'csv';
    ctx.stdout.write(serializeTermBaseCsv(tb, { delimiter: fmt === 'tsv' ? '\t' : ',', excelSafe: true }));
    return 0;
  }
  const abs = path.resolve(ctx.cwd, output);
  const format = values.format ? oneOf('terms export', 'format', values.format, ['csv', 'tsv', 'xlsx', 'tbx'] as const) : termBaseFormatOf(abs);
  if (!format) throw usageError(`terms export: cannot tell the format of ${output}`, 'Name the file .csv, .tsv, .xlsx or .tbx, or pass --format.');
  const diagnostics = await writeTermBaseFile(abs, tb, { format, bom: format === 'csv', excelSafe: format === 'csv' || format === 'tsv' });
  reportDiagnostics(ctx, diagnostics);
  const terms = tb.concepts.reduce((n, c) => n + c.terms.length, 0);
  info(ctx, `exported ${tb.concepts.length} concepts, ${terms} terms → ${rel(ctx, abs)} (${format})`);
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// extract

const EXTRACT_SPEC: CommandSpec = {
  name: 'terms extract',
  usage: 'bitext terms extract ALIGNED... [-o FILE] [--top N] [--min-freq K] [--format text|json|csv]',
  description:
    'Propose Chinese–English term pairs from aligned files (JSONL, TMX, CSV/TSV, XLSX…), ranked by score, each with\n' +
    'its frequency and example links. Pairs already in the term base are marked known (*). Without -o the list goes to\n' +
    'stdout; with -o the candidates are written as a glossary file (native CSV, status admitted, the score in the note,\n' +
    'an example link as source) to review: move the rows you accept into a glossary file.',
  options: {
    output: { type: 'string', short: 'o', arg: 'FILE', description: 'write the candidates as a glossary file (.csv .tsv .xlsx .tbx)' },
    top: { type: 'string', short: 'n', arg: 'N', description: 'number of candidates (0 = all)', default: '100' },
    'min-freq': { type: 'string', arg: 'K', description: 'a pair must be found in at least K links (default 1, or 2 above 2,000 links)' },
    format: { type: 'string', short: 'f', arg: 'FMT', description: 'stdout format: text, json or csv', default: 'text' },
    glossary: GLOSSARY_OPTION,
    'include-known': { type: 'boolean', description: 'with -o, also write pairs already in the term base' },
    dict: { type: 'string', multiple: true, arg: 'FILE', description: 'extra dictionary: CC-CEDICT text or a zh,en word list; repeatable' },
    'no-builtin-dict': { type: 'boolean', description: 'do not use the built-in CC-CEDICT dictionary' },
    force: { type: 'boolean', description: 'overwrite FILE when it exists' },
    threads: { type: 'string', arg: 'N', description: 'worker threads for the first pass above 5,000 links (default: one per core, at most 2; 0 = none)' },
  },
  epilog:
    'Examples:\n  bitext terms extract alignments/cyberspace-ii.jsonl --top 40\n  bitext terms extract alignments/*.jsonl -o candidates.csv --min-freq 2\n' +
    '  bitext terms extract corpus.tmx --format json | jq .[0]',
  minPositionals: 1,
};

function intOption(command: string, name: string, v: unknown, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw usageError(`${command}: --${name} must be a whole number ≥ ${min} (got ${String(v)})`);
  return n;
}

async function loadLexicon(ctx: CliContext, values: Record<string, unknown>): Promise<ExtractLexicon | undefined> {
  const lexicons: ExtractLexicon[] = [];
  const align = await import('../../align/index.js');
  if (!values['no-builtin-dict']) lexicons.push(await align.builtinLexicon());
  for (const d of (values.dict as string[] | undefined) ?? []) {
    const file = path.resolve(ctx.cwd, d);
    const text = decodeBytes(await readBytes(file), { file: d }).text;
    const cedict = /^\S+\s+\S+\s+\[[^\]]*\]\s+\//m.test(text.slice(0, 20000));
    let pairs = cedict ? align.parseCedict(text, d) : align.parseWordList(text);
    if (pairs.length === 0) throw new BitextError('ALIGN_INPUT', 'this dictionary has no entries', { file: d, hint: 'Give a CC-CEDICT text file or a word list with two columns (Chinese, English) per line.' });
    if (!cedict && pairs.filter(([a]) => HAN.test(a)).length < pairs.length / 2) pairs = pairs.map(([a, b]) => [b, a]);
    lexicons.push(align.buildLexicon(pairs, { from: 'zh', to: 'en' }));
  }
  return align.mergeLexicons(...(lexicons as Parameters<typeof align.mergeLexicons>));
}

function candidateRows(cands: TermCandidate[], zhLang: Lang, enLang: Lang, sourceFile: (id: string) => string): TermBase {
  const used = new Set<string>();
  const concepts: Concept[] = [];
  for (const c of cands) {
    const base = c.conceptId ?? conceptIdFor(c.en);
    let id = base;
    let n = 2;
    while (used.has(id)) id = `${base}-${n++}`;
    used.add(id);
    const note = `candidate: score ${c.score.toFixed(3)}, ${c.freq} link${c.freq === 1 ? '' : 's'}${c.known ? ', already in the term base' : ''}`;
    const origin = c.examples.length ? { file: sourceFile(c.examples[0]), link: c.examples[0].replace(/^.*#/, '') } : undefined;
    const terms: Term[] = [
      { lang: zhLang, text: c.zh, status: 'admitted', note, ...(origin ? { origin } : {}) },
      { lang: enLang, text: c.en, status: 'admitted', note, ...(origin ? { origin } : {}) },
    ];
    if (c.acronym) terms.push({ lang: enLang, text: c.acronym, status: 'admitted', note: 'abbreviation', ...(origin ? { origin } : {}) });
    concepts.push({ id, terms });
  }
  return { concepts };
}

async function runExtract(argv: string[], ctx: CliContext): Promise<number> {
  const { values, positionals, helpShown } = parseCommandArgs(argv, EXTRACT_SPEC, ctx);
  if (helpShown) return 0;
  const top = intOption('terms extract', 'top', values.top, 0);
  const minFreq = values['min-freq'] !== undefined ? intOption('terms extract', 'min-freq', values['min-freq'], 1) : undefined;
  const format = oneOf('terms extract', 'format', values.format, ['text', 'json', 'csv'] as const);
  const threads = values.threads !== undefined ? intOption('terms extract', 'threads', values.threads, 0) : undefined;
  let out: string | undefined;
  if (values.output !== undefined) {
    out = path.resolve(ctx.cwd, String(values.output));
    if (!termBaseFormatOf(out)) throw usageError(`terms extract: cannot tell the format of ${values.output}`, 'Name the file .csv, .tsv, .xlsx or .tbx.');
    if ((await fileExists(out)) && !values.force) throw new BitextError('FILE_EXISTS', 'the output file exists', { file: String(values.output), hint: 'Pass --force to replace it, or -o another file.' });
  }

  // Read the aligned files; link ids get the file name when there are several files.
  const links: Link[] = [];
  let srcLang: Lang | undefined;
  let tgtLang: Lang | undefined;
  const multi = positionals.length > 1;
  const fileOfLink = new Map<string, string>();
  for (const f of positionals) {
    const parsed = await readAlignmentFile(path.resolve(ctx.cwd, f));
    reportDiagnostics(ctx, parsed.diagnostics);
    const h = parsed.alignment.header;
    if (srcLang === undefined) {
      srcLang = h.srcLang;
      tgtLang = h.tgtLang;
    } else if (primaryLanguage(h.srcLang) !== primaryLanguage(srcLang) || primaryLanguage(h.tgtLang) !== primaryLanguage(tgtLang!)) {
      throw new BitextError('ALIGN_INPUT', `this file aligns ${h.srcLang}→${h.tgtLang} but the first one ${srcLang}→${tgtLang}`, { file: f, hint: 'Extract from files of one language pair at a time.' });
    }
    for (const l of parsed.alignment.links) {
      const id = multi ? `${f}#${l.id}` : l.id;
      fileOfLink.set(id, f);
      links.push(multi ? { ...l, id } : l);
    }
  }
  const zhSide = primaryLanguage(srcLang!) === 'zh' ? 'src' : primaryLanguage(tgtLang!) === 'zh' ? 'tgt' : undefined;
  if (!zhSide) {
    throw new BitextError('ALIGN_INPUT', `term extraction needs Chinese on one side (these files are ${srcLang}→${tgtLang})`, { file: positionals[0] });
  }
  const zhLang = zhSide === 'src' ? srcLang! : tgtLang!;
  const enLang = zhSide === 'src' ? tgtLang! : srcLang!;

  // A corpus (more links than extraction keeps in memory, STORE_LIMIT): the worker threads of pass 1 start now, loading their modules while the term base and the dictionary load.
  const parallel = await import('../../io/terms-parallel.js');
  const nThreads = Math.min(threads ?? parallel.defaultExtractThreads(), 8);
  const workers = nThreads > 0 && links.length > STORE_LIMIT ? new parallel.ExtractWorkers(nThreads) : undefined;
  let cands: TermCandidate[];
  try {
    const g = await loadGlossary(ctx, String(values.glossary), values.glossary !== 'glossary');
    const lexicon = primaryLanguage(enLang) === 'en' || (values.dict as string[] | undefined)?.length ? await loadLexicon(ctx, values) : undefined;
    const progress = createProgress(ctx, 'extracting terms', links.length * 2);
    cands = await parallel.extractTermsParallel(links, { srcLang: srcLang!, tgtLang: tgtLang!, termBase: g.termBase, top, minFreq, lexicon, onProgress: (d, t) => progress.update(d, t), threads: workers ? nThreads : 0, workers });
    progress.done();
  } finally {
    await workers?.close();
  }

  if (out) {
    const kept = values['include-known'] ? cands : cands.filter((c) => !c.known);
    const diagnostics = await writeTermBaseFile(out, candidateRows(kept, zhLang, enLang, (id) => fileOfLink.get(id) ?? positionals[0]), { format: termBaseFormatOf(out) });
    reportDiagnostics(ctx, diagnostics);
    info(ctx, `${kept.length} candidate pairs → ${rel(ctx, out)}${cands.length > kept.length ? ` (${cands.length - kept.length} already in the term base left out)` : ''}`);
  }
  if (!out || values.format !== 'text') {
    if (format === 'json') ctx.stdout.write(JSON.stringify(cands, null, 2) + '\n');
    else if (format === 'csv') {
      const rows = [['rank', 'zh', 'en', 'acronym', 'score', 'freq', 'known', 'examples'], ...cands.map((c, i) => [String(i + 1), c.zh, c.en, c.acronym ?? '', c.score.toFixed(3), String(c.freq), c.known ? 'yes' : '', c.examples.join(' ')])];
      ctx.stdout.write(stringifyCsvTable(rows, { excelSafe: true }));
    } else {
      const zw = Math.min(24, Math.max(2, ...cands.map((c) => stringWidth(c.zh))));
      const ew = Math.min(48, Math.max(2, ...cands.map((c) => stringWidth(c.en + (c.acronym ? ` (${c.acronym})` : '')))));
      const lines = cands.map((c, i) => {
        const en = c.en + (c.acronym ? ` (${c.acronym})` : '');
        return `${String(i + 1).padStart(4)}  ${c.score.toFixed(3)}  ${String(c.freq).padStart(4)}  ${c.known ? '*' : ' '} ${pad(c.zh, zw)}  ${pad(en, ew)}  ${c.examples.join(', ')}`;
      });
      ctx.stdout.write(`rank  score  freq    ${pad(zhLang, zw)}  ${pad(enLang, ew)}  examples\n` + lines.join('\n') + (lines.length ? '\n' : ''));
    }
  }
  const known = cands.filter((c) => c.known).length;
  info(ctx, `${cands.length} candidate pairs from ${links.length} links${known ? `, ${known} already in the term base (*)` : ''}`);
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------

const SUBCOMMANDS: Record<string, (argv: string[], ctx: CliContext) => Promise<number>> = {
  list: runList,
  add: runAdd,
  import: runImport,
  export: runExport,
  extract: runExtract,
};

const command: Command = {
  name: 'terms',
  summary: 'term base: extract candidates, list, add, import, export',
  async run(argv, ctx) {
    const sub = argv[0];
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      if (sub === 'help' && argv[1] && SUBCOMMANDS[argv[1]]) return SUBCOMMANDS[argv[1]](['--help'], ctx);
      ctx.stdout.write(MAIN_HELP);
      return 0;
    }
    const run = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
    if (!run) throw usageError(`terms: unknown subcommand "${sub}"`, `Subcommands: ${Object.keys(SUBCOMMANDS).join(', ')}. See bitext terms --help.`);
    return run(argv.slice(1), ctx);
  },
};
export default command;

/** Help texts, for documentation generators. */
export const TERMS_HELP = { main: MAIN_HELP, list: formatHelp(LIST_SPEC), add: formatHelp(ADD_SPEC), import: formatHelp(IMPORT_SPEC), export: formatHelp(EXPORT_SPEC), extract: formatHelp(EXTRACT_SPEC) };
