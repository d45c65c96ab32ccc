/**
 * Bilingual lexicons for the aligner: a zh→en (or any a→b) word list, matched on characters in Chinese by forward
 * longest match over a hash of head words (no word segmenter: Intl.Segmenter splits 丝路电商 into 丝路|电|商).
 * Entries keep the stems of the content words of their glosses, which is what the lexical scorer compares.
 */
import { BitextError } from '../errors.js';
import type { Lang, TermBase } from '../model/types.js';
import { primaryLanguage } from '../lang/tags.js';
import { isStopword, stem, words } from './text.js';

export interface Lexicon {
  /** Language of the head words (e.g. 'zh'). */
  readonly from: string;
  /** Language of the glosses (e.g. 'en'). */
  readonly to: string;
  /** Head word → stems of the gloss content words. */
  readonly entries: Map<string, string[]>;
  /** Longest head word, in UTF-16 units (bounds the longest-match search). */
  readonly maxLength: number;
  /** Optional: readings of single Han characters (toneless pinyin), used to match names like 陈清扬 ↔ Chen Qingyang. */
  readonly readings?: Map<string, string[]>;
}

export interface BuildLexiconOptions {
  from?: Lang;
  to?: Lang;
  /** Keep at most this many gloss stems per head word (default 12). */
  maxGlossWords?: number;
}

/** Gloss text → stems of its content words (parenthesised notes, "CL:" and "variant of" removed). */
export function glossStems(gloss: string, lang: string): string[] {
  const g = gloss
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:CL|Taiwan pr|also written|also pr|see also|see|old variant of|variant of|abbr\. for|surname)\b.*$/i, ' ');
  const out: string[] = [];
  for (const w of words(g)) {
    if (isStopword(w, lang) || /^\d/.test(w)) continue;
    const s = stem(w, lang);
    if (s.length >= 2 && !out.includes(s)) out.push(s);
  }
  return out;
}

/** Build a lexicon from (head word, gloss) pairs, e.g. from `parseCedict` or a term base. Pairs accumulate per head word. */
export function buildLexicon(pairs: Iterable<readonly [string, string]>, options: BuildLexiconOptions = {}): Lexicon {
  const from = primaryLanguage(options.from ?? 'zh');
  const to = primaryLanguage(options.to ?? 'en');
  const max = options.maxGlossWords ?? 12;
  const entries = new Map<string, string[]>();
  let maxLength = 1;
  for (const [head0, gloss] of pairs) {
    const head = from === 'zh' ? head0.trim() : head0.trim().toLowerCase();
    if (!head || head.length > 16) continue;
    const stems = glossStems(gloss, to);
    if (stems.length === 0) continue;
    let list = entries.get(head);
    if (!list) entries.set(head, (list = []));
    for (const s of stems) if (list.length < max && !list.includes(s)) list.push(s);
    if (head.length > maxLength) maxLength = head.length;
  }
  return { from, to, entries, maxLength };
}

/** Union of lexicons of the same direction (later ones add glosses to earlier head words). */
export function mergeLexicons(...lexicons: Array<Lexicon | undefined>): Lexicon | undefined {
  const list = lexicons.filter((l): l is Lexicon => !!l);
  if (list.length <= 1) return list[0];
  const same = list.filter((lx) => lx.from === list[0].from && lx.to === list[0].to);
  let maxLength = 1;
  let readings: Map<string, string[]> | undefined;
  for (const lx of same) {
    maxLength = Math.max(maxLength, lx.maxLength);
    readings ??= lx.readings;
  }
  const lines = HEAD_LINES.get(list[0]);
  if (lines) {
    const layered = mergeOverHeadLines(list[0], lines, same.slice(1), maxLength, readings, () => mergeEntries(same));
    if (layered) return layered;
  }
  return { from: list[0].from, to: list[0].to, entries: mergeEntries(same), maxLength, readings };
}

function mergeEntries(list: readonly Lexicon[]): Map<string, string[]> {
  const entries = new Map<string, string[]>();
  for (const lx of list) {
    for (const [h, g] of lx.entries) {
      const cur = entries.get(h);
      if (!cur) entries.set(h, [...g]);
      else addStems(cur, g);
    }
  }
  return entries;
}

/** Add to `cur` the stems of `g` it does not have yet, in order (a head word's stems in a merge). */
function addStems(cur: string[], g: readonly string[]): string[] {
  for (const x of g) if (!cur.includes(x)) cur.push(x);
  return cur;
}

/** A lexicon's head words as text (see setHeadLines). */
export interface HeadLines {
  text: string;
  starts: Int32Array;
  lens: Int32Array;
}

const HEAD_LINES = new WeakMap<Lexicon, HeadLines>();
const LAYERED = new WeakMap<Lexicon, { base: Lexicon; count: number }>();

/**
 * The head words of a lexicon as text: head word k is text[starts[k], starts[k] + lens[k]) at the start of its line
 * `head\tstem stem…` (its stems, split on spaces; a head word given twice: its last line) — the lexicon's entries,
 * from which its longest-match index is then built without reading `entries` (the built-in lexicon makes its Map
 * only when something else asks for it).
 */
export function setHeadLines(lex: Lexicon, text: string, starts: Int32Array, lens: Int32Array): void {
  HEAD_LINES.set(lex, { text, starts, lens });
}

export function headLinesOf(lex: Lexicon): HeadLines | undefined {
  return HEAD_LINES.get(lex);
}

/** The stems of the head line whose head word (`len` characters) starts at `start` of `text`: `entries.get(head)`. */
export function lineStems(text: string, start: number, len: number): string[] {
  const p = start + len + 1;
  let nl = text.indexOf('\n', p);
  if (nl < 0) nl = text.length;
  return text.slice(p, nl).split(' ');
}

/**
 * For a merge made over a lexicon with head lines: that lexicon, and how many head words come first in the merge,
 * the same ones in the same order (its longest-match index can be copied and the others added).
 */
export function layerOf(lex: Lexicon): { base: Lexicon; count: number } | undefined {
  return LAYERED.get(lex);
}

/**
 * `mergeLexicons` over a first lexicon with head lines (the built-in one: 109,000 head words, its Map of glosses
 * made only when asked for): the merge's head lines are the first lexicon's text with a line added for each head
 * word the others add to or bring (in the merge's order: its own head words first, then the new ones in the order
 * they come), the others pointing at the first lexicon's lines — the same head words and stems as `mergeEntries`,
 * whose Map is made only when asked for. Undefined (the caller merges the Maps) when a head word or stem could not
 * be written as a line (tab, newline or space in it, or no stems).
 */
function mergeOverHeadLines(first: Lexicon, lines: HeadLines, others: readonly Lexicon[], maxLength: number, readings: Map<string, string[]> | undefined, entries: () => Map<string, string[]>): Lexicon | undefined {
  // the stems the others give each head word, in order
  const given = new Map<string, string[][]>();
  for (const lx of others) {
    for (const [h, g] of lx.entries) {
      if (!h || /[\t\n]/.test(h) || !g.length || g.some((x) => !x || /[\t\n ]/.test(x))) return undefined;
      const l = given.get(h);
      if (l) l.push(g);
      else given.set(h, [g]);
    }
  }
  const { text, starts, lens } = lines;
  const count = starts.length;
  const mergedStarts = new Int32Array(count + given.size);
  const mergedLens = new Int32Array(count + given.size);
  mergedStarts.set(starts);
  mergedLens.set(lens);
  const added: string[] = [];
  let at = text.length + 1;
  const addLine = (k: number, h: string, stems: readonly string[]) => {
    const line = h + '\t' + stems.join(' ');
    mergedStarts[k] = at;
    mergedLens[k] = h.length;
    added.push(line);
    at += line.length + 1;
  };
  const union = (cur: string[], lists: readonly string[][]) => lists.reduce(addStems, cur);
  // the first lexicon's head words that the others give stems to (its last line for a head word given twice, as its Map)
  const seen = new Map<string, number>();
  for (let k = 0; k < count; k++) {
    const h = text.slice(starts[k], starts[k] + lens[k]);
    if (given.has(h)) seen.set(h, k);
  }
  for (const [h, k] of seen) addLine(k, h, union(lineStems(text, starts[k], lens[k]), given.get(h)!));
  let next = count;
  for (const [h, lists] of given) if (!seen.has(h)) addLine(next++, h, union([...lists[0]], lists.slice(1)));
  let map: Map<string, string[]> | undefined;
  const lex: Lexicon = {
    from: first.from,
    to: first.to,
    get entries() {
      return (map ??= entries());
    },
    maxLength,
    readings,
  };
  setHeadLines(lex, added.length ? text + '\n' + added.join('\n') : text, mergedStarts.subarray(0, next), mergedLens.subarray(0, next));
  LAYERED.set(lex, { base: first, count });
  return lex;
}

/**
 * CC-CEDICT text (`傳統 传统 [chuan2 tong3] /tradition/traditional/`) → (simplified, gloss) pairs, one per gloss.
 * Comment lines (#) are skipped; a malformed line raises ALIGN_INPUT with its line number.
 */
export function parseCedict(text: string, file?: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let lineNo = 0;
  let bad = 0;
  for (const line of text.split(/\r?\n/)) {
    lineNo++;
    if (!line || line.startsWith('#')) continue;
    const m = /^(\S+)\s+(\S+)\s+\[([^\]]*)\]\s+\/(.*)\/\s*$/.exec(line);
    if (!m) {
      if (++bad > 10 && bad > out.length) {
        throw new BitextError('ALIGN_INPUT', 'this does not look like a CC-CEDICT dictionary (lines like "傳統 传统 [chuan2 tong3] /tradition/")', { file, line: lineNo, hint: 'Give --dict a CC-CEDICT text file, or a two-column TSV/CSV of Chinese and English words.' });
      }
      continue;
    }
    for (const g of m[4].split('/')) if (g.trim()) out.push([m[2], g.trim()]);
  }
  return out;
}

/** Toneless readings of single characters from CC-CEDICT text (for matching transliterated names). */
export function parseCedictReadings(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\S+\s+(\S+)\s+\[([^\]]*)\]/.exec(line);
    if (!m || [...m[1]].length !== 1) continue;
    const py = m[2].toLowerCase().replace(/[0-9]/g, '').replace(/u:/g, 'v').trim();
    if (!/^[a-z]+$/.test(py)) continue;
    const list = map.get(m[1]) ?? [];
    if (!list.includes(py)) list.push(py);
    map.set(m[1], list);
  }
  return map;
}

/** A two-column word list (TSV or CSV: zh, en per line) → pairs; lines with fewer than two columns are skipped. */
export function parseWordList(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const cols = line.includes('\t') ? line.split('\t') : line.split(',');
    if (cols.length >= 2 && cols[0].trim() && cols[1].trim()) out.push([cols[0].trim(), cols[1].trim()]);
  }
  return out;
}

/**
 * A term base (glossary/) as lexicon pairs: every zh term × every non-deprecated en term of a concept.
 */
export function termBasePairs(tb: TermBase, from = 'zh', to = 'en'): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const c of tb.concepts) {
    const a = c.terms.filter((t) => primaryLanguage(t.lang) === from);
    const b = c.terms.filter((t) => primaryLanguage(t.lang) === to && t.status !== 'deprecated');
    for (const x of a) for (const y of b) out.push([x.text, y.text]);
  }
  return out;
}

/**
 * Forward longest match of lexicon head words over a Chinese string: [start, end, head] units covering the
 * matched parts (unmatched characters are left out).
 */
export function longestMatch(text: string, lex: Lexicon): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  const n = text.length;
  const maxL = Math.min(lex.maxLength, 8);
  let i = 0;
  while (i < n) {
    let found = 0;
    for (let l = Math.min(maxL, n - i); l >= 1; l--) {
      if (lex.entries.has(text.slice(i, i + l))) {
        found = l;
        break;
      }
    }
    if (found) {
      out.push([i, i + found, text.slice(i, i + found)]);
      i += found;
    } else i++;
  }
  return out;
}
