/**
 * Term bases as tables (CSV, TSV, XLSX).
 *
 * Native long format, one row per term (what glossary/ holds, diff-friendly):
 *   concept,lang,term,status,pos,domain,definition,note,source
 * `domain` and `definition` belong to the concept and are repeated on each of its rows; `note` is the term's note;
 * `source` is where the term was seen ("file#linkId", "file:line" or "file"). A `conceptNote` column is added only
 * when some concept has a note of its own (TBX input).
 *
 * Reading also accepts the wide tables CAT tools and spreadsheets use: one row per concept with one column per
 * language, headed by a language tag (en, en-US, zh_CN), a language name (English, Chinese, 中文, 英文,
 * Chinese (Simplified), Taiwan/China…) or a role (Source/Target, Term/Translation, 原文/译文, taking
 * --src-lang/--tgt-lang), plus optional note/definition/domain/pos/status columns. A table whose first row names
 * no language is read as headerless source,target[,note] (OmegaT glossary files).
 *
 * Status when a cell gives none: the first term of a language in a concept is 'preferred', further synonyms are
 * 'admitted' (the order of a glossary row or of a TBX langSec is the order of preference).
 */
import { BitextError } from '../errors.js';
import { normalizeTag } from '../lang/tags.js';
import type { Concept, Diagnostic, Lang, Origin, Term, TermBase, TermStatus } from '../model/types.js';
import { parseCsvTable, stringifyCsvTable, type CsvDelimiter } from './csv.js';

export interface TermRow {
  concept: string;
  lang: Lang;
  text: string;
  status: TermStatus;
  pos?: string;
  domain?: string;
  definition?: string;
  note?: string;
  source?: string;
  line: number;
}

export interface ParsedTermBase {
  termBase: TermBase;
  rows: TermRow[];
  diagnostics: Diagnostic[];
}

export const TERM_STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'deprecated', 'superseded'];
export const NATIVE_TERM_COLUMNS = ['concept', 'lang', 'term', 'status', 'pos', 'domain', 'definition', 'note', 'source'] as const;

/** Status words of other tools (lower-case, spaces and underscores as '-') → TermStatus. */
const STATUS_WORDS: ReadonlyMap<string, TermStatus> = new Map(
  Object.entries({
    preferred: 'preferred', 'preferredterm-admn-sts': 'preferred', 'preferred-term': 'preferred', approved: 'preferred', standardized: 'preferred', standard: 'preferred', normative: 'preferred', 'normativeauthorization': 'preferred', 推荐: 'preferred', 首选: 'preferred', 规范: 'preferred',
    admitted: 'admitted', 'admittedterm-admn-sts': 'admitted', admissible: 'admitted', permitted: 'admitted', allowed: 'admitted', proposed: 'admitted', new: 'admitted', 'legal-term': 'admitted', 允许: 'admitted', 可用: 'admitted',
    deprecated: 'deprecated', 'deprecatedterm-admn-sts': 'deprecated', forbidden: 'deprecated', 'do-not-use': 'deprecated', 'not-recommended': 'deprecated', rejected: 'deprecated', prohibited: 'deprecated', 禁用: 'deprecated', 不推荐: 'deprecated', 弃用: 'deprecated',
    superseded: 'superseded', 'supersededterm-admn-sts': 'superseded', obsolete: 'superseded', archaic: 'superseded', outdated: 'superseded', 过时: 'superseded', 旧称: 'superseded',
  }) as Array<[string, TermStatus]>,
);

/**
 * Map a status written by any tool to TermStatus: TBX picklist values (preferredTerm-admn-sts…), TBX-Min/Core
 * words, MultiTerm/CAT words (approved, forbidden, obsolete…), Chinese labels. Undefined when not recognised.
 */
export function normalizeTermStatus(value: string | undefined): TermStatus | undefined {
  if (value === undefined) return undefined;
  // The four statuses as the native glossary writes them (nearly every row): no case folding needed.
  if (value === 'preferred' || value === 'admitted' || value === 'deprecated' || value === 'superseded') return value;
  const v = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (!v) return undefined;
  return STATUS_WORDS.get(v);
}

// ---------------------------------------------------------------------------------------------------------------
// Origins ("source" column)

export function formatOrigin(o: Origin | undefined): string {
  if (!o) return '';
  let s = o.file;
  if (o.line !== undefined) s += `:${o.line}`;
  if (o.link !== undefined) s += `#${o.link}`;
  return s;
}

export function parseOrigin(s: string): Origin | undefined {
  const t = s.trim();
  if (!t) return undefined;
  let rest = t;
  let link: string | undefined;
  const hash = rest.lastIndexOf('#');
  if (hash > 0) {
    link = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let line: number | undefined;
  const m = /^(.*):(\d+)$/.exec(rest);
  if (m && m[1]) {
    rest = m[1];
    line = Number(m[2]);
  }
  const o: Origin = { file: rest };
  if (line !== undefined) o.line = line;
  if (link !== undefined && link !== '') o.link = link;
  return o;
}

// ---------------------------------------------------------------------------------------------------------------
// Header recognition

export type ColRole =
  | { kind: 'native'; field: (typeof NATIVE_TERM_COLUMNS)[number] | 'conceptNote' }
  | { kind: 'lang'; lang: Lang }
  | { kind: 'meta'; field: 'note' | 'definition' | 'domain' | 'pos' | 'status' | 'id' }
  | { kind: 'ignore' };

const NATIVE_NAMES: Record<string, ColRole> = {
  concept: { kind: 'native', field: 'concept' },
  'concept id': { kind: 'native', field: 'concept' },
  conceptid: { kind: 'native', field: 'concept' },
  lang: { kind: 'native', field: 'lang' },
  language: { kind: 'native', field: 'lang' },
  term: { kind: 'native', field: 'term' },
  status: { kind: 'native', field: 'status' },
  pos: { kind: 'native', field: 'pos' },
  'part of speech': { kind: 'native', field: 'pos' },
  domain: { kind: 'native', field: 'domain' },
  definition: { kind: 'native', field: 'definition' },
  note: { kind: 'native', field: 'note' },
  source: { kind: 'native', field: 'source' },
  conceptnote: { kind: 'native', field: 'conceptNote' },
  'concept note': { kind: 'native', field: 'conceptNote' },
};

const META_NAMES: Record<string, 'note' | 'definition' | 'domain' | 'pos' | 'status' | 'id'> = {
  note: 'note', notes: 'note', comment: 'note', comments: 'note', remark: 'note', remarks: 'note', description: 'note', context: 'note', 备注: 'note', 注释: 'note', 说明: 'note', 註解: 'note', 備註: 'note',
  definition: 'definition', 定义: 'definition', 定義: 'definition', 释义: 'definition',
  domain: 'domain', subject: 'domain', 'subject field': 'domain', field: 'domain', category: 'domain', 领域: 'domain', 類別: 'domain', 类别: 'domain', 分类: 'domain',
  pos: 'pos', 'part of speech': 'pos', partofspeech: 'pos', 词性: 'pos', 詞性: 'pos',
  status: 'status', 状态: 'status', 狀態: 'status',
  id: 'id', 'concept id': 'id', entry: 'id', 'entry id': 'id', no: 'id', 'no.': 'id', '#': 'id', 编号: 'id', 序号: 'id',
};

const LANG_NAMES: Record<string, Lang> = {
  english: 'en', 英文: 'en', 英语: 'en', 英語: 'en', 'english (united states)': 'en-US', 'english (us)': 'en-US', 'english (united kingdom)': 'en-GB', 'english (uk)': 'en-GB', 'american english': 'en-US', 'british english': 'en-GB',
  chinese: 'zh', 中文: 'zh', 汉语: 'zh', 漢語: 'zh', 华语: 'zh', 華語: 'zh',
  'simplified chinese': 'zh-CN', 'chinese (simplified)': 'zh-CN', 'chinese simplified': 'zh-CN', 'chinese (prc)': 'zh-CN', 'chinese (china)': 'zh-CN', 简体中文: 'zh-CN', 简体: 'zh-CN', 簡體中文: 'zh-CN', china: 'zh-CN', mainland: 'zh-CN', prc: 'zh-CN', 大陆: 'zh-CN', 大陸: 'zh-CN',
  'traditional chinese': 'zh-TW', 'chinese (traditional)': 'zh-TW', 'chinese traditional': 'zh-TW', 'chinese (taiwan)': 'zh-TW', 繁體中文: 'zh-TW', 繁体中文: 'zh-TW', 繁體: 'zh-TW', 繁体: 'zh-TW', taiwan: 'zh-TW', 台湾: 'zh-TW', 台灣: 'zh-TW', 臺灣: 'zh-TW',
  'hong kong': 'zh-HK', 'chinese (hong kong)': 'zh-HK', 香港: 'zh-HK',
  german: 'de', deutsch: 'de', 德语: 'de', french: 'fr', français: 'fr', 法语: 'fr', japanese: 'ja', 日本語: 'ja', 日语: 'ja', korean: 'ko', 한국어: 'ko', 韩语: 'ko',
  spanish: 'es', español: 'es', 西班牙语: 'es', italian: 'it', 意大利语: 'it', portuguese: 'pt', 葡萄牙语: 'pt', russian: 'ru', 俄语: 'ru',
};

const SRC_NAMES = new Set(['source', 'source term', 'source language', 'src', 'term', 'original', 'source text', '原文', '源', '源语', '源语言', '原词', '术语', '術語', '词条']);
const TGT_NAMES = new Set(['target', 'target term', 'target language', 'tgt', 'translation', 'translated term', 'target text', 'equivalent', '译文', '譯文', '目标', '目标语', '目标语言', '译名', '譯名', '翻译', '翻譯', '对应词']);

/** Known primary language subtags (ISO 639-1) for recognising bare tags in headers without taking "no"/"id" words. */
const KNOWN_PRIMARY = new Set('af am ar as az be bg bn bo bs ca cs cy da de el en eo es et eu fa fi fil fr ga gl gu he hi hr hu hy id is it ja ka kk km kn ko ky lo lt lv mk ml mn mr ms mt my nb ne nl nn no or pa pl ps pt ro ru si sk sl sq sr sv sw ta te tg th tk tl tr uk ur uz vi yue zh zu'.split(' '));

function headerKey(cell: string): string {
  return cell.replace(/^\ufeff/, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** A language tag as a column header: 'en', 'en-US', 'zh_CN', 'ZH-hans-CN', 'en-US (source)'. */
function tagFromHeader(cell: string): Lang | undefined {
  const k = headerKey(cell).replace(/\s*\((source|target|src|tgt|源|目标)\)$/, '');
  const m = /^([a-z]{2,3})([-_][a-z0-9]{2,8})*$/i.exec(k);
  if (!m) return undefined;
  if (!KNOWN_PRIMARY.has(m[1].toLowerCase())) return undefined;
  return normalizeTag(k);
}

/** What a table column header names: a language (tag, name or source/target role), a metadata field, or nothing known. */
export function classifyWide(cell: string, srcLang: Lang, tgtLang: Lang): ColRole {
  const k = headerKey(cell);
  if (!k) return { kind: 'ignore' };
  if (LANG_NAMES[k]) return { kind: 'lang', lang: LANG_NAMES[k] };
  const tag = tagFromHeader(k);
  if (tag && !(k in META_NAMES)) return { kind: 'lang', lang: tag };
  if (SRC_NAMES.has(k)) return { kind: 'lang', lang: srcLang };
  if (TGT_NAMES.has(k)) return { kind: 'lang', lang: tgtLang };
  if (META_NAMES[k]) return { kind: 'meta', field: META_NAMES[k] };
  // "English term", "Chinese translation", "中文术语": a language name followed by a role word.
  const lead = /^(\S+(?: \([^)]*\))?)\s*(term|terms|translation|术语|術語|译文|名称)?$/.exec(k);
  if (lead && LANG_NAMES[lead[1]]) return { kind: 'lang', lang: LANG_NAMES[lead[1]] };
  // "Term [en]", "Translation (zh-CN)", "term_zh", "Description [en]" (Crowdin, Phrase, Lokalise exports).
  const tagged = /^(.*?)[\s_]*[[(]?\b([a-z]{2,3}(?:[-_][a-z0-9]{2,8})*)[\])]?$/i.exec(k);
  if (tagged && tagged[1] && KNOWN_PRIMARY.has(tagged[2].split(/[-_]/)[0].toLowerCase())) {
    const base = tagged[1].trim();
    const tag = normalizeTag(tagged[2]);
    if (/^(term|terms|translation|target|source|text|word|术语|译文)$/.test(base)) return { kind: 'lang', lang: tag };
    if (/^(description|definition|note|notes|comment|comments|context)$/.test(base)) return { kind: 'meta', field: base === 'definition' || base === 'description' ? 'definition' : 'note' };
    if (/^(part of speech|pos|partofspeech)$/.test(base)) return { kind: 'meta', field: 'pos' };
  }
  if (/note|comment|remark|备注|注释|说明|註解|備註/.test(k)) return { kind: 'meta', field: 'note' };
  if (/definition|定义|定義/.test(k)) return { kind: 'meta', field: 'definition' };
  for (const [name, lang] of Object.entries(LANG_NAMES)) {
    if (/^[\p{Script=Han}]+$/u.test(name) ? k.startsWith(name) : k.split(/[^\p{L}]+/u).includes(name)) return { kind: 'lang', lang };
  }
  return { kind: 'ignore' };
}

// ---------------------------------------------------------------------------------------------------------------
// Table → term base

export interface TermTableOptions {
  file?: string;
  srcLang?: Lang;
  tgtLang?: Lang;
}

/** What setOnce/defaultStatus need of a concept: its fields and its terms' languages (a Concept, or readNative's rows of one). */
interface ConceptLike {
  id: string;
  domain?: string;
  definition?: string;
  note?: string;
  terms: ReadonlyArray<{ lang: Lang }>;
}

function setOnce<K extends 'domain' | 'definition' | 'note'>(concept: ConceptLike, key: K, value: string, diags: Diagnostic[], file: string | undefined, line: number): void {
  if (!value) return;
  if (concept[key] === undefined) concept[key] = value;
  else if (concept[key] !== value) {
    diags.push({ code: 'GLOSSARY_CONFLICT', message: `concept ${concept.id} has two different values for ${key}; keeping the first`, severity: 'warning', file, line });
  }
}

function defaultStatus(concept: ConceptLike, lang: Lang): TermStatus {
  return concept.terms.some((t) => t.lang === lang) ? 'admitted' : 'preferred';
}

function readNative(records: string[][], lines: number[], roles: ColRole[], options: TermTableOptions): ParsedTermBase {
  const file = options.file;
  const diagnostics: Diagnostic[] = [];
  const col = (field: string) => roles.findIndex((r) => r.kind === 'native' && r.field === field);
  const idx = {
    concept: col('concept'), lang: col('lang'), term: col('term'), status: col('status'), pos: col('pos'), domain: col('domain'),
    definition: col('definition'), note: col('note'), source: col('source'), conceptNote: col('conceptNote'),
  };
  /** The concepts as read so far, each with its rows (the term base is built from them when it is asked for). */
  const concepts = new Map<string, NativeConcept>();
  const rows: TermRow[] = [];
  const cell = (rec: string[], i: number) => (i >= 0 && i < rec.length ? rec[i].trim() : '');
  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    const line = lines[r];
    let conceptId = cell(rec, idx.concept);
    const lang = cell(rec, idx.lang);
    const text = cell(rec, idx.term);
    if (!conceptId) {
      conceptId = `row${line}`;
      diagnostics.push({ code: 'GLOSSARY_NO_CONCEPT', message: `row has no concept id; it becomes concept ${conceptId} of its own`, severity: 'warning', file, line });
    }
    let concept = concepts.get(conceptId);
    if (!concept) {
      concept = { id: conceptId, terms: [] };
      concepts.set(conceptId, concept);
    }
    const domain = cell(rec, idx.domain);
    const definition = cell(rec, idx.definition);
    setOnce(concept, 'domain', domain, diagnostics, file, line);
    setOnce(concept, 'definition', definition, diagnostics, file, line);
    setOnce(concept, 'note', cell(rec, idx.conceptNote), diagnostics, file, line);
    if (!lang && !text) continue; // a row that only carries concept data
    if (!lang) {
      diagnostics.push({ code: 'GLOSSARY_NO_LANG', message: `term "${text}" has no language; row skipped`, severity: 'warning', file, line });
      continue;
    }
    if (!text) {
      diagnostics.push({ code: 'GLOSSARY_EMPTY_TERM', message: `concept ${conceptId} has an empty ${lang} term; row skipped`, severity: 'warning', file, line });
      continue;
    }
    const statusCell = cell(rec, idx.status);
    let status = normalizeTermStatus(statusCell);
    if (!status) {
      if (statusCell) diagnostics.push({ code: 'GLOSSARY_STATUS', message: `unknown status "${statusCell}" (use ${TERM_STATUSES.join(', ')})`, severity: 'warning', file, line });
      status = defaultStatus(concept, lang);
    }
    const terms = concept.terms;
    let dup = false;
    for (let k = 0; k < terms.length; k++) {
      if (terms[k].text === text && terms[k].lang === lang) {
        dup = true;
        break;
      }
    }
    if (dup) {
      diagnostics.push({ code: 'GLOSSARY_DUPLICATE', message: `${lang} term "${text}" is listed twice in concept ${conceptId}`, severity: 'warning', file, line });
      continue;
    }
    const pos = cell(rec, idx.pos);
    const note = cell(rec, idx.note);
    const source = cell(rec, idx.source);
    const row: TermRow = { concept: conceptId, lang, text, status, line };
    if (pos) row.pos = pos;
    if (domain) row.domain = domain;
    if (definition) row.definition = definition;
    if (note) row.note = note;
    if (source) row.source = source;
    rows.push(row);
    terms.push(row);
  }
  return withLazyTermBase(rows, diagnostics, () => ({ concepts: Array.from(concepts.values(), conceptOf) }));
}

/** A concept of a native table while it is read: its concept-level fields and its rows. */
interface NativeConcept {
  id: string;
  domain?: string;
  definition?: string;
  note?: string;
  terms: TermRow[];
}

function conceptOf(c: NativeConcept): Concept {
  const concept: Concept = { id: c.id, terms: c.terms.map(termOfRow) };
  if (c.domain !== undefined) concept.domain = c.domain;
  if (c.definition !== undefined) concept.definition = c.definition;
  if (c.note !== undefined) concept.note = c.note;
  return concept;
}

function termOfRow(row: TermRow): Term {
  const term: Term = { lang: row.lang, text: row.text, status: row.status };
  if (row.pos) term.pos = row.pos;
  if (row.note) term.note = row.note;
  if (row.source) {
    const origin = parseOrigin(row.source);
    if (origin) term.origin = origin;
  }
  return term;
}

/**
 * A ParsedTermBase whose termBase is built on first access (then kept, and assignable): the glossary folder is read
 * for its rows, which mergeTermBases turns into one term base, so building a second one per file was wasted work.
 */
function withLazyTermBase(rows: TermRow[], diagnostics: Diagnostic[], build: () => TermBase): ParsedTermBase {
  let termBase: TermBase | undefined;
  return {
    get termBase(): TermBase {
      return (termBase ??= build());
    },
    set termBase(value: TermBase) {
      termBase = value;
    },
    rows,
    diagnostics,
  };
}

function readWide(records: string[][], lines: number[], roles: ColRole[], headerless: boolean, options: TermTableOptions): ParsedTermBase {
  const file = options.file;
  const diagnostics: Diagnostic[] = [];
  const concepts: Concept[] = [];
  const rows: TermRow[] = [];
  const seenLang = new Set<string>();
  roles.forEach((r, i) => {
    if (r.kind === 'lang') {
      if (seenLang.has(r.lang)) {
        diagnostics.push({ code: 'GLOSSARY_COLUMN', message: `column ${i + 1} repeats language ${r.lang}; it is read as a synonym column`, severity: 'info', file, line: lines[0] });
      }
      seenLang.add(r.lang);
    } else if (r.kind === 'ignore' && !headerless && records[0][i]?.trim()) {
      diagnostics.push({ code: 'GLOSSARY_COLUMN', message: `column "${records[0][i].trim()}" is not a language or a known field; ignored`, severity: 'warning', file, line: lines[0] });
    }
  });
  const metaIdx = (f: string) => roles.findIndex((r) => r.kind === 'meta' && r.field === f);
  const m = { note: metaIdx('note'), definition: metaIdx('definition'), domain: metaIdx('domain'), pos: metaIdx('pos'), status: metaIdx('status'), id: metaIdx('id') };
  let n = 0;
  const usedIds = new Set<string>();
  for (let r = headerless ? 0 : 1; r < records.length; r++) {
    const rec = records[r];
    const line = lines[r];
    const cell = (i: number) => (i >= 0 && i < rec.length ? rec[i].trim() : '');
    n++;
    let id = cell(m.id) || `c${n}`;
    if (usedIds.has(id)) id = `${id}~${n}`;
    usedIds.add(id);
    const concept: Concept = { id, terms: [] };
    if (cell(m.domain)) concept.domain = cell(m.domain);
    if (cell(m.definition)) concept.definition = cell(m.definition);
    if (cell(m.note)) concept.note = cell(m.note);
    const pos = cell(m.pos);
    const statusCell = cell(m.status);
    const given = normalizeTermStatus(statusCell);
    if (statusCell && !given) diagnostics.push({ code: 'GLOSSARY_STATUS', message: `unknown status "${statusCell}"`, severity: 'warning', file, line });
    if (headerless && rec.length > 3) {
      diagnostics.push({ code: 'GLOSSARY_COLUMN', message: `row has ${rec.length} columns; only source, target and comment are read`, severity: 'info', file, line });
    }
    roles.forEach((role, i) => {
      if (role.kind !== 'lang') return;
      const text = cell(i);
      if (!text) return;
      if (concept.terms.some((t) => t.lang === role.lang && t.text === text)) return;
      const status = given ?? defaultStatus(concept, role.lang);
      const term: Term = { lang: role.lang, text, status };
      if (pos) term.pos = pos;
      concept.terms.push(term);
      const row: TermRow = { concept: id, lang: role.lang, text, status, line };
      if (pos) row.pos = pos;
      if (concept.domain) row.domain = concept.domain;
      if (concept.definition) row.definition = concept.definition;
      if (concept.note) row.note = concept.note;
      rows.push(row);
    });
    if (concept.terms.length === 0) {
      diagnostics.push({ code: 'GLOSSARY_EMPTY_TERM', message: 'row has no term in any language; skipped', severity: 'warning', file, line });
      continue;
    }
    if (concept.terms.length === 1 && seenLang.size > 1) {
      diagnostics.push({ code: 'GLOSSARY_NO_TRANSLATION', message: `"${concept.terms[0].text}" has no translation in this row`, severity: 'info', file, line });
    }
    concepts.push(concept);
  }
  return { termBase: { concepts }, rows, diagnostics };
}

/**
 * Term base from table records (first record = header, unless the table is headerless). Shared by CSV/TSV and XLSX.
 */
export function termBaseFromTable(records: string[][], lines: number[], options: TermTableOptions = {}): ParsedTermBase {
  const file = options.file;
  if (records.length === 0) {
    throw new BitextError('EMPTY_FILE', 'the glossary has no rows', { file, line: 1, hint: 'A glossary needs a header row (e.g. concept,lang,term,status) and one row per term.' });
  }
  const srcLang = options.srcLang ?? 'en';
  const tgtLang = options.tgtLang ?? 'zh';
  const header = records[0];
  const nativeRoles: ColRole[] = header.map((c) => NATIVE_NAMES[headerKey(c)] ?? { kind: 'ignore' });
  const hasNative = (f: string) => nativeRoles.some((r) => r.kind === 'native' && r.field === f);
  if (hasNative('lang') && hasNative('term')) return readNative(records, lines, nativeRoles, options);
  const wideRoles = header.map((c) => classifyWide(c, srcLang, tgtLang));
  if (wideRoles.some((r) => r.kind === 'lang')) return readWide(records, lines, wideRoles, false, options);
  // No header: source, target, comment (OmegaT glossary, simple two-column lists).
  const width = Math.max(...records.map((r) => r.length));
  if (width < 2) {
    throw new BitextError('GLOSSARY_INVALID', 'the glossary has only one column and no header naming its language', {
      file,
      line: lines[0],
      hint: 'Use a header row such as "en,zh" or "concept,lang,term,status", or two columns: source term, target term.',
    });
  }
  const roles: ColRole[] = [{ kind: 'lang', lang: srcLang }, { kind: 'lang', lang: tgtLang }, { kind: 'meta', field: 'note' }];
  const result = readWide(records, lines, roles, true, options);
  result.diagnostics.unshift({ code: 'GLOSSARY_HEADERLESS', message: `no header row: columns read as ${srcLang} term, ${tgtLang} term, comment`, severity: 'info', file, line: lines[0] });
  return result;
}

/** Parse a CSV/TSV term base (native long format or a CAT-tool wide table). */
export function parseTermBaseCsv(text: string, options: { file?: string; delimiter?: string; srcLang?: Lang; tgtLang?: Lang } = {}): ParsedTermBase {
  const table = parseCsvTable(text, { file: options.file, delimiter: options.delimiter });
  return termBaseFromTable(table.records, table.lines, options);
}

/** TermRow view of a term base read from a format without rows (TBX); `lineOf` gives each term's file line (0 = unknown). */
export function termRowsOf(termBase: TermBase, lineOf: (term: Term) => number = () => 0): TermRow[] {
  const rows: TermRow[] = [];
  for (const c of termBase.concepts) {
    for (const t of c.terms) {
      const row: TermRow = { concept: c.id, lang: t.lang, text: t.text, status: t.status, line: lineOf(t) };
      if (t.pos) row.pos = t.pos;
      if (c.domain) row.domain = c.domain;
      if (c.definition) row.definition = c.definition;
      if (t.note) row.note = t.note;
      if (t.origin) row.source = formatOrigin(t.origin);
      rows.push(row);
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Term base → table

/** Rows of the native long table, header first. Deterministic: concepts and terms in their order. */
export function termBaseToTable(termBase: TermBase): string[][] {
  const withConceptNote = termBase.concepts.some((c) => c.note !== undefined && c.note !== '');
  const header: string[] = [...NATIVE_TERM_COLUMNS];
  if (withConceptNote) header.push('conceptNote');
  const out: string[][] = [header];
  for (const c of termBase.concepts) {
    const conceptCells = (first: boolean) => ({ domain: c.domain ?? '', definition: c.definition ?? '', conceptNote: first ? (c.note ?? '') : '' });
    if (c.terms.length === 0) {
      const cc = conceptCells(true);
      const row = [c.id, '', '', '', '', cc.domain, cc.definition, '', ''];
      if (withConceptNote) row.push(cc.conceptNote);
      out.push(row);
      continue;
    }
    c.terms.forEach((t, i) => {
      const cc = conceptCells(i === 0);
      const row = [c.id, t.lang, t.text, t.status, t.pos ?? '', cc.domain, cc.definition, t.note ?? '', formatOrigin(t.origin)];
      if (withConceptNote) row.push(cc.conceptNote);
      out.push(row);
    });
  }
  return out;
}

export interface TermBaseCsvOptions {
  /** UTF-8 BOM for Excel. */
  bom?: boolean;
  delimiter?: CsvDelimiter;
  /**
   * Neutralise cells starting with = + - @ for opening in Excel (an apostrophe is prefixed; bitext removes it
   * again on reading). Off by default: the native glossary keeps terms such as "-based" or "+86" as they are.
   */
  excelSafe?: boolean;
}

export function serializeTermBaseCsv(termBase: TermBase, options: TermBaseCsvOptions = {}): string {
  return stringifyCsvTable(termBaseToTable(termBase), { delimiter: options.delimiter ?? ',', bom: options.bom, excelSafe: options.excelSafe });
}
