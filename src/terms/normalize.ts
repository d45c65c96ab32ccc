/**
 * Text normalisation for term matching. Every function here is length-preserving per UTF-16 code unit
 * (except the English word stemmer, which works on tokens), so that offsets found in normalised text are offsets
 * in the original text.
 *
 * Chinese: traditional → simplified with OpenCC's character table ('t' → 'cn', opencc-js), built once on first use;
 * full-width ASCII (ＡＢＣ１２３) → half-width; Latin letters lower-cased.
 */
import * as OpenCC from 'opencc-js/t2cn';

type ConverterFunction = (text: string) => string;
let t2cn: ConverterFunction | undefined;
const charCache = new Map<string, string>();

function converter(): ConverterFunction {
  const conv = t2cn ?? (OpenCC.Converter({ from: 't', to: 'cn' }) as ConverterFunction);
  t2cn = conv;
  return conv;
}

function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd800 && c <= 0xdbff)) return true;
  }
  return false;
}

type Dict = string | ReadonlyArray<readonly [string, string]>;
type DictGroup = readonly Dict[];

/** The one-code-point entries of a dictionary group, as OpenCC's trie resolves them (the group's first dictionary wins). */
function singleEntries(group: DictGroup): Map<string, string> {
  const map = new Map<string, string>();
  for (let d = group.length - 1; d >= 0; d--) {
    const dict = group[d];
    const add = (k: string, v: string) => {
      if (k.length === 1 || (k.length === 2 && k.codePointAt(0)! > 0xffff)) map.set(k, v);
    };
    if (typeof dict === 'string') {
      for (const entry of dict.split('|')) {
        const [k, v] = entry.split(' ');
        if (typeof v === 'string') add(k, v);
      }
    } else for (const [k, v] of dict) add(k, v);
  }
  return map;
}

/**
 * OpenCC 't' → 'cn' (its 't2s' configuration: a normalisation chain, then a conversion chain) for one code point,
 * from the dictionaries' one-character entries: one character can only match a one-character entry, so this is what
 * the converter returns, without building the trie of the phrase dictionaries (about 0.1 s at the first term).
 * undefined when the dictionaries are not laid out as expected or a step gives more than one character: the caller
 * then asks the converter.
 */
let chain: Array<Map<string, string>> | null | undefined;
function t2cnSingle(ch: string): string | undefined {
  if (chain === undefined) {
    const t2s = (OpenCC.Locale?.configs as Record<string, { normalizationChain?: readonly DictGroup[]; conversionChain?: readonly DictGroup[]; segmentation?: unknown }> | undefined)?.t2s;
    chain = t2s && !t2s.segmentation && Array.isArray(t2s.conversionChain) ? [...(t2s.normalizationChain ?? []), ...t2s.conversionChain].map(singleEntries) : null;
  }
  if (chain === null) return undefined;
  let c = ch;
  for (const map of chain) {
    c = map.get(c) ?? c;
    if (!(c.length === 1 || (c.length === 2 && c.codePointAt(0)! > 0xffff))) return undefined;
  }
  return c;
}

/** One code point through OpenCC 't' → 'cn' (exported for the test that checks it against the converter). */
export function t2cnChar(ch: string): string {
  return t2cnSingle(ch) ?? converter()(ch);
}

/** normalizeChinese of each BMP code unit that is not a surrogate (-1: not computed yet). */
let hanUnit: Int32Array | undefined;

/** One BMP code unit (not a surrogate) through the per-character conversion below: itself unless OpenCC gives one unit. */
function simplifyUnit(u: number): number {
  const ch = String.fromCharCode(u);
  let c = charCache.get(ch);
  if (c === undefined) {
    c = t2cnChar(ch);
    if (c.length !== ch.length) c = ch;
    charCache.set(ch, c);
  }
  return c.charCodeAt(0);
}

/**
 * Traditional → simplified Chinese with OpenCC's 't' → 'cn' character table, one character at a time (cached), so
 * that the length in code units is kept and 50,000 terms normalise in milliseconds.
 */
export function normalizeChinese(text: string): string {
  if (!hasHan(text)) return text;
  // Most terms are simplified already: check unit by unit through a table (no string per character) and return the
  // text itself when nothing changes; the first changed unit or a surrogate pair goes the per-character way below.
  const table = hanUnit ?? (hanUnit = new Int32Array(0x10000).fill(-1));
  let i = 0;
  for (; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdfff) break;
    let r = table[u];
    if (r < 0) r = table[u] = u < 0x3400 ? u : simplifyUnit(u);
    if (r !== u) break;
  }
  if (i === text.length) return text;
  let out = '';
  let changed = false;
  for (const ch of text) {
    let c = charCache.get(ch);
    if (c === undefined) {
      const code = ch.codePointAt(0)!;
      if (code < 0x3400) c = ch;
      else {
        c = t2cnChar(ch);
        if (c.length !== ch.length) c = ch;
      }
      charCache.set(ch, c);
    }
    if (c !== ch) changed = true;
    out += c;
  }
  return changed ? out : text;
}

/** Full-width ASCII → ASCII, ideographic space → space, ASCII upper → lower. Same length. */
const NEEDS_FOLD = /[A-Z\u00c0-\u052f\u2010-\u2015\u2212\u00b7\u30fb\u2027\u3000\uff01-\uff5e]/;

export function foldWidthAndCase(text: string): string {
  if (!NEEDS_FOLD.test(text)) return text;
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3000) c = 0x20;
    else if (c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2014 || c === 0x2015 || c === 0x2212) c = 0x2d; // dashes → "-"
    else if (c === 0x00b7 || c === 0x30fb || c === 0x2027) c = 0xb7; // middle dots (凯文·凯利) as one
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    else if (c >= 0xc0 && c < 0x530) {
      // Non-ASCII letters (é, Ä, Σ…): lower-case when that keeps one code unit.
      const ch = String.fromCharCode(c);
      const lo = ch.toLowerCase();
      if (lo.length === 1) c = lo.charCodeAt(0);
    }
    if (c !== text.charCodeAt(i)) changed = true;
    out += String.fromCharCode(c);
  }
  return changed ? out : text;
}

/** Normalised form of a text written without spaces (Chinese/Japanese): simplified, half-width, lower-case. */
export function normalizeCharText(text: string): string {
  return foldWidthAndCase(normalizeChinese(text));
}

/** Per-code-unit cache of `normalizeCharText` (-1: not computed yet). */
let unitFold: Int32Array | undefined;

/**
 * `normalizeCharText` of one BMP code unit that is not a surrogate, cached in a table. Folding a text unit by unit
 * gives the same result as folding it whole (the OpenCC table changes only Han characters, one by one), so the term
 * matcher folds its input without building normalised copies.
 */
export function foldCharUnit(c: number): number {
  const table = unitFold ?? (unitFold = new Int32Array(0x10000).fill(-1));
  let r = table[c];
  if (r < 0) {
    const f = normalizeCharText(String.fromCharCode(c));
    r = f.length === 1 ? f.charCodeAt(0) : c;
    table[c] = r;
  }
  return r;
}

// ---------------------------------------------------------------------------------------------------------
// English (and other space-separated languages): word tokens.

/** A word of a space-separated text: letters/digits (with inner apostrophes handled as possessives). */
export interface WordToken {
  /** Normalised form: lower-case, plural/possessive removed. */
  norm: string;
  /** Lower-case surface form (no stemming), for fuzzy comparison and acronym checks. */
  lower: string;
  start: number;
  end: number;
  /** What separates this token from the previous one: 'join' (spaces/hyphens only), 'break' (punctuation) or 'none' (first). */
  before: 'join' | 'break' | 'none';
}


/** Words that end in -s but are not plurals (kept whole so "news" ≠ "new"). */
const NOT_PLURAL = new Set(['news', 'series', 'species', 'means', 'analysis', 'basis', 'crisis', 'thesis', 'status', 'corpus', 'campus', 'bus', 'gas', 'has', 'was', 'is', 'this', 'its', 'us', 'as', 'yes', 'always', 'perhaps', 'whereas', 'across', 'thus', 'economics', 'politics', 'physics', 'mathematics', 'logistics', 'statistics', 'ethics', 'electronics', 'robotics', 'genetics', 'linguistics', 'headquarters']);

/**
 * Light English stemmer for matching terms: plural and possessive only (port/ports, policy/policies, box/boxes,
 * China's → china). Derivational endings are kept: "digitalize" and "digitalization" stay different words.
 */
export function stemEnglishWord(lower: string): string {
  let w = lower;
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  else if (w.endsWith("s'") || w.endsWith('s’')) w = w.slice(0, -1);
  if (w.length <= 3 || NOT_PLURAL.has(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ss|us|is|ous)$/.test(w)) return w;
  if (/(?:sses|shes|ches|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const LETTER = /^\p{L}$/u;
/** Class of each BMP code unit for the tokenizer: 0 not computed, 1 letter, 2 digit or mark, 3 neither. */
const unitClass = new Uint8Array(0x10000);

/** Word class of a code point (shared with the matcher's word stream). */
export function wordClassOf(cp: number): number {
  if (cp < 0x10000) {
    const k = unitClass[cp];
    if (k !== 0) return k;
  }
  const ch = String.fromCodePoint(cp);
  const k = LETTER.test(ch) ? 1 : WORD_CHAR.test(ch) ? 2 : 3;
  if (cp < 0x10000) unitClass[cp] = k;
  return k;
}
for (let c = 0; c < 0x80; c++) unitClass[c] = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : c >= 0x30 && c <= 0x39 ? 2 : 3;

/** `\s`, soft hyphen, hyphens and no-break space: what joins two words into one term key. */
export function isWordJoiner(c: number): boolean {
  if (c === 0x20 || c === 0x2d) return true;
  if (c < 0x80) return c >= 0x09 && c <= 0x0d;
  return c === 0xa0 || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2010 || c === 0x2011 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The end of a word: from `start`, at a
 * letter, digit or mark with code point `cp`, the end of the word — a run of letters, digits and marks, then any
 * `['’]\p{L}+` parts — times two, plus one when the word has only a–z and 0–9 (it is its own lower-case form).
 */
function scanWordEnd(text: string, start: number, cp: number): number {
  const n = text.length;
  let plain = (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39);
  let i = start + (cp > 0xffff ? 2 : 1);
  for (;;) {
    if (i >= n) break;
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) c = text.codePointAt(i)!;
    if (wordClassOf(c) === 3) break;
    if (plain && !((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) plain = false;
    i += c > 0xffff ? 2 : 1;
  }
  // (?:['’]\p{L}+)*
  while (i + 1 < n) {
    const a = text.charCodeAt(i);
    if (a !== 0x27 && a !== 0x2019) break;
    let c = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff) c = text.codePointAt(i + 1)!;
    if (wordClassOf(c) !== 1) break;
    i += 1 + (c > 0xffff ? 2 : 1);
    for (;;) {
      if (i >= n) break;
      let d = text.charCodeAt(i);
      if (d >= 0xd800 && d <= 0xdbff) d = text.codePointAt(i)!;
      if (wordClassOf(d) !== 1) break;
      i += d > 0xffff ? 2 : 1;
    }
    plain = false;
  }
  return i * 2 + (plain ? 1 : 0);
}

/** A word found by `nextWord`: [start, end) in the text; `plain`: only a–z and 0–9; `amp`: the sign "&". */
export interface WordSpan {
  start: number;
  end: number;
  plain: boolean;
  amp: boolean;
}

/**
 * The word scanner of `tokenizeWords` and of the matcher's word stream (so both cut words alike): the next word at or
 * after `from` — a run of letters, digits and marks (`[\p{L}\p{N}\p{M}]+`) with possessive/elided parts
 * (`(?:['’]\p{L}+)*`), or "&" — written into `out` (reused: no object per word). false when there is none. A
 * hand-written scanner with a per-code-unit class table (this runs on every sentence of `bitext check`).
 */
export function nextWord(text: string, from: number, out: WordSpan): boolean {
  const n = text.length;
  let i = from;
  while (i < n) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i)!;
    const k = wordClassOf(cp);
    if (k === 3 && cp !== 0x26) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    out.start = i;
    if (k === 3) {
      out.end = i + 1;
      out.plain = false;
      out.amp = true;
    } else {
      const scan = scanWordEnd(text, i, cp);
      out.end = scan >> 1;
      out.plain = (scan & 1) === 1;
      out.amp = false;
    }
    return true;
  }
  return false;
}

/** Whether only joiners (white space, hyphens) stand in [from, to) between two words: they make one term key. */
export function wordsJoined(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (!isWordJoiner(text.charCodeAt(j))) return false;
  return true;
}

/** Lower-case and stemmed forms of recently seen words (bounded; cleared when full). */
const wordCache = new Map<string, { lower: string; norm: string }>();

/** The lower-case and stemmed forms of a word (cached); "&" is read as the word "and" ("Artificial Intelligence & Education"). */
export function wordForms(word: string): { lower: string; norm: string } {
  let forms = wordCache.get(word);
  if (forms === undefined) {
    const lw = word === '&' ? 'and' : foldWidthAndCase(word);
    forms = { lower: lw, norm: stemEnglishWord(lw) };
    if (wordCache.size >= 100_000) wordCache.clear();
    wordCache.set(word, forms);
  }
  return forms;
}

/** The word scanner's output, reused. */
const span: WordSpan = { start: 0, end: 0, plain: false, amp: false };

/** Cut a space-separated text into word tokens with offsets into the original text (the words of `nextWord`). */
export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  let prevEnd = -1;
  for (let i = 0; nextWord(text, i, span); i = span.end) {
    const { start, end } = span;
    const word = span.amp ? '&' : text.slice(start, end);
    // A plain word not ending in "s" is its own lower-case and stemmed form (stemEnglishWord changes only -s words).
    const { lower, norm } = span.plain && text.charCodeAt(end - 1) !== 0x73 ? { lower: word, norm: word } : wordForms(word);
    const before: WordToken['before'] = prevEnd < 0 ? 'none' : wordsJoined(text, prevEnd, start) ? 'join' : 'break';
    tokens.push({ norm, lower, start, end, before });
    prevEnd = end;
  }
  return tokens;
}

/** Marks punctuation between words in a word key (words joined by spaces or hyphens are joined directly). */
export const WORD_BARRIER = '\u0001';

/**
 * The key a space-separated term is matched on: stemmed words joined without separators ("e-commerce" →
 * "ecommerce"), WORD_BARRIER where punctuation separates them ("six corridors, six routes").
 */
export function wordKey(text: string): string {
  let key = '';
  for (const t of tokenizeWords(text)) key += (t.before === 'break' ? WORD_BARRIER : '') + t.norm;
  return key;
}

/** true when the term is an acronym written in capitals (WHO, SCO, APEC): matched case-sensitively. */
export function isAcronym(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
