/**
 * Bilingual term extraction from aligned links (Chinese ↔ English).
 *
 * 1. Monolingual candidates, per link:
 *    - Chinese: sequences of 1–6 words as Intl.Segmenter (ICU dictionary) cuts them, within runs of Han/Latin
 *      characters, not starting or ending with a function word or a frequent predicate verb (lists in extract-data.ts),
 *      plus every span quoted with “…” or titled with 《…》 (a strong cue). Counted by link frequency.
 *    - English: noun-phrase-like n-grams (1–10 words) bounded by stop words and punctuation, inner words limited to
 *      of/and/for/on/the… (title-case names) or "of (the)"; capitalised sequences and acronyms; an acronym with its
 *      expansion "Regional Comprehensive Economic Partnership (RCEP)" counts as one English term.
 * 2. Association: co-occurrence counts across links, scored with the Dice coefficient (Smadja, McKeown &
 *    Hatzivassiloglou 1996) — on a corpus the main signal.
 * 3. Anchors inside a link, which decide between candidates seen once (one document): Latin strings written in both
 *    texts (APEC, 5G, G20), names whose pinyin (pinyin-pro) equals an English word (青岛 ↔ Qingdao), and, when a
 *    lexicon is given, dictionary words. An anchor inside both spans supports a pair; an anchor inside only one of
 *    them counts against it.
 * 4. Per link, competitive linking (Melamed 2000): pairs are taken best first with no two sharing text on either
 *    side. The pairs chosen are pooled over all links; a pair's score combines its mean local score, how often it
 *    was chosen and its Dice coefficient; one-to-one again over the pooled list.
 *
 * Pure and deterministic: same links, same candidates in the same order.
 */
import { pinyin } from 'pinyin-pro';
import type { Lang, Link, TermBase } from '../model/types.js';
import { isScriptioContinua, joinSentences } from '../lang/tags.js';
import { compileTermBase } from './matcher.js';
import { normalizeCharText, tokenizeWords, wordKey, type WordToken } from './normalize.js';
import { EN_INNER, EN_STOP, ZH_EDGE_STOP, ZH_END_STOP } from './extract-data.js';

export interface TermCandidate {
  /** Term in the Chinese (or other unspaced) text. */
  zh: string;
  /** Term in the English (or other spaced) text; the expansion when an acronym was written with it. */
  en: string;
  /** The acronym written with the English term, e.g. "RCEP". */
  acronym?: string;
  /** 0–1, higher is more likely a correct term pair. */
  score: number;
  /** Number of links where this pair was chosen. */
  freq: number;
  /** Ids of up to 3 links where the pair was seen. */
  examples: string[];
  /** Already in the term base (both terms in one concept). */
  known: boolean;
  /** Concept of the term base holding both terms, when known. */
  conceptId?: string;
}

/** A zh→en lexicon (the aligner's `Lexicon`): head word → stems of its gloss content words. */
export interface ExtractLexicon {
  readonly entries: Map<string, string[]>;
  readonly maxLength: number;
}

export interface ExtractOptions {
  srcLang: Lang;
  tgtLang: Lang;
  /** Marks candidates already in the term base as known (never used to score). */
  termBase?: TermBase;
  /** Keep the N best candidates (default 200; 0 = all). */
  top?: number;
  /** A pair must be chosen in at least this many links (default 1 up to 2,000 links, else 2). */
  minFreq?: number;
  lexicon?: ExtractLexicon;
  /** Skip links with status 'rejected' (default true). */
  skipRejected?: boolean;
  onProgress?: (done: number, total: number) => void;
}

// ---------------------------------------------------------------------------------------------------------------
// Candidates

interface ZhOcc {
  key: string;
  surface: string;
  start: number;
  end: number;
  cue: boolean;
  words: number;
  han: number;
  /** Bounded on the left / right by punctuation, a function word or a predicate verb (0, 0.5 or 1). */
  bound: number;
  /** Left and right neighbour characters ('' at a run edge). */
  left: string;
  right: string;
  /** Interned id of the key in the compact store of a corpus (pass 3). */
  cid?: number;
}

interface EnOcc {
  key: string;
  surface: string;
  /** Token range [t0, t1]. */
  t0: number;
  t1: number;
  start: number;
  end: number;
  title: boolean;
  acronym: boolean;
  initial: boolean;
  content: number;
  cue: boolean;
  /** Key of the expansion when this is an acronym written with one. */
  alias?: string;
  bound: number;
  left: string;
  right: string;
  /** A single word inside a longer capitalised name of the same text ("Microorganisms" in "World Data Center for Microorganisms"). */
  inTitle?: boolean;
  /** Interned id of `alias ?? key` in the compact store of a corpus (pass 3). */
  cid?: number;
}

interface Anchor {
  zs: number;
  ze: number;
  /** English token index. */
  et: number;
  /** Latin string in both texts, a name by its pinyin, a dictionary word. */
  kind: 'latin' | 'name' | 'lex';
}

const ANCHOR_KINDS: ReadonlyArray<Anchor['kind']> = ['latin', 'name', 'lex'];

interface LinkData {
  id: string;
  zhText: string;
  enText: string;
  zh: ZhOcc[];
  en: EnOcc[];
  anchors: Anchor[];
}

/** Up to this many links, candidates are kept in memory between passes; above it, a corpus (pass 1 can run on worker threads). */
export const STORE_LIMIT = 5000;
/** Distinct candidates counted before lossy pruning. */
const MAX_KEYS = 400_000;
/** Candidate pairs counted before lossy pruning. */
const MAX_PAIRS = 1_500_000;
const MAX_POOLED = 300_000;
/** Candidates per side and link whose pairs are counted (the most frequent ones). */
const MAX_PAIRED = 40;
/** Candidates per side and link scored against each other (long links of a corpus). */
const MAX_LOCAL = 40;
const PAIR_BASE = 1 << 22;
/** Distinct strings interned for the compact store of a corpus before it is given up (pass 2 then recomputes); < 2^22: pass 3 keys a pair by its two string ids, z · 2^22 + e. */
const MAX_INTERNED = 4_000_000;
const MAX_ZH_WORDS = 6;
const MAX_ZH_CHARS = 16;
const MAX_EN_WORDS = 10;
const MAX_LOWER_EN_WORDS = 4;

function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isTermChar(c: number): boolean {
  return isHan(c) || isAsciiAlnum(c) || c === 0xb7;
}

let segmenter: Intl.Segmenter | undefined;
function zhSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

const pinyinCache = new Map<string, string[]>();
/** Toneless pinyin of each character of a word (in context: 厦门 → xia men); '' for non-Han characters. */
function pinyinOfWord(word: string): string[] {
  let p = pinyinCache.get(word);
  if (!p) {
    const out = pinyin(word, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
    p = out.length === word.length ? out.map((s, i) => (isHan(word.charCodeAt(i)) ? s.toLowerCase() : '')) : [...word].map(() => '');
    if (pinyinCache.size > 200_000) pinyinCache.clear();
    pinyinCache.set(word, p);
  }
  return p;
}

const CUE_RE = /[“"「『]([^”"」』\n]{2,30})[”"」』]|《([^》\n]{2,40})》/g;

/** Chinese candidates of one link text, and the per-character pinyin and Latin runs used for anchors. */
/**
 * Word lengths of the ICU segmentation of a text, recorded by one pass and replayed by a later one (the segmentation
 * is most of the cost of the Chinese candidates): `record` collects them, else `replay[pos…]` gives them.
 */
interface SegmentTape {
  record?: IntList<Int32Array>;
  replay?: Int32Array;
  pos: number;
}

/** End of the run of term characters that starts at i (a '-' between two term characters stays inside the run). */
function termRunEnd(norm: string, i: number): number {
  let j = i;
  while (j < norm.length && (isTermChar(norm.charCodeAt(j)) || (norm[j] === '-' && j + 1 < norm.length && isTermChar(norm.charCodeAt(j + 1)) && j > i))) j++;
  return j;
}

/** A segmented word's pinyin, one syllable per character from ws, or the word as a Latin run (lower-case letters/digits). */
function noteWordSounds(ws: number, w: string, syllables: string[], latin: Array<[number, number, string]>): void {
  if (isHan(w.charCodeAt(0))) {
    const p = pinyinOfWord(w);
    for (let k = 0; k < p.length; k++) syllables[ws + k] = p[k];
  } else if (/^[a-z0-9]+$/.test(w) && /[a-z]/.test(w)) latin.push([ws, ws + w.length, w]);
}

function chineseCandidates(text: string, withPinyin = true, tape?: SegmentTape): { occ: ZhOcc[]; syllables: string[]; latin: Array<[number, number, string]> } {
  const norm = normalizeCharText(text);
  const occ: ZhOcc[] = [];
  const syllables: string[] = new Array(text.length).fill('');
  const latin: Array<[number, number, string]> = [];
  const seg = zhSegmenter();
  let i = 0;
  while (i < norm.length) {
    if (!isTermChar(norm.charCodeAt(i))) {
      i++;
      continue;
    }
    const j = termRunEnd(norm, i);
    const run = norm.slice(i, j);
    const words: Array<[number, number, string]> = [];
    if (tape?.replay) {
      for (let p = i; p < j; ) {
        const len = tape.replay[tape.pos++];
        words.push([p, p + len, norm.slice(p, p + len)]);
        p += len;
      }
    } else {
      for (const s of seg.segment(run)) {
        words.push([i + s.index, i + s.index + s.segment.length, s.segment]);
        tape?.record?.push(s.segment.length);
      }
    }
    if (withPinyin) for (const [ws, , w] of words) noteWordSounds(ws, w, syllables, latin);
    // What each word is, looked up once (the loops below test every word for every candidate start). ICU cuts
    // words it does not know into single characters (亚太|经|合|组织, 金|砖|国家): a candidate may not start or end
    // inside such a chain (no 合组织, 砖国家, 亚太经).
    const nw = words.length;
    /** 1 function word (ZH_EDGE_STOP), 2 predicate/locative at the end (ZH_END_STOP), 4 '-', 8 的/之 (stops a candidate), 16 contains 的. */
    const kind = new Uint8Array(nw);
    const single = new Uint8Array(nw);
    const hanOf = new Int32Array(nw);
    /** 1 has a digit, 2 has another ASCII letter or digit. */
    const alnum = new Uint8Array(nw);
    for (let b = 0; b < nw; b++) {
      const w = words[b][2];
      const edge = ZH_EDGE_STOP.has(w);
      kind[b] = (edge ? 1 : 0) | (ZH_END_STOP.has(w) ? 2 : 0) | (w === '-' ? 4 : 0) | (w === '的' || w === '之' ? 8 : 0) | (w.includes('的') ? 16 : 0);
      single[b] = w.length === 1 && isHan(w.charCodeAt(0)) && !edge ? 1 : 0;
      let han = 0;
      let flags = 0;
      for (let k = 0; k < w.length; k++) {
        const c = w.charCodeAt(k);
        if (isHan(c)) han++;
        else if (c >= 48 && c <= 57) flags |= 1;
        else if (isAsciiAlnum(c)) flags |= 2;
      }
      hanOf[b] = han;
      alnum[b] = flags;
    }
    for (let a = 0; a < nw; a++) {
      if (kind[a] & 5) continue;
      if (a > 0 && single[a] && single[a - 1]) continue;
      let han = 0;
      let flags = 0;
      let hasDe = false;
      for (let b = a; b < nw && b - a < MAX_ZH_WORDS; b++) {
        if (kind[b] & 8) break;
        han += hanOf[b];
        flags |= alnum[b];
        if (kind[b] & 16) hasDe = true;
        const start = words[a][0];
        const end = words[b][1];
        if (end - start > MAX_ZH_CHARS) break;
        if (kind[b] & 7) continue;
        if (han < 2 || (flags & 1 && !(flags & 2))) continue;
        if (b + 1 < nw && single[b] && single[b + 1]) continue;
        // A candidate never spans 的 (目的 included).
        if (hasDe) break;
        const key = norm.slice(start, end);
        const lb = a === 0 || kind[a - 1] & 1 ? 1 : 0;
        const rb = b === nw - 1 || kind[b + 1] & 3 ? 1 : 0;
        occ.push({
          key,
          surface: text.slice(start, end),
          start,
          end,
          cue: false,
          words: b - a + 1,
          han,
          bound: (lb + rb) / 2,
          left: lb ? '' : norm[start - 1],
          right: rb ? '' : norm[end],
        });
      }
    }
    i = j;
  }
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(text); m; m = CUE_RE.exec(text)) {
    const inner = m[1] ?? m[2];
    const start = m.index + 1;
    const end = start + inner.length;
    if (/[。，,；;！？!?：:]/.test(inner)) continue;
    let han = 0;
    for (let k = 0; k < inner.length; k++) if (isHan(inner.charCodeAt(k))) han++;
    if (han < 2) continue;
    const key = norm.slice(start, end).replace(/\s+/g, '');
    const existing = occ.find((o) => o.start === start && o.end === end);
    if (existing) existing.cue = true;
    else occ.push({ key, surface: inner, start, end, cue: true, words: 2, han, bound: 1, left: '', right: '' });
  }
  return { occ, syllables, latin };
}

/** Content words of an English term, a hyphenated compound counting as one ("cross-border logistics" → 2). */
function spacedWords(s: string): number {
  let n = 0;
  for (const w of s.split(/\s+/)) {
    if (!w || EN_INNER.has(w.toLowerCase())) continue;
    n += 1 + 0.5 * (w.split(/[-‐‑]/).filter(Boolean).length - 1);
  }
  return Math.max(1, n);
}

function isCapitalised(s: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(s);
}

function isAcronymToken(s: string): boolean {
  return /^(?=[A-Z0-9&]*[A-Z])[A-Z0-9&]{2,}(?:s)?$/.test(s) && /[A-Z].*[A-Z0-9]|[0-9][A-Z]/.test(s);
}

/** English candidates of one link text. */
function englishCandidates(text: string, tokens: WordToken[]): EnOcc[] {
  const out: EnOcc[] = [];
  const n = tokens.length;
  const surf = tokens.map((t) => text.slice(t.start, t.end));
  const lower = tokens.map((t) => t.lower);
  const isNum = surf.map((s) => /^\p{N}+(?:st|nd|rd|th)?$/u.test(s));
  const possessive = surf.map((s) => /['’]s$/.test(s));
  const cap = surf.map((s) => isCapitalised(s));
  const initial = tokens.map((t, k) => {
    if (k === 0) return true;
    const gap = text.slice(tokens[k - 1].end, t.start);
    return /[.!?:]\s*["“(]?\s*$/.test(gap) || /^\s*[(（]?\d+[)）]\s*$/.test(gap);
  });
  /** The word next to a candidate that could extend it ('' when a stop word or punctuation bounds it); inner words are skipped. */
  const neighbour = (k: number, dir: -1 | 1): string => {
    let m = k;
    for (;;) {
      if ((dir < 0 && (m === 0 || tokens[m].before === 'break')) || (dir > 0 && (m === n - 1 || tokens[m + 1].before === 'break'))) return '';
      m += dir;
      if (EN_INNER.has(lower[m])) continue;
      return EN_STOP.has(lower[m]) ? '' : lower[m];
    }
  };
  for (let i = 0; i < n; i++) {
    const first = lower[i];
    if (EN_STOP.has(first) || EN_INNER.has(first) || isNum[i] || possessive[i]) continue;
    const verbish = !cap[i] && first.length > 4 && /(?:ly|ed)$/.test(first);
    let inner = 0;
    let innerOfOnly = true;
    let content = 0;
    for (let j = i; j < n && j - i < MAX_EN_WORDS; j++) {
      if (j > i && tokens[j].before === 'break') break;
      const w = lower[j];
      if (possessive[j] && j > i) break;
      const isInner = EN_INNER.has(w);
      if (isInner) {
        inner++;
        if (w !== 'of' && !(w === 'the' && lower[j - 1] === 'of')) innerOfOnly = false;
        continue;
      }
      if (EN_STOP.has(w)) break;
      content++;
      if (isNum[j] && !cap[i]) break;
      if (isNum[j]) continue;
      if (verbish && j > i) break;
      if (!cap[i] && /ing$/.test(first) && first.length > 5 && j > i) break;
      const span = [i, j] as const;
      let title = true;
      for (let k = span[0]; k <= span[1]; k++) if (!EN_INNER.has(lower[k]) && !cap[k]) title = false;
      if (inner > 0 && !title && !innerOfOnly) continue;
      if (!title && content > MAX_LOWER_EN_WORDS) break;
      if (content === 1 && j === i && !cap[i] && first.length < 3) continue;
      const start = tokens[i].start;
      const end = tokens[j].end;
      const surface = text.slice(start, end);
      const acronym = i === j && isAcronymToken(surf[i]);
      const lb = i === 0 || tokens[i].before === 'break' || EN_STOP.has(lower[i - 1]) || EN_INNER.has(lower[i - 1]) ? 1 : 0;
      const rb = j === n - 1 || tokens[j + 1].before === 'break' || EN_STOP.has(lower[j + 1]) || EN_INNER.has(lower[j + 1]) ? 1 : 0;
      out.push({
        key: wordKey(surface),
        surface,
        t0: i,
        t1: j,
        start,
        end,
        title: title && !(initial[i] && i === j),
        acronym,
        initial: initial[i],
        content: spacedWords(surface),
        cue: false,
        bound: (lb + rb) / 2,
        left: neighbour(i, -1),
        right: neighbour(j, 1),
      });
    }
  }
  // Acronyms written after their expansion: "Regional Comprehensive Economic Partnership (RCEP)".
  const ACR = /\(([A-Z][A-Za-z0-9&]*[A-Z0-9])\)/g;
  for (let m = ACR.exec(text); m; m = ACR.exec(text)) {
    const acr = m[1];
    const letters = acr.replace(/[^A-Za-z]/g, '').toUpperCase();
    if (letters.length < 2) continue;
    let endTok = -1;
    for (let k = 0; k < n; k++) if (tokens[k].end <= m.index) endTok = k;
    if (endTok < 0) continue;
    // Walk back over space-separated words (hyphenated compounds count as one word), matching initials.
    let initials = '';
    let k = endTok;
    let found = -1;
    while (k >= 0 && endTok - k < 14) {
      let w0 = k;
      while (w0 > 0 && /^[-‐‑]$/.test(text.slice(tokens[w0 - 1].end, tokens[w0].start))) w0--;
      const word = lower[w0];
      if (!EN_INNER.has(word)) initials = surf[w0][0].toUpperCase() + initials;
      if (initials === letters) {
        found = w0;
        break;
      }
      if (initials.length >= letters.length || !letters.endsWith(initials)) break;
      if (w0 > 0 && tokens[w0].before === 'break') break;
      k = w0 - 1;
    }
    if (found < 0) continue;
    const start = tokens[found].start;
    const end = tokens[endTok].end;
    const surface = text.slice(start, end);
    const key = wordKey(surface);
    let exp = out.find((o) => o.start === start && o.end === end);
    if (!exp) {
      exp = { key, surface, t0: found, t1: endTok, start, end, title: true, acronym: false, initial: initial[found], content: letters.length, cue: true, bound: 1, left: '', right: '' };
      out.push(exp);
    } else exp.cue = true;
    const acrTok = tokens.findIndex((t) => t.start === m!.index + 1);
    const acrOcc = out.find((o) => o.t0 === acrTok && o.t1 === acrTok);
    if (acrOcc) acrOcc.alias = key;
  }
  for (const o of out) {
    if (o.t0 === o.t1 && !o.acronym) o.inTitle = out.some((t) => t.title && t.content >= 2 && t.t0 <= o.t0 && t.t1 >= o.t1);
  }
  // Quoted English spans (“the digital economy”) are cues too.
  const Q = /[“"]([^”"]{3,60})[”"]/g;
  for (let m = Q.exec(text); m; m = Q.exec(text)) {
    const s = m.index + 1;
    const e = s + m[1].length;
    for (const o of out) if (o.start >= s && o.end <= e && (o.start === s || EN_STOP.has(text.slice(s, o.start).trim().toLowerCase())) && o.end === e) o.cue = true;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Anchors

function anchorsOf(zhText: string, syllables: string[], latin: Array<[number, number, string]>, enText: string, tokens: WordToken[], lexicon: ExtractLexicon | undefined): Anchor[] {
  const anchors: Anchor[] = [];
  const lowerToks = tokens.map((t) => t.lower);
  // Latin strings in both texts.
  for (const [zs, ze, w] of latin) {
    for (let t = 0; t < tokens.length; t++) if (lowerToks[t] === w || tokens[t].norm === w) anchors.push({ zs, ze, et: t, kind: 'latin' });
  }
  // Names: an English word equal to the pinyin of 2–4 consecutive Han characters.
  const names = new Map<string, number[]>();
  tokens.forEach((t, k) => {
    const w = t.lower;
    if (w.length >= 4 && /^[a-z]+$/.test(w) && /^\p{Lu}/u.test(enText.slice(t.start, t.end))) {
      const list = names.get(w);
      if (list) list.push(k);
      else names.set(w, [k]);
    }
  });
  if (names.size) {
    for (let s = 0; s < syllables.length; s++) {
      if (!syllables[s]) continue;
      let acc = '';
      for (let e = s; e < syllables.length && e - s < 4 && syllables[e]; e++) {
        acc += syllables[e];
        if (e > s) {
          const ks = names.get(acc);
          if (ks) for (const k of ks) anchors.push({ zs: s, ze: e + 1, et: k, kind: 'name' });
        }
      }
    }
  }
  // Dictionary words (forward longest match of head words, gloss stems against English words).
  if (lexicon) {
    const norm = normalizeCharText(zhText);
    const maxL = Math.min(lexicon.maxLength, 8);
    let i = 0;
    while (i < norm.length) {
      let found = 0;
      let gloss: string[] | undefined;
      for (let l = Math.min(maxL, norm.length - i); l >= 2; l--) {
        gloss = lexicon.entries.get(norm.slice(i, i + l));
        if (gloss) {
          found = l;
          break;
        }
      }
      if (!found) {
        gloss = lexicon.entries.get(norm[i]);
        found = gloss ? 1 : 0;
      }
      if (found && gloss) {
        for (let t = 0; t < tokens.length; t++) {
          const w = lowerToks[t];
          // A hyphenated compound is compared whole too ("cross-border" against the gloss "cross-border").
          const joined = t + 1 < tokens.length && /^[-‐‑]$/.test(enText.slice(tokens[t].end, tokens[t + 1].start)) ? w + lowerToks[t + 1] : '';
          if (!joined && (w.length < 2 || EN_STOP.has(w))) continue;
          for (const g of gloss) {
            if (g.includes('-')) {
              if (joined && stemMatch(joined, g.replace(/-/g, ''))) {
                anchors.push({ zs: i, ze: i + found, et: t, kind: 'lex' }, { zs: i, ze: i + found, et: t + 1, kind: 'lex' });
                break;
              }
            } else if (w.length >= 2 && !EN_STOP.has(w) && stemMatch(w, g)) {
              anchors.push({ zs: i, ze: i + found, et: t, kind: 'lex' });
              break;
            }
          }
        }
        i += found;
      } else i++;
    }
  }
  return anchors;
}

/** An English word against a gloss stem (stems are cut at 7 letters: "logisti", "e-comme"). */
function stemMatch(word: string, stem: string): boolean {
  if (stem.length < 2) return false;
  if (word === stem) return true;
  if (stem.length === 3) return word.startsWith(stem) && /^(?:s|es|ed|ing|ment|ments|er|ers)$/.test(word.slice(3));
  const n = Math.min(stem.length, 6);
  return n >= 4 && word.length >= n && word.slice(0, n) === stem.slice(0, n);
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring

/** A growable typed array. */
class IntList<T extends Int32Array | Uint8Array> {
  length = 0;
  constructor(public data: T) {}
  /** Drops the spare capacity (the store is kept through pass 3). */
  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, this.length) as T;
  }
  push(v: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = v;
  }
  private reserve(n: number): void {
    if (this.length + n <= this.data.length) return;
    const next = new (this.data.constructor as new (n: number) => T)(Math.max(16, this.data.length * 2, this.length + n));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  pushAll(src: ArrayLike<number>): void {
    this.reserve(src.length);
    this.data.set(src, this.length);
    this.length += src.length;
  }
  /** Pushes src[i] → map[src[i]] (-1 stays -1). */
  pushMapped(src: ArrayLike<number>, map: Int32Array): void {
    this.reserve(src.length);
    for (let i = 0; i < src.length; i++) this.data[this.length++] = src[i] < 0 ? src[i] : map[src[i]];
  }
  /** Pushes the offsets of a list that starts at 0 (its first entry left out), shifted by base. */
  pushShifted(src: ArrayLike<number>, base: number): void {
    this.reserve(src.length);
    for (let i = 1; i < src.length; i++) this.data[this.length++] = src[i] + base;
  }
}

/** What pass 2 needs of each link of a corpus, as interned string ids in typed arrays (offsets per link). */
class CompactLinks {
  readonly ids = new Map<string, number>();
  readonly strings: string[] = [];
  readonly zOff = new IntList(new Int32Array(1024));
  readonly zKey = new IntList(new Int32Array(1 << 16));
  readonly zLeft = new IntList(new Int32Array(1 << 16));
  readonly zRight = new IntList(new Int32Array(1 << 16));
  readonly zCue = new IntList(new Uint8Array(1 << 16));
  /** What pass 3 needs to rebuild an occurrence without segmenting the link again. */
  readonly zStart = new IntList(new Int32Array(1 << 16));
  readonly zEnd = new IntList(new Int32Array(1 << 16));
  readonly zWords = new IntList(new Uint8Array(1 << 16));
  readonly zHan = new IntList(new Uint8Array(1 << 16));
  /** bound × 2. */
  readonly zBound = new IntList(new Uint8Array(1 << 16));
  readonly eOff = new IntList(new Int32Array(1024));
  readonly eKey = new IntList(new Int32Array(1 << 16));
  readonly eAlias = new IntList(new Int32Array(1 << 16));
  /** The surface of an acronym or of an occurrence with an alias (-1 otherwise). */
  readonly eSurf = new IntList(new Int32Array(1 << 16));
  /** 1 cue, 2 acronym, 4 title, 8 initial, 16 inTitle. */
  readonly eFlags = new IntList(new Uint8Array(1 << 16));
  readonly eT0 = new IntList(new Int32Array(1 << 16));
  readonly eT1 = new IntList(new Int32Array(1 << 16));
  readonly eStart = new IntList(new Int32Array(1 << 16));
  readonly eEnd = new IntList(new Int32Array(1 << 16));
  /** content × 2 (content words count hyphenated parts as halves). */
  readonly eContent = new IntList(new Int32Array(1 << 16));
  /** bound × 2. */
  readonly eBound = new IntList(new Uint8Array(1 << 16));
  readonly eLeft = new IntList(new Int32Array(1 << 16));
  readonly eRight = new IntList(new Int32Array(1 << 16));
  /** The anchors of each link (offsets per link): Chinese span, English token, kind (index in ANCHOR_KINDS). */
  readonly aOff = new IntList(new Int32Array(1024));
  readonly aZs = new IntList(new Int32Array(1 << 16));
  readonly aZe = new IntList(new Int32Array(1 << 16));
  readonly aEt = new IntList(new Int32Array(1 << 16));
  readonly aKind = new IntList(new Uint8Array(1 << 16));

  constructor() {
    this.zOff.push(0);
    this.eOff.push(0);
    this.aOff.push(0);
  }

  /** Number of links stored. */
  get links(): number {
    return this.zOff.length - 1;
  }

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(s, id);
      this.strings.push(s);
    }
    return id;
  }

  /** Drops the spare capacity of every list once pass 1 is done. */
  trim(): void {
    for (const list of Object.values(this)) if (list instanceof IntList) list.trim();
  }

  add(d: LinkData): void {
    for (const o of d.zh) {
      this.zKey.push(this.id(o.key));
      this.zLeft.push(this.id(o.left));
      this.zRight.push(this.id(o.right));
      this.zCue.push(o.cue ? 1 : 0);
      this.zStart.push(o.start);
      this.zEnd.push(o.end);
      this.zWords.push(Math.min(255, o.words));
      this.zHan.push(Math.min(255, o.han));
      this.zBound.push(o.bound * 2);
    }
    this.zOff.push(this.zKey.length);
    for (const o of d.en) {
      this.eKey.push(this.id(o.key));
      this.eAlias.push(o.alias === undefined ? -1 : this.id(o.alias));
      this.eSurf.push(o.acronym || o.alias !== undefined ? this.id(o.surface) : -1);
      this.eFlags.push((o.cue ? 1 : 0) | (o.acronym ? 2 : 0) | (o.title ? 4 : 0) | (o.initial ? 8 : 0) | (o.inTitle ? 16 : 0));
      this.eT0.push(o.t0);
      this.eT1.push(o.t1);
      this.eStart.push(o.start);
      this.eEnd.push(o.end);
      this.eContent.push(o.content * 2);
      this.eBound.push(o.bound * 2);
      this.eLeft.push(this.id(o.left));
      this.eRight.push(this.id(o.right));
    }
    this.eOff.push(this.eKey.length);
    for (const a of d.anchors) {
      this.aZs.push(a.zs);
      this.aZe.push(a.ze);
      this.aEt.push(a.et);
      this.aKind.push(ANCHOR_KINDS.indexOf(a.kind));
    }
    this.aOff.push(this.aZs.length);
  }

  /** The store as transferable parts: the strings end to end, and each list trimmed to its length. */
  pack(): PackedLinks {
    this.trim();
    const ends = new Int32Array(this.strings.length);
    let n = 0;
    for (let i = 0; i < ends.length; i++) ends[i] = n += this.strings[i].length;
    const lists: Record<string, Int32Array | Uint8Array> = {};
    for (const [name, list] of Object.entries(this)) if (list instanceof IntList) lists[name] = list.data;
    return { text: this.strings.join(''), ends, lists };
  }

  /**
   * Appends the links of a packed store: its strings interned here in their order (so that appending the stores of
   * consecutive ranges of links gives the ids, lists and offsets one store of all of them would have).
   */
  append(p: PackedLinks): void {
    const remap = new Int32Array(p.ends.length);
    for (let i = 0, from = 0; i < remap.length; i++) {
      remap[i] = this.id(p.text.slice(from, p.ends[i]));
      from = p.ends[i];
    }
    const zBase = this.zKey.length;
    const eBase = this.eKey.length;
    const aBase = this.aZs.length;
    for (const [name, data] of Object.entries(p.lists)) {
      const list = (this as unknown as Record<string, IntList<Int32Array | Uint8Array>>)[name];
      if (!(list instanceof IntList)) throw new Error(`CompactLinks.append: unknown list ${name}`);
      if (ID_LISTS.has(name)) list.pushMapped(data, remap);
      else if (name === 'zOff') list.pushShifted(data, zBase);
      else if (name === 'eOff') list.pushShifted(data, eBase);
      else if (name === 'aOff') list.pushShifted(data, aBase);
      else list.pushAll(data);
    }
  }
}

/** Lists of CompactLinks that hold string ids (-1: none). */
const ID_LISTS = new Set(['zKey', 'zLeft', 'zRight', 'eKey', 'eAlias', 'eSurf', 'eLeft', 'eRight']);

/** The candidates of a range of links as pass 1 stores them (see `analyzeLinks`): plain typed arrays and one string. */
export interface PackedLinks {
  /** The interned strings end to end; `ends[i]` is where string i ends. */
  text: string;
  ends: Int32Array;
  lists: Record<string, Int32Array | Uint8Array>;
}

/**
 * Counts of (zh id, en id) pairs: an open-addressing hash table (linear probing) over typed arrays, instead of a Map
 * with float keys (z · 2^22 + e is no small integer: every get/set hashed a heap number).
 */
class PairCounts {
  size = 0;
  private mask: number;
  /** Slots of three ints (z, e, count) side by side: one cache line per probe. */
  private table: Int32Array;
  /** The table of before the last prune, reused by the next. */
  private spare: Int32Array | undefined;

  constructor(bound: number) {
    let cap = 1024;
    while (cap < bound * 2.5) cap *= 2;
    this.mask = cap - 1;
    this.table = new Int32Array(cap * 3);
  }

  /** Offset of the slot of (z, e) in `table`: its own, or the empty one where it goes. */
  private slot(z: number, e: number): number {
    let h = Math.imul(z, 0x9e3779b1) ^ Math.imul(e + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    const t = this.table;
    let i = h & this.mask;
    while (t[i * 3 + 2] !== 0 && (t[i * 3] !== z || t[i * 3 + 1] !== e)) i = (i + 1) & this.mask;
    return i * 3;
  }

  add(z: number, e: number): void {
    const o = this.slot(z, e);
    const t = this.table;
    if (t[o + 2] === 0) {
      t[o] = z;
      t[o + 1] = e;
      this.size++;
    }
    t[o + 2]++;
  }

  /** The count, 0 when not counted. */
  get(z: number, e: number): number {
    return this.table[this.slot(z, e) + 2];
  }

  /**
   * The counts by Chinese id (compressed sparse rows, each row sorted by English id), for the lookups of pass 3: the
   * English candidates of a link are looked up in one short row instead of one random slot each of a table of tens of
   * MB (a cache miss per pair).
   */
  rows(zhCount: number): PairRows {
    const t = this.table;
    const start = new Int32Array(zhCount + 1);
    for (let i = 2; i < t.length; i += 3) if (t[i] > 0) start[t[i - 2] + 1]++;
    for (let z = 0; z < zhCount; z++) start[z + 1] += start[z];
    const fill = start.slice(0, zhCount);
    // English id × 2^31 + count: exact in a float64 (ids < 2^22), sorted by id within each row.
    const packed = new Float64Array(this.size);
    for (let i = 2; i < t.length; i += 3) if (t[i] > 0) packed[fill[t[i - 2]]++] = t[i - 1] * 2147483648 + t[i];
    const cols = new Int32Array(this.size);
    const counts = new Int32Array(this.size);
    for (let z = 0; z < zhCount; z++) {
      const row = packed.subarray(start[z], start[z + 1]);
      if (row.length > 1) row.sort();
      for (let k = start[z]; k < start[z + 1]; k++) {
        const v = packed[k];
        const e = Math.floor(v / 2147483648);
        cols[k] = e;
        counts[k] = v - e * 2147483648;
      }
    }
    return { start, cols, counts };
  }

  /** Frees the table (the counts are no longer needed, or held as rows). */
  release(): void {
    this.spare = undefined;
    this.table = new Int32Array(3);
    this.mask = 0;
    this.size = 0;
  }

  /** Lossy counting as `prune`: drop counts below a rising threshold (2, 4, 8…) until at most half the bound remain. */
  prune(bound: number): void {
    const old = this.table;
    // The threshold from one histogram of ⌊log2 count⌋ (count ≥ 2^m ⟺ ⌊log2 count⌋ ≥ m) instead of a scan per try.
    const hist = new Float64Array(33);
    for (let i = 2; i < old.length; i += 3) if (old[i] > 0) hist[31 - Math.clz32(old[i])]++;
    let m = 1;
    let kept = 0;
    for (let k = 1; k < 33; k++) kept += hist[k];
    while (kept > bound / 2) {
      kept -= hist[m];
      m++;
    }
    const t = 2 ** m;
    // The table before the last prune is reused (cleared) rather than a new one allocated: no fresh pages to fault in.
    this.table = this.spare?.length === old.length ? this.spare.fill(0) : new Int32Array(old.length);
    this.spare = old;
    this.size = 0;
    for (let i = 0; i < old.length; i += 3) {
      if (old[i + 2] < t) continue;
      const o = this.slot(old[i], old[i + 1]);
      this.table[o] = old[i];
      this.table[o + 1] = old[i + 1];
      this.table[o + 2] = old[i + 2];
      this.size++;
    }
  }
}

/** Pair counts by Chinese id: row z is cols/counts[start[z] … start[z + 1]), English ids ascending. */
interface PairRows {
  start: Int32Array;
  cols: Int32Array;
  counts: Int32Array;
}

/** The count of (row z, English id e) by binary search in the row; 0 when not counted. */
function rowCount(r: PairRows, z: number, e: number): number {
  let lo = r.start[z];
  let hi = r.start[z + 1] - 1;
  const cols = r.cols;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cols[mid];
    if (c < e) lo = mid + 1;
    else if (c > e) hi = mid - 1;
    else return r.counts[mid];
  }
  return 0;
}

/** Lossy counting: drop the rarest entries (count below a rising threshold) until the map is half its bound. */
function prune<K>(map: Map<K, number>, bound: number): void {
  for (let t = 2; map.size > bound / 2; t *= 2) {
    for (const [k, f] of map) if (f < t) map.delete(k);
  }
}

/** A long link of a corpus: keep the candidates most likely to matter (cues, names, frequent, well bounded). */
function trimLink(d: LinkData, zhFreq: Map<string, number>, enFreq: Map<string, number>): LinkData {
  if (d.zh.length <= MAX_LOCAL && d.en.length <= MAX_LOCAL) return d;
  const rank = <T extends { cue: boolean; bound: number; key: string }>(list: T[], freq: Map<string, number>): T[] => {
    if (list.length <= MAX_LOCAL) return list;
    const score = (o: T) => (o.cue ? 4 : 0) + o.bound + Math.min(3, Math.log2(freq.get(o.key) ?? 1));
    return list
      .map((o, i) => ({ o, i, s: score(o) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, MAX_LOCAL)
      .sort((a, b) => a.i - b.i)
      .map((x) => x.o);
  };
  return { ...d, zh: rank(d.zh, zhFreq), en: rank(d.en, enFreq) };
}

/**
 * `independentCount` for the many key sets of one link: the terms of a link are numbered once, the "piece of a
 * rival seen as often" relation between them computed once, and each set is a list of indices.
 */
class Rivals {
  /** Index of the distinct key of each candidate. */
  private readonly keyOf: Int32Array;
  private readonly keys: string[] = [];
  private readonly freqs: number[] = [];
  /** For each distinct key, the distinct keys it is a piece of (longer, containing it, same frequency); lazily. */
  private pieceOf: number[][] | undefined;
  private readonly stamp: Int32Array;
  private gen = 0;
  private readonly members: number[] = [];

  /** `freq`: of each candidate, as the frequency map holds it (-1 when it has none). */
  constructor(candidateKeys: readonly string[], freq: Float64Array) {
    const index = new Map<string, number>();
    this.keyOf = new Int32Array(candidateKeys.length);
    for (let i = 0; i < candidateKeys.length; i++) {
      const k = candidateKeys[i];
      let x = index.get(k);
      if (x === undefined) {
        x = this.keys.length;
        index.set(k, x);
        this.keys.push(k);
        this.freqs.push(freq[i]);
      }
      this.keyOf[i] = x;
    }
    this.stamp = new Int32Array(this.keys.length);
  }

  clear(): void {
    this.gen++;
    this.members.length = 0;
  }

  /** Adds the key of candidate i to the set. */
  add(i: number): void {
    const x = this.keyOf[i];
    if (this.stamp[x] === this.gen) return;
    this.stamp[x] = this.gen;
    this.members.push(x);
  }

  /**
   * Number of rival terms in the set that are not just pieces of another rival seen as often (经济伙伴 inside
   * 区域全面经济伙伴关系协定 is no rival of its own); every set above 40 terms counts in full.
   */
  independentCount(): number {
    const size = this.members.length;
    if (size <= 1 || size > 40) return size;
    if (!this.pieceOf) {
      const { keys, freqs } = this;
      this.pieceOf = keys.map((k, a) => {
        const list: number[] = [];
        for (let b = 0; b < keys.length; b++) if (b !== a && freqs[b] === freqs[a] && keys[b].length > k.length && keys[b].includes(k)) list.push(b);
        return list;
      });
    }
    let n = 0;
    for (const a of this.members) {
      let piece = false;
      for (const b of this.pieceOf[a]) {
        if (this.stamp[b] === this.gen) {
          piece = true;
          break;
        }
      }
      if (!piece) n++;
    }
    return n;
  }
}

/** Growable scratch arrays reused link after link (every entry a link uses is written before it is read). */
const Scratch = {
  /** buf, or a new Float64Array when it has fewer than n entries (the contents are left over from earlier links). */
  f64(buf: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
    return buf.length >= n ? buf : new Float64Array(Math.max(n, 2 * buf.length, 64));
  },
  i32(buf: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
    return buf.length >= n ? buf : new Int32Array(Math.max(n, 2 * buf.length, 64));
  },
};

/**
 * The candidate pairs of one link, side by side in typed arrays (no object per pair): score, Chinese and English
 * candidate index, and the start of each span (the tie-breaks of competitive linking).
 */
class PairList {
  n = 0;
  s = new Float64Array(256);
  zi = new Int32Array(256);
  ei = new Int32Array(256);
  zs = new Int32Array(256);
  es = new Int32Array(256);
  heap = new Int32Array(256);

  clear(): void {
    this.n = 0;
  }

  push(s: number, zi: number, ei: number, zs: number, es: number): void {
    if (this.n === this.s.length) {
      const cap = this.n * 2;
      const grow = <T extends Float64Array | Int32Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(cap);
        b.set(a);
        return b;
      };
      this.s = grow(this.s);
      this.zi = grow(this.zi);
      this.ei = grow(this.ei);
      this.zs = grow(this.zs);
      this.es = grow(this.es);
      this.heap = new Int32Array(cap);
    }
    const k = this.n++;
    this.s[k] = s;
    this.zi[k] = zi;
    this.ei[k] = ei;
    this.zs[k] = zs;
    this.es[k] = es;
  }
}

/**
 * Competitive linking (Melamed 2000): the pairs best first (score, then position of the Chinese and the English
 * term, then the order given), each taken unless its Chinese or English span overlaps a pair taken before. A binary
 * heap instead of sorting every pair, and it stops once every candidate of one side overlaps a pair taken: the same
 * pairs in the same order as sorting the whole list and scanning it. Returns the indices (in `pairs`) taken.
 */
function competitiveLinking(pairs: PairList, zh: readonly ZhOcc[], en: readonly EnOcc[]): number[] {
  const n = pairs.n;
  const chosen: number[] = [];
  if (n === 0) return chosen;
  const { s: cs, zs: czs, es: ces, heap } = pairs;
  const before = (a: number, b: number): boolean => {
    if (cs[a] !== cs[b]) return cs[a] > cs[b];
    if (czs[a] !== czs[b]) return czs[a] < czs[b];
    if (ces[a] !== ces[b]) return ces[a] < ces[b];
    return a < b;
  };
  for (let i = 0; i < n; i++) heap[i] = i;
  let size = n;
  const down = (from: number): void => {
    let i = from;
    const v = heap[i];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && before(heap[c + 1], heap[c])) c++;
      if (!before(heap[c], v)) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = v;
  };
  for (let i = (n >> 1) - 1; i >= 0; i--) down(i);
  // Candidates of each side overlapping a pair taken (blocked), and how many are still free. A pair is taken when
  // both its terms are free: the same test as "overlaps no pair taken before".
  const zBlocked = new Uint8Array(zh.length);
  const eBlocked = new Uint8Array(en.length);
  let zFree = zh.length;
  let eFree = en.length;
  while (size > 0 && zFree > 0 && eFree > 0) {
    const k = heap[0];
    heap[0] = heap[--size];
    if (size > 0) down(0);
    const zi = pairs.zi[k];
    const ei = pairs.ei[k];
    if (zBlocked[zi] || eBlocked[ei]) continue;
    chosen.push(k);
    const { start: zs, end: ze } = zh[zi];
    for (let i = 0; i < zh.length; i++) {
      if (!zBlocked[i] && zh[i].start < ze && zs < zh[i].end) {
        zBlocked[i] = 1;
        zFree--;
      }
    }
    const { start: es, end: ee } = en[ei];
    for (let i = 0; i < en.length; i++) {
      if (!eBlocked[i] && en[i].start < ee && es < en[i].end) {
        eBlocked[i] = 1;
        eFree--;
      }
    }
  }
  return chosen;
}

/**
 * Accessor variety (Feng et al. 2004) of the candidates counted in pass 2, by their id: on each side, the distinct
 * neighbours and the edges (a run edge, punctuation, a stop word: neighbour `edge`) seen, each counted up to 2 — all
 * that `unity` asks. Neighbours are numbers (string ids).
 */
class Accessors {
  private readonly seen: Uint8Array;
  private readonly first: Int32Array;
  /** Per id and side (left 2·id, right 2·id + 1): distinct neighbours (≤ 2) + edges (≤ 2). */
  private readonly distinct: Uint8Array;
  private readonly edges: Uint8Array;

  constructor(
    n: number,
    private readonly edge: number,
  ) {
    this.seen = new Uint8Array(n);
    this.first = new Int32Array(2 * n);
    this.distinct = new Uint8Array(2 * n);
    this.edges = new Uint8Array(2 * n);
  }

  add(id: number, left: number, right: number): void {
    this.seen[id] = 1;
    this.side(2 * id, left);
    this.side(2 * id + 1, right);
  }

  private side(k: number, v: number): void {
    if (v === this.edge) {
      if (this.edges[k] < 2) this.edges[k]++;
    } else if (this.distinct[k] === 0) {
      this.first[k] = v;
      this.distinct[k] = 1;
    } else if (this.distinct[k] === 1 && this.first[k] !== v) this.distinct[k] = 2;
  }

  /**
   * Is the candidate a unit? Seen twice or more with always the same neighbour on one side (互通 always after 联,
   * "Task Force" always after "Economy") it is a fragment of a longer term. Seen once: no evidence either way.
   */
  unity(id: number, freq: number): number {
    if (!this.seen[id] || freq < 2) return 1;
    const av = Math.min(this.distinct[2 * id] + this.edges[2 * id], this.distinct[2 * id + 1] + this.edges[2 * id + 1]);
    return av >= 2 ? 1 : 0.35;
  }
}

/**
 * The local score of a pair: a weighted sum of association (Dice with rivals), anchors, boundaries, length prior,
 * position, termhood on each side and cues, times the unity of each term and the everyday-word factor.
 */
function pairScore(assoc: number, anchor: number, bound: number, lengthS: number, pos: number, thz: number, the: number, cue: number, unitZ: number, unitE: number, generic: number): number {
  return (0.35 * assoc + 0.25 * anchor + 0.08 * bound + 0.1 * lengthS + 0.04 * pos + 0.06 * thz + 0.06 * the + 0.08 * cue) * unitZ * unitE * generic;
}

/** lengthScore by (Han characters, English content words × 2) for the usual sizes: the same values, computed once. */
const LENGTH_MEMO = new Float64Array(128 * 64).fill(NaN);

function lengthScore(z: ZhOcc, e: EnOcc): number {
  if (e.acronym) return z.han <= 10 ? 0.8 : 0.4;
  const c2 = e.content * 2;
  if (z.han < 128 && c2 < 64 && Number.isInteger(c2)) {
    const m = z.han * 64 + c2;
    const v = LENGTH_MEMO[m];
    if (v === v) return v;
    return (LENGTH_MEMO[m] = lengthScoreOf(z.han, e.content));
  }
  return lengthScoreOf(z.han, e.content);
}

/** Length prior: Gaussian in log2 of the Han characters per English content word, centred on 1.8. */
function lengthScoreOf(han: number, content: number): number {
  const ratio = han / Math.max(1, content);
  const d = Math.log2(ratio / 1.8);
  return Math.exp(-(d * d) / (2 * 0.8 * 0.8));
}

function zhTermhood(z: ZhOcc, freq: number): number {
  let t = z.cue ? 0.9 : z.words >= 2 ? 0.6 : z.han >= 3 ? 0.5 : 0.3;
  t += Math.min(0.3, Math.log2(1 + freq) / 10);
  return Math.min(1, t);
}

function enTermhood(e: EnOcc, freq: number): number {
  let t: number;
  if (e.cue) t = 0.9;
  else if (e.acronym) t = 0.8;
  else if (e.title && e.content >= 2) t = 0.8;
  else if (e.content >= 2) t = 0.6;
  else if (e.title) t = 0.5;
  else t = 0.3;
  t += Math.min(0.3, Math.log2(1 + freq) / 10);
  return Math.min(1, t);
}

/** Support from anchors: share of each span explained by anchors inside both, minus anchors inside only one. */
function anchorScore(z: ZhOcc, e: EnOcc, anchors: Anchor[]): number {
  if (anchors.length === 0) return 0;
  let zCovered = 0;
  const zMark = new Uint8Array(z.end - z.start);
  const eMark = new Set<number>();
  let against = 0;
  for (const a of anchors) {
    const zIn = a.zs >= z.start && a.ze <= z.end;
    const zOverlap = a.zs < z.end && a.ze > z.start;
    const eIn = a.et >= e.t0 && a.et <= e.t1;
    if (zIn && eIn) {
      for (let p = a.zs; p < a.ze; p++) zMark[p - z.start] = 1;
      eMark.add(a.et);
    } else if (zIn !== eIn && !(eIn && zOverlap)) against++;
  }
  for (const v of zMark) zCovered += v;
  const zLen = Math.max(1, z.end - z.start);
  const support = (zCovered / zLen + Math.min(1, eMark.size / Math.max(1, e.content))) / 2;
  // An acronym hides the words the Chinese term spells out: words of the term found elsewhere do not count against it.
  if (e.acronym || e.alias) return support;
  const penalty = support > 0 ? Math.min(0.5, against * 0.15) : Math.min(0.8, against * 0.4);
  return support - penalty;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Pass 1's counts from the compact store, link by link: what the loop over the candidates of each link counts (link
 * frequencies, acronyms with and without their expansion, lossy counting) by string id, then as strings in the order
 * the maps would have received them.
 */
function countCompact(c: CompactLinks, zhFreq: Map<string, number>, enFreq: Map<string, number>, expansionOf: Map<string, string>, acronymAlone: Map<string, number>): void {
  const zf = new Map<number, number>();
  const ef = new Map<number, number>();
  const exp = new Map<number, number>();
  const alone = new Map<number, number>();
  const zKey = c.zKey.data;
  const eKey = c.eKey.data;
  const eAlias = c.eAlias.data;
  const eSurf = c.eSurf.data;
  const eFlags = c.eFlags.data;
  const zOff = c.zOff.data;
  const eOff = c.eOff.data;
  /** Link in which each string was counted last (distinct keys per link). */
  const zSeen = new Int32Array(c.strings.length).fill(-1);
  const eSeen = new Int32Array(c.strings.length).fill(-1);
  for (let i = 0, n = c.links; i < n; i++) {
    for (let k = zOff[i]; k < zOff[i + 1]; k++) {
      const key = zKey[k];
      if (zSeen[key] === i) continue;
      zSeen[key] = i;
      zf.set(key, (zf.get(key) ?? 0) + 1);
    }
    for (let k = eOff[i]; k < eOff[i + 1]; k++) {
      const key = eAlias[k] >= 0 ? eAlias[k] : eKey[k];
      if (eSeen[key] === i) continue;
      eSeen[key] = i;
      ef.set(key, (ef.get(key) ?? 0) + 1);
    }
    for (let k = eOff[i]; k < eOff[i + 1]; k++) {
      if (eAlias[k] >= 0) {
        if (!exp.has(eSurf[k])) exp.set(eSurf[k], eAlias[k]);
      } else if (eFlags[k] & 2) alone.set(eSurf[k], (alone.get(eSurf[k]) ?? 0) + 1);
    }
    // Lossy counting (Manku & Motwani 2002): on a large corpus, forget candidates seen once so far.
    if (zf.size > MAX_KEYS) prune(zf, MAX_KEYS);
    if (ef.size > MAX_KEYS) prune(ef, MAX_KEYS);
  }
  const str = c.strings;
  for (const [k, f] of zf) zhFreq.set(str[k], f);
  for (const [k, f] of ef) enFreq.set(str[k], f);
  for (const [k, v] of exp) expansionOf.set(str[k], str[v]);
  for (const [k, v] of alone) acronymAlone.set(str[k], v);
}

/** Which side of the links is Chinese (or another unspaced language), and the languages. */
function sidesOf(options: Pick<ExtractOptions, 'srcLang' | 'tgtLang'>): { zhSide: 'src' | 'tgt'; enSide: 'src' | 'tgt'; zhLang: Lang; enLang: Lang } | undefined {
  const zhSide: 'src' | 'tgt' | undefined = isScriptioContinua(options.srcLang) ? 'src' : isScriptioContinua(options.tgtLang) ? 'tgt' : undefined;
  if (!zhSide) return undefined;
  return zhSide === 'src' ? { zhSide, enSide: 'tgt', zhLang: options.srcLang, enLang: options.tgtLang } : { zhSide, enSide: 'src', zhLang: options.tgtLang, enLang: options.srcLang };
}

function usableLinks(links: Link[], options: ExtractOptions, zhSide: 'src' | 'tgt', enSide: 'src' | 'tgt'): Link[] {
  const skipRejected = options.skipRejected ?? true;
  return links.filter((l) => l[zhSide].length > 0 && l[enSide].length > 0 && !(skipRejected && l.status === 'rejected'));
}

/** The candidates of one link (`full`: with the anchors, which the last pass needs); `tape` records or replays its segmentation. */
function linkCandidates(id: string, zhText: string, enText: string, full: boolean, lexicon: ExtractLexicon | undefined, tape?: SegmentTape): LinkData {
  const zc = chineseCandidates(zhText, full, tape);
  const tokens = tokenizeWords(enText);
  const en = englishCandidates(enText, tokens);
  const anchors = full ? anchorsOf(zhText, zc.syllables, zc.latin, enText, tokens, lexicon) : [];
  return { id, zhText, enText, zh: zc.occ, en, anchors };
}

/**
 * The texts term extraction reads of a corpus: the Chinese and the English text of each link it uses (in order), as
 * `analyzeLinks` takes them, and how many; undefined when no side is Chinese or the links are few enough to be
 * kept in memory (`extractTerms` then reads them itself: `analyzeLinks` is for corpora).
 */
export function extractionTexts(links: Link[], options: ExtractOptions): { zh: string[]; en: string[] } | undefined {
  const sides = sidesOf(options);
  if (!sides) return undefined;
  const usable = usableLinks(links, options, sides.zhSide, sides.enSide);
  if (usable.length <= STORE_LIMIT) return undefined;
  return {
    zh: usable.map((l) => joinSentences(l[sides.zhSide].map((s) => s.text), sides.zhLang)),
    en: usable.map((l) => joinSentences(l[sides.enSide].map((s) => s.text), sides.enLang)),
  };
}

/**
 * Pass 1 of extraction on a corpus, for a range of its links (texts from `extractionTexts`): the candidates and the
 * anchors (with `lexicon`, the options' one) of each link, packed as typed arrays and one string. `extractTermsFrom`
 * takes the packs of consecutive ranges (e.g. computed on several threads) and gives what `extractTerms` gives.
 */
export function analyzeLinks(zh: readonly string[], en: readonly string[], lexicon?: ExtractLexicon): PackedLinks {
  const c = new CompactLinks();
  for (let i = 0; i < zh.length; i++) {
    c.add(linkCandidates('', zh[i], en[i], true, lexicon));
  }
  return c.pack();
}

export function extractTerms(links: Link[], options: ExtractOptions): TermCandidate[] {
  return extract(links, options, undefined);
}

/**
 * The packs of pass 1 (`analyzeLinks`) of consecutive ranges of links, merged in order as they come: what
 * `extractTermsFrom` takes. Beyond MAX_INTERNED distinct strings it lets them go (bounded memory) and
 * `extractTermsFrom` runs pass 1 again on its own thread.
 */
export class LinkAnalysis {
  private store: CompactLinks | undefined = new CompactLinks();
  /** Links appended. */
  links = 0;

  append(p: PackedLinks): void {
    this.links += p.lists.zOff.length - 1;
    if (!this.store) return;
    this.store.append(p);
    if (this.store.strings.length > MAX_INTERNED) this.store = undefined;
  }

  /** The merged store (undefined when it grew too large); for extract only. */
  take(): CompactLinks | undefined {
    const s = this.store;
    this.store = undefined;
    return s;
  }
}

/** `extractTerms` with pass 1 done already: `analysis` holds the packs of `analyzeLinks` over consecutive ranges of `extractionTexts`. */
export function extractTermsFrom(links: Link[], options: ExtractOptions, analysis: LinkAnalysis): TermCandidate[] {
  return extract(links, options, analysis);
}

function extract(links: Link[], options: ExtractOptions, analysis: LinkAnalysis | undefined): TermCandidate[] {
  const sides = sidesOf(options);
  if (!sides) return [];
  const { zhSide, enSide, zhLang, enLang } = sides;
  const usable = usableLinks(links, options, zhSide, enSide);
  const minFreq = options.minFreq ?? (usable.length > 2000 ? 2 : 1);
  const total = usable.length;

  // Candidates of a link. Kept in memory for documents; recomputed in each pass for corpora (bounded memory).
  const store = usable.length <= STORE_LIMIT;
  const cache: Array<LinkData | undefined> = [];
  /** Above STORE_LIMIT links: the segmentation of each link by pass 1, replayed by pass 3 (offsets per link). */
  const segLens = store ? undefined : new IntList(new Int32Array(1 << 16));
  const segOff = store ? undefined : new IntList(new Int32Array(1024));
  segOff?.push(0);
  const build = (link: Link, full: boolean, tape?: SegmentTape): LinkData =>
    linkCandidates(link.id, joinSentences(link[zhSide].map((s) => s.text), zhLang), joinSentences(link[enSide].map((s) => s.text), enLang), full, options.lexicon, tape);
  /** Candidates of link i; `full` adds the anchors (pinyin, dictionary), needed only by the last pass. */
  const linkData = (i: number, full = false): LinkData => {
    if (!store) {
      if (i + 1 < segOff!.length) return build(usable[i], full, { replay: segLens!.data, pos: segOff!.data[i] });
      if (i + 1 === segOff!.length) {
        // Pass 1 (links in order) records the segmentation of the link.
        const d = build(usable[i], full, { record: segLens, pos: 0 });
        segOff!.push(segLens!.length);
        return d;
      }
      return build(usable[i], full);
    }
    return (cache[i] ??= build(usable[i], true));
  };

  // Pass 1: link frequencies of the candidates.
  const zhFreq = new Map<string, number>();
  const enFreq = new Map<string, number>();
  /** Acronym → key of its expansion, wherever the two were written together. */
  const expansionOf = new Map<string, string>();
  /** Links where an acronym was written without its expansion. */
  const acronymAlone = new Map<string, number>();
  // A corpus: what pass 2 needs of each link is stored compactly (interned ids in typed arrays) instead of computing
  // the candidates again; beyond MAX_INTERNED distinct strings pass 2 computes them again (bounded memory).
  let compact: CompactLinks | undefined;
  if (!store) {
    if (analysis) {
      if (analysis.links !== total) throw new Error(`extractTermsFrom: the analysis holds ${analysis.links} links, not ${total}`);
      compact = analysis.take();
    } else {
      const c = new CompactLinks();
      for (let i = 0; i < total && c.strings.length <= MAX_INTERNED; i++) {
        c.add(build(usable[i], true));
        if (options.onProgress && i % 500 === 0) options.onProgress(i, total * 3);
      }
      if (c.strings.length <= MAX_INTERNED) compact = c;
    }
  }
  if (compact) {
    countCompact(compact, zhFreq, enFreq, expansionOf, acronymAlone);
  }
  for (let i = 0; i < total && !compact; i++) {
    const d = linkData(i);
    for (const k of new Set(d.zh.map((o) => o.key))) zhFreq.set(k, (zhFreq.get(k) ?? 0) + 1);
    for (const k of new Set(d.en.map((o) => o.alias ?? o.key))) enFreq.set(k, (enFreq.get(k) ?? 0) + 1);
    for (const o of d.en) {
      if (o.alias && !expansionOf.has(o.surface)) expansionOf.set(o.surface, o.alias);
      else if (o.acronym && !o.alias) acronymAlone.set(o.surface, (acronymAlone.get(o.surface) ?? 0) + 1);
    }
    // Lossy counting (Manku & Motwani 2002): on a large corpus, forget candidates seen once so far.
    if (zhFreq.size > MAX_KEYS) prune(zhFreq, MAX_KEYS);
    if (enFreq.size > MAX_KEYS) prune(enFreq, MAX_KEYS);
    if (options.onProgress && i % 500 === 0) options.onProgress(i, total * 3);
  }
  compact?.trim();
  segLens?.trim();
  segOff?.trim();
  // An acronym stands for its expansion in every link, once the expansion is known.
  for (const [acr, key] of expansionOf) enFreq.set(key, (enFreq.get(key) ?? 0) + (acronymAlone.get(acr) ?? 0));
  const withAlias = (d: LinkData): LinkData => {
    for (const o of d.en) if (o.acronym && !o.alias && expansionOf.has(o.surface)) o.alias = expansionOf.get(o.surface);
    return d;
  };

  // Pass 2: co-occurrence counts of candidate pairs. Only candidates seen in two links or more need counting (a
  // candidate seen once co-occurs once with everything in its link); ids instead of strings; lossy counting bounds it.
  const zhIds = new Map<string, number>();
  const enIds = new Map<string, number>();
  for (const [k, f] of zhFreq) if (f >= 2) zhIds.set(k, zhIds.size);
  for (const [k, f] of enFreq) if (f >= 2 && enIds.size < PAIR_BASE) enIds.set(k, enIds.size);
  const pairCount = new PairCounts(MAX_PAIRS);
  const topIds = (keys: Iterable<string>, ids: Map<string, number>, freq: Map<string, number>): number[] => {
    const list: number[] = [];
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) continue;
      seen.add(k);
      const id = ids.get(k);
      if (id !== undefined) list.push(id);
    }
    if (list.length <= MAX_PAIRED) return list;
    const byFreq = [...seen].filter((k) => ids.has(k)).sort((x, y) => (freq.get(y) ?? 0) - (freq.get(x) ?? 0) || (x < y ? -1 : 1));
    return byFreq.slice(0, MAX_PAIRED).map((k) => ids.get(k)!);
  };
  // Pass 2 also gathers the neighbours (accessor variety, Feng et al. 2004) of the candidates seen twice or more:
  // only those can be shown to be fragments.
  // With the compact store: the ids of pass 2 by interned string id, and the expansion of each acronym (withAlias).
  const zhIdOf = compact ? new Int32Array(compact.strings.length).fill(-1) : new Int32Array(0);
  const enIdOf = compact ? new Int32Array(compact.strings.length).fill(-1) : new Int32Array(0);
  const expansionId = new Map<number, number>();
  /** Link frequencies by interned string id (-1: not in the map). */
  const zhFreqOf = compact ? new Int32Array(compact.strings.length).fill(-1) : new Int32Array(0);
  const enFreqOf = compact ? new Int32Array(compact.strings.length).fill(-1) : new Int32Array(0);
  if (compact) {
    const c = compact;
    for (const [k, f] of zhFreq) {
      const x = c.ids.get(k);
      if (x !== undefined) zhFreqOf[x] = f;
    }
    for (const [k, f] of enFreq) {
      const x = c.ids.get(k);
      if (x !== undefined) enFreqOf[x] = f;
    }
    for (const [k, id] of zhIds) zhIdOf[c.ids.get(k)!] = id;
    for (const [k, id] of enIds) enIdOf[c.ids.get(k)!] = id;
    for (const [acr, key] of expansionOf) {
      const a = c.ids.get(acr);
      if (a !== undefined) expansionId.set(a, c.ids.get(key)!);
    }
  }
  // Pass 2 also gathers the neighbours (accessor variety) of the candidates counted, by id; neighbours as string ids
  // ('' is the edge): those of the compact store, else numbered here.
  const neighbourIds = new Map<string, number>([['', 0]]);
  const neighbourId = (n: string): number => {
    let id = neighbourIds.get(n);
    if (id === undefined) neighbourIds.set(n, (id = neighbourIds.size));
    return id;
  };
  const zhAv = new Accessors(zhIds.size, compact ? (compact.ids.get('') ?? -1) : 0);
  const enAv = new Accessors(enIds.size, compact ? (compact.ids.get('') ?? -1) : 0);
  if (zhIds.size || enIds.size) {
    if (compact) {
      const c = compact;
      const str = c.strings;
      const zKey = c.zKey.data;
      const zLeft = c.zLeft.data;
      const zRight = c.zRight.data;
      const zCue = c.zCue.data;
      const eKey = c.eKey.data;
      const eAlias = c.eAlias.data;
      const eSurf = c.eSurf.data;
      const eFlags = c.eFlags.data;
      const eLeft = c.eLeft.data;
      const eRight = c.eRight.data;
      const zOff = c.zOff.data;
      const eOff = c.eOff.data;
      let eUseBuf = new Int32Array(64);
      /** Ids (of `ids`) of the distinct keys, in order; the MAX_PAIRED most frequent when there are more. */
      const topIdsOf = (keys: Int32Array, from: number, to: number, idOf: Int32Array, freq: Map<string, number>): number[] => {
        const list: number[] = [];
        const seen = new Set<number>();
        for (let k = from; k < to; k++) {
          const key = keys[k];
          if (seen.has(key)) continue;
          seen.add(key);
          const id = idOf[key];
          if (id >= 0) list.push(id);
        }
        if (list.length <= MAX_PAIRED) return list;
        const byFreq = [...seen].filter((k) => idOf[k] >= 0).sort((x, y) => (freq.get(str[y]) ?? 0) - (freq.get(str[x]) ?? 0) || (str[x] < str[y] ? -1 : 1));
        return byFreq.slice(0, MAX_PAIRED).map((k) => idOf[k]);
      };
      for (let i = 0; i < total; i++) {
        const z0 = zOff[i];
        const z1 = zOff[i + 1];
        const e0 = eOff[i];
        const e1 = eOff[i + 1];
        for (let k = z0; k < z1; k++) if (!zCue[k] && zhIdOf[zKey[k]] >= 0) zhAv.add(zhIdOf[zKey[k]], zLeft[k], zRight[k]);
        // English key of each occurrence: its expansion when an acronym (withAlias).
        if (eUseBuf.length < e1 - e0) eUseBuf = new Int32Array(2 * (e1 - e0));
        for (let k = e0; k < e1; k++) {
          let alias = eAlias[k];
          if (alias < 0 && eFlags[k] & 2) alias = expansionId.get(eSurf[k]) ?? -1;
          eUseBuf[k - e0] = alias >= 0 ? alias : eKey[k];
          if (!(eFlags[k] & 1) && alias < 0 && enIdOf[eKey[k]] >= 0) enAv.add(enIdOf[eKey[k]], eLeft[k], eRight[k]);
        }
        const zs = topIdsOf(zKey, z0, z1, zhIdOf, zhFreq);
        if (zs.length === 0 || enIds.size === 0) continue;
        const es = topIdsOf(eUseBuf, 0, e1 - e0, enIdOf, enFreq);
        for (const z of zs) for (const e of es) pairCount.add(z, e);
        if (pairCount.size > MAX_PAIRS) pairCount.prune(MAX_PAIRS);
        if (options.onProgress && i % 500 === 0) options.onProgress(total + i, total * 3);
      }
    }
    for (let i = 0; i < total && !compact; i++) {
      const d = withAlias(linkData(i));
      for (const o of d.zh) if (!o.cue && zhIds.has(o.key)) zhAv.add(zhIds.get(o.key)!, neighbourId(o.left), neighbourId(o.right));
      for (const o of d.en) if (!o.cue && !o.alias && enIds.has(o.key)) enAv.add(enIds.get(o.key)!, neighbourId(o.left), neighbourId(o.right));
      const zs = topIds(d.zh.map((o) => o.key), zhIds, zhFreq);
      if (zs.length === 0 || enIds.size === 0) continue;
      const es = topIds(d.en.map((o) => o.alias ?? o.key), enIds, enFreq);
      for (const z of zs) {
        for (const e of es) {
          pairCount.add(z, e);
        }
      }
      if (pairCount.size > MAX_PAIRS) pairCount.prune(MAX_PAIRS);
      if (options.onProgress && i % 500 === 0) options.onProgress(total + i, total * 3);
    }
  }

  /**
   * Pass 3's view of link i from the compact store: the occurrences pass 1 found (only those that can make a pair
   * when minFreq ≥ 2: quoted, or seen in two links or more) and the anchors it found.
   * The same LinkData as build + withAlias + that filter, without segmenting the link or listing its candidates again.
   */
  const compactLinkData = (c: CompactLinks, i: number): LinkData => {
    const link = usable[i];
    const zhText = joinSentences(link[zhSide].map((s) => s.text), zhLang);
    const enText = joinSentences(link[enSide].map((s) => s.text), enLang);
    const str = c.strings;
    const filter = minFreq >= 2;
    const zh: ZhOcc[] = [];
    for (let k = c.zOff.data[i], k1 = c.zOff.data[i + 1]; k < k1; k++) {
      const cue = c.zCue.data[k] === 1;
      const key = c.zKey.data[k];
      if (filter && !cue && zhIdOf[key] < 0) continue;
      const start = c.zStart.data[k];
      const end = c.zEnd.data[k];
      zh.push({ key: str[key], surface: zhText.slice(start, end), start, end, cue, words: c.zWords.data[k], han: c.zHan.data[k], bound: c.zBound.data[k] / 2, left: str[c.zLeft.data[k]], right: str[c.zRight.data[k]], cid: key });
    }
    const en: EnOcc[] = [];
    for (let k = c.eOff.data[i], k1 = c.eOff.data[i + 1]; k < k1; k++) {
      const flags = c.eFlags.data[k];
      let alias = c.eAlias.data[k];
      if (alias < 0 && flags & 2) alias = expansionId.get(c.eSurf.data[k]) ?? -1;
      if (filter && !(flags & 1) && enIdOf[alias >= 0 ? alias : c.eKey.data[k]] < 0) continue;
      const start = c.eStart.data[k];
      const end = c.eEnd.data[k];
      const o: EnOcc = {
        key: str[c.eKey.data[k]],
        surface: enText.slice(start, end),
        t0: c.eT0.data[k],
        t1: c.eT1.data[k],
        start,
        end,
        title: (flags & 4) !== 0,
        acronym: (flags & 2) !== 0,
        initial: (flags & 8) !== 0,
        content: c.eContent.data[k] / 2,
        cue: (flags & 1) !== 0,
        bound: c.eBound.data[k] / 2,
        left: str[c.eLeft.data[k]],
        right: str[c.eRight.data[k]],
        cid: alias >= 0 ? alias : c.eKey.data[k],
      };
      if (alias >= 0) o.alias = str[alias];
      if (flags & 16) o.inTitle = true;
      en.push(o);
    }
    const anchors: Anchor[] = [];
    for (let k = c.aOff.data[i], k1 = c.aOff.data[i + 1]; k < k1; k++) anchors.push({ zs: c.aZs.data[k], ze: c.aZe.data[k], et: c.aEt.data[k], kind: ANCHOR_KINDS[c.aKind.data[k]] });
    return { id: link.id, zhText, enText, zh, en, anchors };
  };

  // The counts as rows for pass 3; the hash table is let go.
  const pairRows = pairCount.rows(zhIds.size);
  pairCount.release();

  // Unity (accessor variety) of each candidate counted in pass 2, computed once.
  const unityZh = new Float64Array(zhIds.size);
  for (const [k, id] of zhIds) unityZh[id] = zhAv.unity(id, zhFreq.get(k) ?? 1);
  const unityEn = new Float64Array(enIds.size);
  for (const [k, id] of enIds) unityEn[id] = enAv.unity(id, enFreq.get(k) ?? 1);

  // Pass 3: local competitive linking per link.
  interface Pooled {
    zhKey: string;
    enKey: string;
    zhSurface: string;
    /** English as first written mid-sentence (a sentence-initial capital says nothing). */
    enSurface: string;
    enInitial: boolean;
    acronym?: string;
    sum: number;
    n: number;
    examples: string[];
    /** One short everyday word on each side (数据 ↔ data): a translation, seldom a term. */
    generic: boolean;
  }
  const pooled = new Map<number | string, Pooled>();
  /** Per-link arrays, reused (see Scratch). */
  const scratch = { zf: new Float64Array(0), ef: new Float64Array(0), zRaw: new Float64Array(0), eRaw: new Float64Array(0), dice: new Float64Array(0), rivalsOfE: new Float64Array(0), relE: new Float64Array(0), unitE: new Float64Array(0), thE: new Float64Array(0), zIds: new Int32Array(0), eIds: new Int32Array(0) };
  const pairs = new PairList();
  const expansionSurface = new Map<string, string>();
  for (let idx = 0; idx < total; idx++) {
    let d = compact ? compactLinkData(compact, idx) : withAlias(linkData(idx, true));
    if (minFreq >= 2 && !compact) {
      // On a corpus a pair must be found twice: candidates seen once (and not quoted) cannot make one.
      d = { ...d, zh: d.zh.filter((o) => o.cue || zhIds.has(o.key)), en: d.en.filter((o) => o.cue || enIds.has(o.alias ?? o.key)) };
    }
    d = trimLink(d, zhFreq, enFreq);
    for (const e of d.en) if (e.cue && e.title && !e.acronym && !expansionSurface.has(e.key)) expansionSurface.set(e.key, e.surface);
    pairs.clear();
    const zLen = Math.max(1, d.zhText.length);
    const eLen = Math.max(1, d.enText.length);
    // Dice of every pair of the link, and how many rivals each pair has: a pair is only as good as it is better
    // than the other pairs its terms could form here (two terms seen once in one link have Dice 1 with everything).
    const nz = d.zh.length;
    const ne = d.en.length;
    const zf = (scratch.zf = Scratch.f64(scratch.zf, nz));
    const ef = (scratch.ef = Scratch.f64(scratch.ef, ne));
    const zIds = (scratch.zIds = Scratch.i32(scratch.zIds, nz));
    const eIds = (scratch.eIds = Scratch.i32(scratch.eIds, ne));
    const enKeyOf: string[] = new Array(ne);
    /** Frequencies as the maps hold them (-1: not counted, or forgotten by lossy counting) for the rivals. */
    const zRaw = (scratch.zRaw = Scratch.f64(scratch.zRaw, nz));
    const eRaw = (scratch.eRaw = Scratch.f64(scratch.eRaw, ne));
    for (let zi = 0; zi < nz; zi++) {
      const z = d.zh[zi];
      const raw = z.cid !== undefined ? zhFreqOf[z.cid] : (zhFreq.get(z.key) ?? -1);
      zRaw[zi] = raw;
      zf[zi] = raw < 0 ? 1 : raw;
      zIds[zi] = z.cid !== undefined ? zhIdOf[z.cid] : (zhIds.get(z.key) ?? -1);
    }
    for (let ei = 0; ei < ne; ei++) {
      const e = d.en[ei];
      const k = e.alias ?? e.key;
      enKeyOf[ei] = k;
      const raw = e.cid !== undefined ? enFreqOf[e.cid] : (enFreq.get(k) ?? -1);
      eRaw[ei] = raw;
      ef[ei] = raw < 0 ? 1 : raw;
      eIds[ei] = e.cid !== undefined ? enIdOf[e.cid] : (enIds.get(k) ?? -1);
    }
    // Dice (one flat row per Chinese candidate).
    const dice = (scratch.dice = Scratch.f64(scratch.dice, nz * ne));
    for (let zi = 0; zi < nz; zi++) {
      const z = zIds[zi];
      for (let ei = 0; ei < ne; ei++) {
        const c = z < 0 || eIds[ei] < 0 ? 1 : rowCount(pairRows, z, eIds[ei]) || 1;
        dice[zi * ne + ei] = ((2 * c) / (zf[zi] + ef[ei])) * (1 - 0.5 / (1 + c));
      }
    }
    // Rivals are counted over distinct terms (a term written twice in a link is one rival): independentCount over
    // the keys tied for the best Dice, with the "piece of another rival" relation computed once per link.
    const zRivals = new Rivals(d.zh.map((z) => z.key), zRaw);
    const eRivals = new Rivals(enKeyOf, eRaw);
    const rivalsOfE = (scratch.rivalsOfE = Scratch.f64(scratch.rivalsOfE, ne));
    for (let ei = 0; ei < ne; ei++) {
      let best = 0;
      for (let zi = 0; zi < nz; zi++) if (dice[zi * ne + ei] > best) best = dice[zi * ne + ei];
      zRivals.clear();
      for (let zi = 0; zi < nz; zi++) if (dice[zi * ne + ei] >= best - 1e-9) zRivals.add(zi);
      rivalsOfE[ei] = zRivals.independentCount();
    }
    // What depends on the English candidate only.
    const relE = (scratch.relE = Scratch.f64(scratch.relE, ne));
    const unitE = (scratch.unitE = Scratch.f64(scratch.unitE, ne));
    const thE = (scratch.thE = Scratch.f64(scratch.thE, ne));
    for (let ei = 0; ei < ne; ei++) {
      const e = d.en[ei];
      relE[ei] = (e.start + e.end) / 2 / eLen;
      // A candidate without an id was never given neighbours (only those counted are): no evidence, 1.
      unitE[ei] = e.cue || e.alias ? 1 : eIds[ei] >= 0 ? unityEn[eIds[ei]] : 1;
      thE[ei] = enTermhood(e, ef[ei]);
    }
    for (let zi = 0; zi < nz; zi++) {
      const z = d.zh[zi];
      const fz = zf[zi];
      const thz = zhTermhood(z, fz);
      const unitZ = z.cue ? 1 : zIds[zi] >= 0 ? unityZh[zIds[zi]] : 1;
      const relZ = (z.start + z.end) / 2 / zLen;
      const o = zi * ne;
      let best = 0;
      for (let ei = 0; ei < ne; ei++) if (dice[o + ei] > best) best = dice[o + ei];
      eRivals.clear();
      for (let ei = 0; ei < ne; ei++) if (dice[o + ei] >= best - 1e-9) eRivals.add(ei);
      const rivalsOfZ = eRivals.independentCount();
      for (let ei = 0; ei < ne; ei++) {
        const e = d.en[ei];
        const isBest = dice[o + ei] >= best - 1e-9;
        const assoc = isBest ? dice[o + ei] / Math.sqrt(rivalsOfZ * rivalsOfE[ei]) : dice[o + ei] * 0.3;
        const pos = 1 - Math.min(1, 2 * Math.abs(relZ - relE[ei]));
        const cue = z.cue && e.cue ? 1 : z.cue && e.title ? 0.6 : z.cue || e.cue ? 0.3 : 0;
        const bound = (z.bound + e.bound) / 2;
        const lengthS = lengthScore(z, e);
        // Upper bound first (anchor score ≤ 1, generic factor ≤ 1; float sums and products are monotonic): most
        // pairs of a long link fall below the threshold without the anchor and generic tests.
        if (!(pairScore(assoc, 1, bound, lengthS, pos, thz, thE[ei], cue, unitZ, unitE[ei], 1) > 0.15)) continue;
        const s = pairScore(assoc, anchorScore(z, e, d.anchors), bound, lengthS, pos, thz, thE[ei], cue, unitZ, unitE[ei], isGeneric(z, e, d.anchors) ? 0.6 : 1);
        if (s > 0.15) pairs.push(s, zi, ei, z.start, e.start);
      }
    }
    const chosen = competitiveLinking(pairs, d.zh, d.en).map((k) => ({ z: d.zh[pairs.zi[k]], e: d.en[pairs.ei[k]], s: pairs.s[k] }));
    // Phrase pairs consistent with the chosen pairs (Och & Ney 2004 / Koehn et al. 2003 phrase extraction): a
    // candidate pair whose two spans hold the same two or more chosen pairs, and nothing else, is itself a pair
    // (《青岛宣言》 ↔ "Qingdao Declaration" from 青岛 ↔ Qingdao and 宣言 ↔ Declaration).
    const composed: Array<{ z: ZhOcc; e: EnOcc; s: number }> = [];
    if (chosen.length >= 2) {
      const signature = (start: number, end: number, side: 'z' | 'e'): { sig: string; covered: number; clean: boolean } => {
        const ids: number[] = [];
        let covered = 0;
        let clean = true;
        chosen.forEach((c, k) => {
          const sp = c[side];
          if (sp.start < end && start < sp.end) {
            if (sp.start < start || sp.end > end) clean = false;
            ids.push(k);
            covered += side === 'z' ? sp.end - sp.start : (sp as EnOcc).t1 - (sp as EnOcc).t0 + 1;
          }
        });
        return { sig: ids.join(','), covered, clean };
      };
      const bySig = new Map<string, EnOcc[]>();
      for (const e of d.en) {
        const g = signature(e.start, e.end, 'e');
        if (!g.clean || !g.sig.includes(',') || g.covered < 0.6 * (e.t1 - e.t0 + 1)) continue;
        if (!(e.cue || e.bound === 1)) continue;
        const list = bySig.get(g.sig);
        if (list) list.push(e);
        else bySig.set(g.sig, [e]);
      }
      if (bySig.size) {
        for (const z of d.zh) {
          const g = signature(z.start, z.end, 'z');
          if (!g.clean || !g.sig.includes(',') || g.covered < 0.6 * (z.end - z.start)) continue;
          if (!(z.cue || z.bound === 1)) continue;
          const es = bySig.get(g.sig);
          if (!es) continue;
          const members = g.sig.split(',').map(Number);
          const mean = members.reduce((acc, k) => acc + chosen[k].s, 0) / members.length;
          for (const e of es) {
            const bonus = (z.cue ? 0.08 : 0) + (e.cue || e.title ? 0.08 : 0) + 0.04 * ((z.bound + e.bound) / 2);
            composed.push({ z, e, s: Math.min(1, mean + bonus) });
          }
        }
      }
    }
    // Keep the largest phrase pairs only (a title, not each of its parts).
    const maximal = composed.filter(
      (c) => !composed.some((o) => o !== c && o.z.start <= c.z.start && o.z.end >= c.z.end && o.e.start <= c.e.start && o.e.end >= c.e.end && (o.z.end - o.z.start > c.z.end - c.z.start || o.e.end - o.e.start > c.e.end - c.e.start)),
    );
    // Everyday words that are part of a phrase pair found here are not pooled on their own from this link.
    const inPhrase = (c: { z: ZhOcc; e: EnOcc }) => maximal.some((m) => m.z.start <= c.z.start && m.z.end >= c.z.end && m.e.start <= c.e.start && m.e.end >= c.e.end);
    const pool = [...chosen.filter((c) => !(isGeneric(c.z, c.e, d.anchors) && inPhrase(c))), ...maximal];
    for (const c of pool) {
      const ek = c.e.alias ?? c.e.key;
      // The pair's key: its two string ids from the compact store (< 2^22 each: MAX_INTERNED), else the two strings.
      const pk = c.z.cid !== undefined && c.e.cid !== undefined ? c.z.cid * PAIR_BASE + c.e.cid : c.z.key + '\u0000' + ek;
      let p = pooled.get(pk);
      if (!p) {
        p = { zhKey: c.z.key, enKey: ek, zhSurface: c.z.surface, enSurface: '', enInitial: true, sum: 0, n: 0, examples: [], generic: isGeneric(c.z, c.e, d.anchors) };
        pooled.set(pk, p);
      }
      p.sum += c.s;
      p.n++;
      if (p.examples.length < 3 && !p.examples.includes(d.id)) p.examples.push(d.id);
      if (c.e.alias) p.acronym = c.e.surface;
      else if (!p.enSurface || (p.enInitial && !c.e.initial)) {
        p.enSurface = displayEnglish(c.e);
        p.enInitial = c.e.initial;
      }
    }
    if (pooled.size > MAX_POOLED) {
      for (let t = 2; pooled.size > MAX_POOLED / 2; t *= 2) for (const [k, p] of pooled) if (p.n < t) pooled.delete(k);
    }
    if (options.onProgress && idx % 500 === 0) options.onProgress(2 * total + idx, total * 3);
  }

  // Pool, score, one-to-one.
  const ranked = [...pooled.values()]
    .filter((p) => p.n >= minFreq)
    .map((p) => {
      const fz = zhFreq.get(p.zhKey) ?? 1;
      const fe = enFreq.get(p.enKey) ?? 1;
      const dice = (2 * p.n) / (fz + fe);
      const mean = p.sum / p.n;
      const raw = 0.6 * mean + 0.25 * dice + 0.15 * Math.min(1, Math.log2(1 + p.n) / 3);
      const score = Math.max(0, Math.min(1, p.generic ? raw * 0.75 : raw));
      return { p, score };
    })
    .sort((a, b) => b.score - a.score || b.p.n - a.p.n || (a.p.zhKey < b.p.zhKey ? -1 : a.p.zhKey > b.p.zhKey ? 1 : 0) || (a.p.enKey < b.p.enKey ? -1 : 1));
  const acronymOf = new Map<string, string>();
  for (const [acr, key] of expansionOf) if (!acronymOf.has(key)) acronymOf.set(key, acr);
  const zTaken = new Set<string>();
  const eTaken = new Set<string>();
  const matcher = options.termBase ? compileTermBase(options.termBase) : undefined;
  const out: TermCandidate[] = [];
  const top = options.top ?? 200;
  for (const { p, score } of ranked) {
    if (zTaken.has(p.zhKey) || eTaken.has(p.enKey)) continue;
    zTaken.add(p.zhKey);
    eTaken.add(p.enKey);
    const zh = p.zhSurface;
    const en = p.enSurface || (expansionSurface.get(p.enKey) ?? p.acronym ?? p.enKey);
    const cand: TermCandidate = { zh, en, score: Math.round(score * 1000) / 1000, freq: p.n, examples: p.examples, known: false };
    const acronym = p.acronym ?? acronymOf.get(p.enKey);
    if (acronym && acronym !== en) cand.acronym = acronym;
    if (matcher) {
      const zc = new Set(matcher.lookup(zh, zhLang).map((x) => x.conceptId));
      const hit = [...matcher.lookup(en, enLang), ...(cand.acronym ? matcher.lookup(cand.acronym, enLang) : [])].find((x) => zc.has(x.conceptId));
      if (hit) {
        cand.known = true;
        cand.conceptId = hit.conceptId;
      }
    }
    out.push(cand);
    if (top > 0 && out.length >= top) break;
  }
  options.onProgress?.(total * 3, total * 3);
  return out;
}

/** One everyday word on each side (数据 ↔ data, 宣言 ↔ Declaration inside a title): a translation, seldom a term; names are not generic. */
function isGeneric(z: ZhOcc, e: EnOcc, anchors: Anchor[]): boolean {
  if (z.cue || e.cue || e.acronym || z.words > 1 || z.han > 3 || e.content > 1) return false;
  if (anchors.some((a) => a.kind === 'name' && a.et === e.t0 && a.zs >= z.start && a.ze <= z.end)) return false;
  return e.inTitle === true || !/^\p{Lu}/u.test(e.surface) || e.initial;
}


/** An English term as a glossary shows it: a sentence-initial capital is lowered unless the term is a name. */
function displayEnglish(e: EnOcc): string {
  if (e.initial && !e.title && e.content >= 1) {
    const words = e.surface.split(/[\s-]+/);
    const restLower = words.slice(1).every((w) => !/^\p{Lu}/u.test(w));
    if (restLower && !/^[A-Z0-9]{2,}/.test(words[0]) && words[0].length > 1) return e.surface[0].toLowerCase() + e.surface.slice(1);
  }
  return e.surface;
}
