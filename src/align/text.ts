/**
 * Text features for alignment: word tokens, light stemming, number anchors and character lengths, per language.
 * Language knowledge (stop words, number words) is data in langdata.ts; this file only reads it.
 */
import { primaryLanguage, isScriptioContinua } from '../lang/tags.js';
import { STOPWORDS, NUMBER_WORDS, ORDINAL_WORDS } from './langdata.js';

/** Characters counted for the length model: letters, digits and CJK, no spaces or punctuation. */
export function lengthOf(text: string, maxChars = 20000): number {
  let n = 0;
  const end = Math.min(text.length, maxChars * 2);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32) continue;
    if (c < 128 && !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) continue;
    if (c >= 0x3000 && c <= 0x303f) continue; // CJK punctuation
    if (c >= 0xff00 && c <= 0xff0f) continue; // full-width punctuation
    if (c >= 0x2010 && c <= 0x206f) continue; // general punctuation (dashes, quotes)
    n++;
  }
  if (text.length > end) n = Math.round((n * text.length) / end);
  return n;
}

const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}\p{N}'’-]*|\p{N}+(?:[.,]\p{N}+)*/gu;

/** Lower-cased word tokens of a space-separated language (bounded by `maxChars`). */
export function words(text: string, maxChars = 4000): string[] {
  const t = text.length > maxChars ? text.slice(0, maxChars) : text;
  return t.match(WORD_RE) ?? [];
}

/**
 * Light suffix stripping for English (a Porter-like "s-stemmer" plus -ed/-ing/-ly): enough to meet dictionary
 * glosses ("built" stays, "countries" → "countri"); for other languages a prefix of 6 letters, which also serves as
 * the cognate key (normalised prefix match, as in Simard, Foster & Isabelle 1992's 4-gram cognates).
 */
export function stem(word: string, lang: string): string {
  let w = word.toLowerCase().replace(/[’']s$/, '').replace(/['’]/g, '');
  w = stripAccents(w);
  if (lang === 'en') {
    if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
    else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
    else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
    if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
    else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
    else if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
    if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
    return w.length > 7 ? w.slice(0, 7) : w;
  }
  return w.length > 6 ? w.slice(0, 6) : w;
}

export function stripAccents(w: string): string {
  return /[^\x00-\x7f]/.test(w) ? w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss') : w;
}

export function isStopword(word: string, lang: string): boolean {
  const set = STOPWORDS[lang];
  return set ? set.has(word.toLowerCase()) : word.length <= 2;
}

export function langKey(tag: string): string {
  return primaryLanguage(tag);
}

export { isScriptioContinua };

// ---------------------------------------------------------------------------------------------------------------
// Number anchors (internal interface: value strings, so that 2016 ↔ 2016年, 23 ↔ 二十三, 14th ↔ 第十四 meet).

/**
 * Per UTF-16 unit, its code as a Chinese numeral character: a digit's value + 1 (1–10: 零〇一二两三四五六七八九), a unit's
 * index + 11 in ZH_UNIT_VALUES (11–15: 十百千万亿), 0 for any other character.
 */
const ZH_NUMERAL = (() => {
  const t = new Uint8Array(65536);
  for (const [c, v] of [['零', 0], ['〇', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9]] as const) t[c.charCodeAt(0)] = v + 1;
  [...'十百千万亿'].forEach((c, k) => (t[c.charCodeAt(0)] = 11 + k));
  return t;
})();
const ZH_UNIT_VALUES = [10, 100, 1000, 1e4, 1e8];

/**
 * Value of a Chinese numeral string (二十三 → 23, 两千 → 2000, 二〇一六 → 2016), or undefined. Read by character
 * codes from two tables (no string per character: it runs for every numeral of a Chinese text).
 */
export function zhNumeralValue(s: string): number | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  // digits only (二〇一六): positional, as the decimal string of the digits reads (kept as a string beyond 15 digits,
  // where sums of powers of ten would round differently)
  let digitsOnly = n > 1;
  for (let q = 0; q < n && digitsOnly; q++) {
    const code = ZH_NUMERAL[s.charCodeAt(q)];
    if (code === 0 || code > 10) digitsOnly = false;
  }
  if (digitsOnly) {
    if (n > 15) {
      let str = '';
      for (let q = 0; q < n; q++) str += ZH_NUMERAL[s.charCodeAt(q)] - 1;
      return Number(str);
    }
    let v = 0;
    for (let q = 0; q < n; q++) v = v * 10 + (ZH_NUMERAL[s.charCodeAt(q)] - 1);
    return v;
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  for (let q = 0; q < n; q++) {
    const code = ZH_NUMERAL[s.charCodeAt(q)];
    if (code === 0) return undefined;
    if (code <= 10) digit = code - 1;
    else {
      const u = ZH_UNIT_VALUES[code - 11];
      if (u >= 1e4) {
        section = (section + (digit > 0 ? digit : 0)) * u;
        total += section;
        section = 0;
      } else section += (digit < 0 ? 1 : digit) * u;
      digit = -1;
    }
  }
  return total + section + (digit > 0 ? digit : 0);
}

/** Per UTF-16 unit: 1 for the numeral characters that are left out alone (一 万 千 百 亿). */
const ZH_LONE_UNIT = (() => {
  const t = new Uint8Array(65536);
  for (const c of '一万千百亿') t[c.charCodeAt(0)] = 1;
  return t;
})();


/**
 * Number mentions of a sentence as normalised value strings. Chinese: Arabic digits and Chinese numerals (a lone
 * 一 is left out: it is mostly the article "a"); English: digits, number words, ordinals (11th, eleventh).
 * `wordsOfText`: the words of `text` when the caller has them already (same result).
 */
export function numberValues(text: string, lang: string, wordsOfText?: readonly string[]): string[] {
  const out: string[] = [];
  numberValuesInto(text, lang, out, wordsOfText);
  return out;
}

/** `numberValues`, appended to `out`. */
export function numberValuesInto(text: string, lang: string, out: string[], wordsOfText?: readonly string[]): void {
  const t = text.length > 4000 ? text.slice(0, 4000) : text;
  digitValues(t, out);
  if (lang === 'zh') {
    // the runs of numeral characters (the matches of /[零〇一二两三四五六七八九十百千万亿]+/g), by a scan of codes
    const n = t.length;
    for (let i = 0; i < n; i++) {
      if (!ZH_NUMERAL[t.charCodeAt(i)]) continue;
      let k = i + 1;
      while (k < n && ZH_NUMERAL[t.charCodeAt(k)]) k++;
      if (k > i + 1 || !ZH_LONE_UNIT[t.charCodeAt(i)]) {
        const v = zhNumeralValue(t.slice(i, k));
        if (v !== undefined && v > 0) out.push(String(v));
      }
      i = k;
    }
  } else {
    if (hasNumberWords(lang)) for (const w of wordsOfText ?? words(t)) wordNumberValues(w, lang, out);
  }
}

/** Values of the digit runs of a text (2,016 → 2016), appended to `out`. */
export function digitValues(t: string, out: string[]): void {
  // most sentences have no digit: one scan instead of a match iterator
  if (!/\d/.test(t)) return;
  for (const m of t.matchAll(/\d[\d,，]*(?:\.\d+)?/g)) {
    const raw = m[0].replace(/[,，]/g, '');
    const v = Number(raw);
    if (Number.isFinite(v)) out.push(String(v));
  }
}

/**
 * The number and ordinal words of a language with their values, as a Map: looked up on the data objects themselves,
 * a word like "constructor" or "__proto__" found Object.prototype's properties (and became a bogus number key).
 */
const WORD_VALUES = new Map<string, Map<string, number>>();
function wordValues(lang: string): Map<string, number> {
  let m = WORD_VALUES.get(lang);
  if (!m) {
    m = new Map();
    // number words take precedence over ordinals (set last)
    for (const table of [ORDINAL_WORDS, NUMBER_WORDS]) if (Object.hasOwn(table, lang)) for (const [word, v] of Object.entries(table[lang])) m.set(word, v);
    WORD_VALUES.set(lang, m);
  }
  return m;
}

/** Whether the language has number or ordinal words (wordNumberValues can find values). */
export function hasNumberWords(lang: string): boolean {
  return wordValues(lang).size > 0;
}

/** Values of one word of a space-separated language (number words, ordinals, 11th), appended to `out`. */
export function wordNumberValues(w: string, lang: string, out: string[]): void {
  const lw = w.toLowerCase();
  const v = wordValues(lang).get(lw);
  if (v !== undefined) out.push(String(v));
  const c0 = lw.charCodeAt(0);
  if (c0 < 48 || c0 > 57) return; // the ordinal pattern below starts with a digit
  const m = /^(\d+)(?:st|nd|rd|th|e|er|re|ème|\.)$/.exec(lw);
  if (m) out.push(String(Number(m[1])));
}
