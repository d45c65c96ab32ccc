/**
 * Alignments as tables (CSV, TSV, XLSX): one row per link, for reviewers who work in a spreadsheet.
 * Columns: id, <srcLang>, <tgtLang>, score, status, note, srcIds, tgtIds. A side with several sentences has one
 * sentence per line inside its cell, and srcIds/tgtIds list their ids (space-separated), so reading the table back
 * gives the same links (ids, sentences, score, status, note; positions in the source documents are not kept).
 * Reading also takes tables from other tools: language columns named as for term bases (en, zh-CN, English,
 * 中文, Source/Target…), optional id/score/status/note; a table without a header is read as source, target.
 */
import { BitextError } from '../errors.js';
import { primaryLanguage } from '../lang/tags.js';
import type { Alignment, Diagnostic, Lang, Link, LinkSentence, LinkStatus } from '../model/types.js';
import { VERSION } from '../version.js';
import { ALIGNMENT_FORMAT, ALIGNMENT_VERSION, LINK_STATUSES, roundScore, type ParsedAlignment } from './jsonl.js';
import { classifyWide } from './termbase-table.js';

export const ALIGNMENT_TABLE_COLUMNS = ['id', 'source', 'target', 'score', 'status', 'note', 'srcIds', 'tgtIds'] as const;

/** Rows of the alignment table, header first. */
export function alignmentToTable(alignment: Alignment): string[][] {
  const h = alignment.header;
  const src = h.srcLang;
  const tgt = h.tgtLang === h.srcLang ? `${h.tgtLang} (target)` : h.tgtLang;
  const rows: string[][] = [['id', src, tgt, 'score', 'status', 'note', 'srcIds', 'tgtIds']];
  for (const l of alignment.links) {
    rows.push([
      l.id,
      l.src.map((s) => s.text).join('\n'),
      l.tgt.map((s) => s.text).join('\n'),
      String(roundScore(l.score)),
      l.status,
      l.note ?? '',
      l.src.map((s) => s.id).join(' '),
      l.tgt.map((s) => s.id).join(' '),
    ]);
  }
  return rows;
}

const KEY = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, '');
const ID_NAMES = new Set(['id', 'link', 'linkid', 'tuid', '#', 'no', 'no.']);
const SCORE_NAMES = new Set(['score', 'confidence', 'match', 'quality']);
const STATUS_NAMES = new Set(['status', 'state']);
const NOTE_NAMES = new Set(['note', 'notes', 'comment', 'comments', 'remark', '备注']);
const SRCIDS = new Set(['srcids', 'sourceids', 'srcsentences']);
const TGTIDS = new Set(['tgtids', 'targetids', 'tgtsentences']);

export interface AlignmentTableOptions {
  file?: string;
  srcLang?: Lang;
  tgtLang?: Lang;
}

/** Rows (header first unless headerless) → alignment. `lines` gives each record's line (CSV) or row (XLSX). */
export function tableToAlignment(records: string[][], lines: number[], options: AlignmentTableOptions = {}): ParsedAlignment {
  const file = options.file;
  const diagnostics: Diagnostic[] = [];
  if (records.length === 0) throw new BitextError('EMPTY_FILE', 'the table has no rows', { file, line: 1 });
  const header = records[0];
  const keys = header.map(KEY);
  if (keys.includes('concept') && keys.includes('lang') && keys.includes('term')) {
    throw new BitextError('WRONG_FORMAT', 'this table is a term base (concept, lang, term columns), not an alignment', { file, line: lines[0], hint: 'Use it with bitext terms or check --glossary, or convert it to .tbx.' });
  }
  const col = { id: -1, src: -1, tgt: -1, score: -1, status: -1, note: -1, srcIds: -1, tgtIds: -1 };
  let srcLang = options.srcLang;
  let tgtLang = options.tgtLang;
  header.forEach((cell, i) => {
    const k = KEY(cell);
    if (ID_NAMES.has(k) && col.id < 0) col.id = i;
    else if (SCORE_NAMES.has(k)) col.score = i;
    else if (STATUS_NAMES.has(k)) col.status = i;
    else if (NOTE_NAMES.has(k)) col.note = i;
    else if (SRCIDS.has(k)) col.srcIds = i;
    else if (TGTIDS.has(k)) col.tgtIds = i;
    else {
      const role = classifyWide(cell.replace(/\s*\(target\)$/i, ''), options.srcLang ?? 'en', options.tgtLang ?? 'zh');
      if (role.kind !== 'lang') return;
      if (col.src < 0) {
        col.src = i;
        srcLang ??= role.lang;
      } else if (col.tgt < 0) {
        col.tgt = i;
        tgtLang ??= role.lang;
      } else diagnostics.push({ code: 'TABLE_EXTRA_LANGUAGE', message: `column "${cell}" (a third language) is left out`, severity: 'warning', file, line: lines[0] });
    }
  });
  let first = 1;
  if (col.src < 0 || col.tgt < 0) {
    if (Math.max(...records.map((r) => r.length)) < 2) {
      throw new BitextError('WRONG_FORMAT', 'the table has fewer than two columns: it is not a bilingual table', { file, line: lines[0], hint: 'An alignment table needs a source and a target column.' });
    }
    diagnostics.push({ code: 'TABLE_HEADERLESS', message: 'no header naming two languages: columns read as source, target', severity: 'info', file, line: lines[0] });
    Object.assign(col, { id: -1, src: 0, tgt: 1, score: -1, status: -1, note: -1, srcIds: -1, tgtIds: -1 });
    first = 0;
  }
  const src = srcLang ?? 'en';
  const tgt = tgtLang ?? 'zh';
  const links: Link[] = [];
  const outLines: number[] = [];
  const linkIds = new Set<string>();
  const sentIds = { src: new Set<string>(), tgt: new Set<string>() };
  const counters = { src: 0, tgt: 0 };
  const side = (which: 'src' | 'tgt', cell: string, idsCell: string, lang: Lang): LinkSentence[] => {
    if (cell.trim() === '') return [];
    let texts = [cell];
    let ids = idsCell.split(/\s+/).filter(Boolean);
    if (ids.length > 1) {
      const parts = cell.split('\n');
      if (parts.length === ids.length) texts = parts;
    }
    if (ids.length !== texts.length || ids.some((id) => sentIds[which].has(id))) ids = [];
    return texts.map((text, i) => {
      let id = ids[i];
      if (!id) {
        do id = `${primaryLanguage(lang)}.${counters[which]++}`;
        while (sentIds[which].has(id));
      }
      sentIds[which].add(id);
      return { id, text };
    });
  };
  for (let r = first; r < records.length; r++) {
    const rec = records[r];
    const line = lines[r];
    const cell = (i: number) => (i >= 0 && i < rec.length ? rec[i] : '');
    const s = side('src', cell(col.src), cell(col.srcIds), src);
    const t = side('tgt', cell(col.tgt), cell(col.tgtIds), tgt);
    if (s.length === 0 && t.length === 0) continue;
    let id = cell(col.id).trim();
    if (!id || linkIds.has(id)) {
      if (id) diagnostics.push({ code: 'TABLE_DUPLICATE_ID', message: `link id "${id}" is used twice; renamed`, severity: 'warning', file, line });
      let k = links.length + 1;
      while (linkIds.has(`L${k}`)) k++;
      id = `L${k}`;
    }
    linkIds.add(id);
    const scoreCell = cell(col.score).trim();
    let score = 1;
    if (scoreCell) {
      const n = Number(scoreCell.replace('%', '')) / (scoreCell.endsWith('%') ? 100 : 1);
      if (Number.isFinite(n) && n >= 0 && n <= 1) score = n;
      else diagnostics.push({ code: 'TABLE_SCORE', message: `score "${scoreCell}" is not a number from 0 to 1; 1 is used`, severity: 'warning', file, line });
    }
    const statusCell = cell(col.status).trim().toLowerCase();
    let status: LinkStatus = col.score >= 0 ? 'auto' : 'confirmed';
    if (statusCell) {
      if (LINK_STATUSES.includes(statusCell as LinkStatus)) status = statusCell as LinkStatus;
      else diagnostics.push({ code: 'TABLE_STATUS', message: `status "${statusCell}" is not one of ${LINK_STATUSES.join(', ')}; ${status} is used`, severity: 'warning', file, line });
    }
    const link: Link = { id, src: s, tgt: t, score, status };
    const note = cell(col.note);
    if (note !== '') link.note = note;
    links.push(link);
    outLines.push(line);
  }
  return {
    alignment: { header: { format: ALIGNMENT_FORMAT, version: ALIGNMENT_VERSION, srcLang: src, tgtLang: tgt, sources: file ? [{ role: 'bilingual', file }] : [], tool: { name: 'bitext', version: VERSION } }, links },
    lines: outLines,
    diagnostics,
  };
}
