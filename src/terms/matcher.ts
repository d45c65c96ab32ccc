/**
 * Finding the terms of a term base in text.
 *
 * - Chinese/Japanese (scriptio continua): matched on characters with whitespace ignored, traditional and simplified
 *   treated as one (OpenCC 't' → 'cn'), full-width ASCII as half-width, Latin case-insensitive. A term that starts or
 *   ends with a Latin letter or digit must not continue a Latin word or number ("5G" is not found in "15G").
 * - English and other space-separated languages: matched on words, case-insensitive, plural and possessive folded
 *   (port/ports, policy/policies, China's), hyphen/space variants as one ("e-commerce" = "e commerce" = "ecommerce"),
 *   whole words only; derivations stay different ("digitalize" ≠ "digitalization"). Acronyms written in capitals
 *   (WHO, SCO) only match capitals.
 * - Exact matching is one Aho–Corasick automaton per language over the normalised text.
 * - Optional fuzzy fallback: windows of the text compared with terms sharing their first or last characters by
 *   Levenshtein ratio (1 − distance / longer length, fast-levenshtein), reported with `fuzzy: true`.
 */
import levenshtein from 'fast-levenshtein';
import type { Concept, Lang, Term, TermBase } from '../model/types.js';
import { isScriptioContinua, primaryLanguage } from '../lang/tags.js';
import { AhoCorasick } from './ahocorasick.js';
import { termKeyCache } from './termbase.js';
import { foldCharUnit, isAcronym, nextWord, normalizeCharText, tokenizeWords, wordForms, wordKey, wordsJoined, type WordSpan, WORD_BARRIER as BARRIER, type WordToken } from './normalize.js';

export interface TermMatch {
  conceptId: string;
  term: Term;
  /** [start, end) in UTF-16 code units of the text given to `find`. */
  start: number;
  end: number;
  fuzzy: boolean;
  /** 1 for an exact (normalised) match, the Levenshtein ratio for a fuzzy one. */
  score: number;
  /** The matched text as it appears in the input. */
  text: string;
}

export interface FindOptions {
  /** Return every match, nested and overlapping ones included (default: leftmost-longest, no overlaps). */
  overlapping?: boolean;
  /** Override the compiled fuzzy setting for this call. */
  fuzzy?: boolean | number;
}

export interface TermMatcher {
  find(text: string, lang: Lang, options?: FindOptions): TermMatch[];
  /** Concepts by id. */
  concepts: Map<string, Concept>;
  /** Concepts having a term equal (after normalisation) to `text` in `lang`. */
  lookup(text: string, lang: Lang): Array<{ conceptId: string; term: Term }>;
  /** Number of distinct normalised term keys compiled. */
  size: number;
}

export interface CompileOptions {
  /** true: fuzzy fallback with ratio ≥ 0.85; a number: that minimum ratio (0–1). Default off. */
  fuzzy?: boolean | number;
}

interface Entry {
  conceptId: string;
  term: Term;
  acronym: boolean;
}

interface KeyInfo {
  key: string;
  entries: Entry[];
  /** Some entry is an acronym (matched only when written in capitals). */
  hasAcronym?: boolean;
}

interface LangIndex {
  mode: 'chars' | 'words';
  ac: AhoCorasick;
  keys: KeyInfo[];
  byKey: Map<string, number>;
  /** Fuzzy candidate index, built on first fuzzy use: first/last 2–3 characters of each key → key ids. */
  prefix?: Map<string, number[]>;
  suffix?: Map<string, number[]>;
  /** Words of the longest term (word mode), set with the fuzzy index. */
  maxWords: number;
}

const DEFAULT_FUZZY = 0.85;
const FUZZY_MIN_KEY = 6;

function fuzzyThreshold(f: boolean | number | undefined): number {
  if (f === undefined || f === false) return 0;
  if (f === true) return DEFAULT_FUZZY;
  return Math.min(0.999, Math.max(0.5, f));
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

/** A lower-case ASCII letter: then the text is not an acronym in capitals (`isAcronym` is false), no regex needed. */
function hasAsciiLower(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 0x200b;
}

/** Normalised text without whitespace, and the original offset of each kept code unit. */
function compactChars(text: string): { s: string; map: Int32Array } {
  const norm = normalizeCharText(text);
  const map = new Int32Array(norm.length);
  let s = '';
  let n = 0;
  for (let i = 0; i < norm.length; i++) {
    if (isSpace(norm.charCodeAt(i))) continue;
    s += norm[i];
    map[n++] = i;
  }
  return { s, map: map.subarray(0, n) };
}

// Reused buffers of the fast paths (the matcher is synchronous, so one set serves every call).
let codeBuf = new Uint16Array(1024);
let mapBuf = new Int32Array(1024);
let tokBuf = new Int32Array(256);
const BARRIER_CODE = BARRIER.charCodeAt(0);

function ensureBuffers(n: number): void {
  if (codeBuf.length >= n) return;
  let size = codeBuf.length;
  while (size < n) size *= 2;
  codeBuf = new Uint16Array(size);
  mapBuf = new Int32Array(size);
}

/**
 * `compactChars` into the reused buffers, folding one code unit at a time (`foldCharUnit`): returns the number of kept
 * code units, or -1 when the text has a surrogate pair (then the string path is taken).
 */
function compactCharsInto(text: string): number {
  ensureBuffers(text.length);
  const codes = codeBuf;
  const map = mapBuf;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return -1;
    const f = c < 0x41 ? c : foldCharUnit(c);
    if (isSpace(f)) continue;
    codes[n] = f;
    map[n++] = i;
  }
  return n;
}

function charKey(text: string): string {
  return compactChars(text).s;
}

/** Word stream: stemmed words joined, a barrier where punctuation separates words. */
function wordStream(tokens: WordToken[]): { s: string; tokStart: Int32Array; tokEnd: Int32Array; posTok: Int32Array } {
  const parts: string[] = [];
  const tokStart = new Int32Array(tokens.length);
  const tokEnd = new Int32Array(tokens.length);
  let len = 0;
  for (let t = 0; t < tokens.length; t++) {
    if (tokens[t].before === 'break') {
      parts.push(BARRIER);
      len++;
    }
    tokStart[t] = len;
    parts.push(tokens[t].norm);
    len += tokens[t].norm.length;
    tokEnd[t] = len;
  }
  const posTok = new Int32Array(len + 1).fill(-1);
  for (let t = 0; t < tokens.length; t++) for (let p = tokStart[t]; p < tokEnd[t]; p++) posTok[p] = t;
  return { s: parts.join(''), tokStart, tokEnd, posTok };
}

// The word stream of `findWordsExact`, built in one pass over the text into reused typed arrays.
/** Per token: its offsets in the text, [start, end) ×2. */
let tokText = new Int32Array(256);
/** The word scanner's output, reused. */
const span: WordSpan = { start: 0, end: 0, plain: false, amp: false };

/**
 * `tokenizeWords` (same scanner, same word classes) writing the word stream of `findWordsExact` straight into the
 * reused buffers, with no token objects and no string for a plain word (a–z and 0–9, not ending in "s": its own
 * stemmed form): `codeBuf` holds the stemmed words with BARRIER_CODE where punctuation separates two, `mapBuf` the
 * token of each stream unit (-1 at a barrier), `tokBuf` each token's [start, end) in the stream, `tokText` its
 * [start, end) in the text. Returns the number of tokens; `streamLength` is set to the stream's length. A test
 * checks it against `tokenizeWords`.
 */
let streamLength = 0;
export function wordStreamInto(text: string): number {
  const n = text.length;
  // A stemmed word is never longer than its surface, and a barrier comes with at least one separator unit.
  ensureBuffers(n + 1);
  if (tokBuf.length < n + 2) tokBuf = new Int32Array(2 * n + 2);
  if (tokText.length < n + 2) tokText = new Int32Array(2 * n + 2);
  let codes = codeBuf;
  let posTok = mapBuf;
  const tok = tokBuf;
  const tt = tokText;
  let t = 0;
  let len = 0;
  let prevEnd = -1;
  for (let i = 0; nextWord(text, i, span); i = span.end) {
    const { start, end, plain, amp } = span;
    if (prevEnd >= 0 && !wordsJoined(text, prevEnd, start)) {
      codes[len] = BARRIER_CODE;
      posTok[len++] = -1;
    }
    tok[2 * t] = len;
    tt[2 * t] = start;
    tt[2 * t + 1] = end;
    if (plain && text.charCodeAt(end - 1) !== 0x73) {
      for (let j = start; j < end; j++) {
        codes[len] = text.charCodeAt(j);
        posTok[len++] = t;
      }
    } else {
      const norm = wordForms(amp ? '&' : text.slice(start, end)).norm;
      // "&" → "and" is the one stemmed form longer than its surface.
      if (len + norm.length + 2 > codes.length) {
        growStream(len + norm.length + 2 + (n - end));
        codes = codeBuf;
        posTok = mapBuf;
      }
      for (let j = 0; j < norm.length; j++) {
        codes[len] = norm.charCodeAt(j);
        posTok[len++] = t;
      }
    }
    tok[2 * t + 1] = len;
    t++;
    prevEnd = end;
  }
  streamLength = len;
  return t;
}

/** Grow the stream buffers keeping their contents. */
function growStream(n: number): void {
  let size = codeBuf.length;
  while (size < n) size *= 2;
  const c = new Uint16Array(size);
  c.set(codeBuf);
  codeBuf = c;
  const m = new Int32Array(size);
  m.set(mapBuf);
  mapBuf = m;
}

/** The last `wordStreamInto`'s stream, tokens and offsets (for the test). */
export function lastWordStream(tokens: number): { stream: string; posTok: number[]; tok: number[]; text: number[] } {
  return { stream: String.fromCharCode(...codeBuf.subarray(0, streamLength)), posTok: [...mapBuf.subarray(0, streamLength)], tok: [...tokBuf.subarray(0, 2 * tokens)], text: [...tokText.subarray(0, 2 * tokens)] };
}

/** Capital letters where the acronym is: "SMEs" and "WTO's" count as capitals, "who" does not. */
function writtenInCapitals(surface: string): boolean {
  const core = surface.replace(/(?:['’]s|s)$/u, '');
  const letters = core.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

function ratio(a: string, b: string): number {
  const m = Math.max(a.length, b.length);
  if (m === 0) return 1;
  return 1 - levenshtein.get(a, b) / m;
}

interface Span {
  start: number;
  end: number;
  key: number;
  fuzzy: boolean;
  score: number;
  /** Subset of the key's entries that apply here (acronym entries dropped when the text is not in capitals). */
  entries?: Entry[];
}

/** Leftmost-longest selection of non-overlapping spans (exact before fuzzy at equal extent). */
function selectNonOverlapping(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || Number(a.fuzzy) - Number(b.fuzzy) || b.score - a.score);
  const out: Span[] = [];
  let lastEnd = -1;
  for (const s of sorted) {
    if (s.start < lastEnd) continue;
    out.push(s);
    lastEnd = s.end;
  }
  return out;
}

export function compileTermBase(termBase: TermBase, options: CompileOptions = {}): TermMatcher {
  const concepts = new Map<string, Concept>();
  const indexes = new Map<string, LangIndex>();
  const defaultFuzzy = fuzzyThreshold(options.fuzzy);

  const indexFor = (lang: string): LangIndex => {
    let idx = indexes.get(lang);
    if (!idx) {
      idx = { mode: isScriptioContinua(lang) ? 'chars' : 'words', ac: new AhoCorasick(), keys: [], byKey: new Map(), maxWords: 1 };
      indexes.set(lang, idx);
    }
    return idx;
  };

  for (const concept of termBase.concepts) {
    if (!concepts.has(concept.id)) concepts.set(concept.id, concept);
    for (const term of concept.terms) {
      const text = term.text.trim();
      if (!text) continue;
      const idx = indexFor(primaryLanguage(term.lang));
      const cached = text === term.text ? termKeyCache.get(term) : undefined;
      const key = cached ?? (idx.mode === 'chars' ? charKey(text) : wordKey(text));
      if (!key) continue;
      const entry: Entry = { conceptId: concept.id, term, acronym: idx.mode === 'words' && !hasAsciiLower(text) && isAcronym(text) };
      let k = idx.byKey.get(key);
      if (k === undefined) {
        k = idx.keys.length;
        idx.keys.push({ key, entries: [] });
        idx.byKey.set(key, k);
        idx.ac.add(key);
      }
      const list = idx.keys[k].entries;
      if (!list.some((e) => e.conceptId === entry.conceptId && e.term === entry.term)) {
        list.push(entry);
        if (entry.acronym) idx.keys[k].hasAcronym = true;
      }
    }
  }
  for (const idx of indexes.values()) idx.ac.build();

  const buildFuzzyIndex = (idx: LangIndex) => {
    if (idx.prefix) return;
    // Words of the longest term (word mode), counted here rather than for every term at compile time: only the
    // fuzzy windows need it. A key's first entry is the term that created it.
    if (idx.mode === 'words') for (const k of idx.keys) idx.maxWords = Math.max(idx.maxWords, tokenizeWords(k.entries[0].term.text.trim()).length);
    idx.prefix = new Map();
    idx.suffix = new Map();
    const n = idx.mode === 'chars' ? 2 : 3;
    idx.keys.forEach((k, i) => {
      if (k.key.length < FUZZY_MIN_KEY) return;
      const p = k.key.slice(0, n);
      const s = k.key.slice(-n);
      (idx.prefix!.get(p) ?? idx.prefix!.set(p, []).get(p)!).push(i);
      (idx.suffix!.get(s) ?? idx.suffix!.set(s, []).get(s)!).push(i);
    });
  };

  const toMatches = (spans: Span[], idx: LangIndex, text: string): TermMatch[] => {
    const out: TermMatch[] = [];
    for (const s of spans) {
      for (const e of s.entries ?? idx.keys[s.key].entries) {
        out.push({ conceptId: e.conceptId, term: e.term, start: s.start, end: s.end, fuzzy: s.fuzzy, score: s.score, text: text.slice(s.start, s.end) });
      }
    }
    return out;
  };

  const findChars = (idx: LangIndex, text: string, threshold: number, overlapping: boolean): TermMatch[] => {
    if (threshold === 0) {
      const n = compactCharsInto(text);
      if (n >= 0) {
        const hits = idx.ac.scan(codeBuf, n);
        const map = mapBuf;
        const spans: Span[] = [];
        for (let h = 0; h < hits.count; h++) {
          const start = map[hits.start[h]];
          const end = map[hits.end[h] - 1] + 1;
          if (isAsciiAlnum(text.charCodeAt(start)) && start > 0 && isAsciiAlnum(text.charCodeAt(start - 1))) continue;
          if (isAsciiAlnum(text.charCodeAt(end - 1)) && end < text.length && isAsciiAlnum(text.charCodeAt(end))) continue;
          spans.push({ start, end, key: hits.pattern[h], fuzzy: false, score: 1 });
        }
        if (spans.length === 0) return [];
        return toMatches(overlapping ? spans.sort((a, b) => a.start - b.start || b.end - a.end) : selectNonOverlapping(spans), idx, text);
      }
    }
    const { s, map } = compactChars(text);
    const spans: Span[] = [];
    const covered = threshold > 0 ? new Uint8Array(s.length + 1) : undefined;
    for (const h of idx.ac.search(s)) {
      const start = map[h.start];
      const end = map[h.end - 1] + 1;
      // Latin/digit edges must not continue a Latin word or a number.
      if (isAsciiAlnum(text.charCodeAt(start)) && start > 0 && isAsciiAlnum(text.charCodeAt(start - 1))) continue;
      if (isAsciiAlnum(text.charCodeAt(end - 1)) && end < text.length && isAsciiAlnum(text.charCodeAt(end))) continue;
      spans.push({ start, end, key: h.pattern, fuzzy: false, score: 1 });
      if (covered) covered.fill(1, h.start, h.end);
    }
    if (covered && idx.keys.length > 0) {
      buildFuzzyIndex(idx);
      const fuzzySpans: Span[] = [];
      const tryWindow = (a: number, b: number, k: number) => {
        if (a < 0 || b > s.length || b - a < 2) return;
        for (let p = a; p < b; p++) if (covered[p]) return;
        const key = idx.keys[k].key;
        const r = ratio(s.slice(a, b), key);
        if (r >= threshold && r < 1) fuzzySpans.push({ start: map[a], end: map[b - 1] + 1, key: k, fuzzy: true, score: r });
      };
      for (let i = 0; i + 2 <= s.length; i++) {
        for (const k of idx.prefix!.get(s.slice(i, i + 2)) ?? []) {
          const L = idx.keys[k].key.length;
          for (let d = -1; d <= 1; d++) tryWindow(i, i + L + d, k);
        }
        for (const k of idx.suffix!.get(s.slice(i, i + 2)) ?? []) {
          const L = idx.keys[k].key.length;
          for (let d = -1; d <= 1; d++) tryWindow(i + 2 - (L + d), i + 2, k);
        }
      }
      spans.push(...bestFuzzy(fuzzySpans));
    }
    return toMatches(overlapping ? spans.sort((a, b) => a.start - b.start || b.end - a.end) : selectNonOverlapping(spans), idx, text);
  };

  const findWords = (idx: LangIndex, text: string, threshold: number, overlapping: boolean): TermMatch[] => {
    if (threshold === 0) return findWordsExact(idx, text, overlapping);
    const tokens = tokenizeWords(text);
    if (tokens.length === 0) return [];
    const { s, tokStart, tokEnd, posTok } = wordStream(tokens);
    const spans: Span[] = [];
    const covered = threshold > 0 ? new Uint8Array(tokens.length) : undefined;
    for (const h of idx.ac.search(s)) {
      const t1 = posTok[h.start];
      const t2 = posTok[h.end - 1];
      if (t1 < 0 || t2 < 0 || tokStart[t1] !== h.start || tokEnd[t2] !== h.end) continue;
      const start = tokens[t1].start;
      const end = tokens[t2].end;
      const info = idx.keys[h.pattern];
      const surface = text.slice(start, end);
      const capsOk = writtenInCapitals(surface);
      const entries = info.entries.filter((e) => !e.acronym || capsOk);
      if (entries.length === 0) continue;
      spans.push({ start, end, key: h.pattern, fuzzy: false, score: 1, ...(entries.length < info.entries.length ? { entries } : {}) });
      if (covered) covered.fill(1, t1, t2 + 1);
    }
    if (covered && idx.keys.length > 0) {
      buildFuzzyIndex(idx);
      const fuzzySpans: Span[] = [];
      const maxW = idx.maxWords + 1;
      for (let i = 0; i < tokens.length; i++) {
        let key = '';
        for (let j = i; j < tokens.length && j - i < maxW; j++) {
          if (covered[j] || (j > i && tokens[j].before === 'break')) break;
          key += tokens[j].norm;
          const cands = new Set<number>([...(idx.prefix!.get(key.slice(0, 3)) ?? []), ...(idx.suffix!.get(key.slice(-3)) ?? [])]);
          for (const k of cands) {
            const info = idx.keys[k];
            if (Math.abs(info.key.length - key.length) > Math.ceil(info.key.length * (1 - threshold))) continue;
            const r = ratio(key, info.key);
            if (r >= threshold && r < 1 && !info.entries.every((e) => e.acronym)) {
              fuzzySpans.push({ start: tokens[i].start, end: tokens[j].end, key: k, fuzzy: true, score: r });
            }
          }
        }
      }
      spans.push(...bestFuzzy(fuzzySpans));
    }
    return toMatches(overlapping ? spans.sort((a, b) => a.start - b.start || b.end - a.end) : selectNonOverlapping(spans), idx, text);
  };

  /** `findWords` without fuzzy matching: the word stream is written into the reused buffers (`wordStreamInto`). */
  const findWordsExact = (idx: LangIndex, text: string, overlapping: boolean): TermMatch[] => {
    if (wordStreamInto(text) === 0) return [];
    const n = streamLength;
    const codes = codeBuf;
    const posTok = mapBuf;
    const tok = tokBuf;
    const tt = tokText;
    const hits = idx.ac.scan(codes, n);
    const spans: Span[] = [];
    for (let h = 0; h < hits.count; h++) {
      const hs = hits.start[h];
      const he = hits.end[h];
      const t1 = posTok[hs];
      const t2 = posTok[he - 1];
      if (t1 < 0 || t2 < 0 || tok[2 * t1] !== hs || tok[2 * t2 + 1] !== he) continue;
      const start = tt[2 * t1];
      const end = tt[2 * t2 + 1];
      const info = idx.keys[hits.pattern[h]];
      let entries = info.entries;
      if (info.hasAcronym) {
        const capsOk = writtenInCapitals(text.slice(start, end));
        entries = info.entries.filter((e) => !e.acronym || capsOk);
        if (entries.length === 0) continue;
      }
      const span: Span = { start, end, key: hits.pattern[h], fuzzy: false, score: 1 };
      if (entries.length < info.entries.length) span.entries = entries;
      spans.push(span);
    }
    if (spans.length === 0) return [];
    return toMatches(overlapping ? spans.sort((a, b) => a.start - b.start || b.end - a.end) : selectNonOverlapping(spans), idx, text);
  };

  let size = 0;
  for (const idx of indexes.values()) size += idx.keys.length;
  // The language tag → index lookup, remembered for the tags seen (a checker asks with the same two tags every time).
  const byTag = new Map<Lang, LangIndex | undefined>();
  const indexOf = (lang: Lang): LangIndex | undefined => {
    if (byTag.has(lang)) return byTag.get(lang);
    const idx = indexes.get(primaryLanguage(lang));
    if (byTag.size < 64) byTag.set(lang, idx);
    return idx;
  };

  return {
    concepts,
    size,
    find(text: string, lang: Lang, opts: FindOptions = {}): TermMatch[] {
      const idx = indexOf(lang);
      if (!idx || !text) return [];
      const threshold = opts.fuzzy !== undefined ? fuzzyThreshold(opts.fuzzy) : defaultFuzzy;
      const overlapping = opts.overlapping ?? false;
      return idx.mode === 'chars' ? findChars(idx, text, threshold, overlapping) : findWords(idx, text, threshold, overlapping);
    },
    lookup(text: string, lang: Lang) {
      const idx = indexes.get(primaryLanguage(lang));
      if (!idx) return [];
      const key = idx.mode === 'chars' ? charKey(text.trim()) : wordKey(text);
      const k = idx.byKey.get(key);
      if (k === undefined) return [];
      return idx.keys[k].entries.map((e) => ({ conceptId: e.conceptId, term: e.term }));
    },
  };
}

/** Among overlapping fuzzy candidates keep the best-scoring ones (greedy, highest ratio first, then longest). */
function bestFuzzy(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Span[] = [];
  for (const s of sorted) {
    if (kept.some((k) => s.start < k.end && k.start < s.end)) continue;
    kept.push(s);
  }
  return kept;
}
