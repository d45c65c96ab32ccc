/**
 * Numbers in Chinese and English text, in every written form a translation uses: Arabic digits (full-width too,
 * 12,000 and 12 000), Chinese numerals (二十三, 两千零五, 二〇一六, 1.2万, 3亿), ordinals (第十四次, 14th, Ninth),
 * percentages (百分之三十, 30%, 30 per cent), fractions (三分之一, one third), years, months and days
 * (2015年5月, May 2015, 5月4日, May 4), English number words (twenty-three, 1.5 billion).
 *
 * Shared by the aligner (numbers are lexical anchors) and the Numbers check (every number in the source has its
 * counterpart in the target). The check must be silent on correct translations, so anything that may not be
 * rendered as a number on the other side (一个 ≈ "a", "first", 二十国集团 = G20, idioms, approximations, list
 * markers, numbers inside names such as 5G or COVID-19) is returned with `weak: true`: it can match, it is
 * never reported missing.
 *
 * Method: one precompiled scanner regex per language finds candidates left to right (linear time); small sticky
 * regexes and character tests then classify each candidate from its immediate context (suffixes 年/月/日/%,
 * prefixes 第/百分之, measure words). Chinese numerals are evaluated with the standard positional grammar
 * (digits × 十百千 inside 万/亿 sections, 零 as placeholder, 一百二 = 120 shorthand). English number words are
 * evaluated with the usual "current group × hundred, total += group × scale" accumulator.
 * Words that contain numeral characters without denoting numbers are data (numbers-data.ts).
 *
 * Offsets are UTF-16 code-unit offsets into the input string. Pure functions, no I/O.
 */
import type { Lang } from '../model/types.js';
import { primaryLanguage } from './tags.js';
import {
  EN_DENOMINATORS,
  EN_LOOSE,
  EN_MONTHS,
  EN_ORDINAL_SCALES,
  EN_ORDINAL_TENS,
  EN_ORDINAL_UNITS,
  EN_SCALE_ABBREVIATIONS,
  EN_SCALES,
  EN_TENS,
  EN_UNITS,
  ZH_BIG_UNITS,
  ZH_DIGITS,
  ZH_FINANCIAL_CHARS,
  ZH_KINSHIP_CHARS,
  ZH_LEXICON,
  ZH_NAME_PREFIX_CHARS,
  ZH_MEASURE_EXCEPTIONS,
  ZH_MEASURE_WORDS,
  ZH_SMALL_UNITS,
  ZH_TENS_SHORTHAND,
  ZH_WEEKDAY_DAYS,
  ZH_WEEKDAY_PREFIXES,
} from './numbers-data.js';

export type NumberKind = 'cardinal' | 'ordinal' | 'percent' | 'year' | 'month' | 'day' | 'decimal';

export interface NumberMention {
  /** 12000 for "1.2万", 14 for "第十四次", 30 for "百分之三十" (kind percent), 2015 for "2015年" (kind year). */
  value: number;
  kind: NumberKind;
  /** The text matched. */
  raw: string;
  /** Offsets in the input string (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** Weak evidence a check should not alarm on alone: 一个/one/a, first, idioms, approximations, names, list markers. */
  weak?: boolean;
  /** The number is part of an alphanumeric token (G20, 5G, ISO9001, COVID-19): a name, still a good anchor. */
  inToken?: boolean;
  /** Written in words or Chinese numerals (five, 五, 第九), not digits. Translators drop or add small spelled numbers freely. */
  spelled?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers

/** Full-width digits, Latin letters, ％ and ． → ASCII, keeping the length (offsets stay valid). */
const FULLWIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0E]/g;
const FULLWIDTH_ANY = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0E]/;
/** A full-width comma between digit groups (１２，０００) is a thousands separator. */
const FULLWIDTH_GROUP_COMMA = /(\d)\uFF0C(?=\d{3}(?!\d))/g;
function normalizeWidth(text: string): string {
  if (!FULLWIDTH_ANY.test(text)) return text;
  return text.replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(FULLWIDTH_GROUP_COMMA, '$1,');
}

/** Rounds away binary noise (1.2 × 10000 = 12000.000000000002). */
function clean(v: number): number {
  if (Number.isInteger(v)) return v;
  const r = Math.round(v * 1e9) / 1e9;
  return Math.abs(r - Math.round(r)) < 1e-9 ? Math.round(r) : r;
}

function isLatinLetter(c: string | undefined): boolean {
  if (!c) return false;
  const x = c.charCodeAt(0);
  return (x >= 65 && x <= 90) || (x >= 97 && x <= 122);
}
function isDigit(c: string | undefined): boolean {
  if (!c) return false;
  const x = c.charCodeAt(0);
  return x >= 48 && x <= 57;
}

/** Parses "12,000", "12 000", "1.5", "007" → number. */
function parseArabic(s: string): number {
  // Most numbers have no group separator: Number() at once, no replace (the regex is only for grouped digits).
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2c || c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009) return Number(s.replace(/[, \u00A0\u202F\u2009]/g, ''));
  }
  return Number(s);
}

function kindOfValue(v: number): NumberKind {
  return Number.isInteger(v) ? 'cardinal' : 'decimal';
}

/** Is a plain 4-digit integer in the span of years texts talk about. */
function yearLike(raw: string, v: number): boolean {
  return raw.length === 4 && isDigit(raw[0]) && isDigit(raw[1]) && isDigit(raw[2]) && isDigit(raw[3]) && v >= 1000 && v <= 2199;
}

/**
 * A list or heading marker at the start of a line: "1.", "(2)", "（一）", "二、", "### 3." — numbering is often
 * restyled in translation (Arabic ↔ Chinese ↔ Roman, or dropped), so it is weak.
 */
const MARKER_BEFORE = /^[\s#*>_([（【-]*$/;
const MARKER_AFTER = /[.．、)）\]】:：](?!\d)/y;
function isListMarker(text: string, start: number, end: number): boolean {
  let i = start - 1;
  const limit = Math.max(0, start - 12);
  while (i >= limit && text[i] !== '\n') i--;
  if (i < limit && i >= 0 && text[i] !== '\n') return false;
  const before = text.slice(i + 1, start);
  if (!MARKER_BEFORE.test(before)) return false;
  MARKER_AFTER.lastIndex = end;
  return MARKER_AFTER.test(text);
}

const ROMAN = /^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$/;
function romanValue(s: string): number | undefined {
  if (!ROMAN.test(s)) return undefined;
  const v: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]];
    const b = i + 1 < s.length ? v[s[i + 1]] : 0;
    total += a < b ? -a : a;
  }
  return total;
}
/** Unicode Roman numerals Ⅰ–Ⅻ (U+2160–216B) and ⅰ–ⅻ (U+2170–217B); circled and parenthesised digits ①–⑳, ⑴–⒇, ⒈–⒛. */
function symbolValue(c: string): number | undefined {
  const x = c.charCodeAt(0);
  if (x >= 0x2160 && x <= 0x216b) return x - 0x2160 + 1;
  if (x >= 0x2170 && x <= 0x217b) return x - 0x2170 + 1;
  if (x >= 0x2460 && x <= 0x2473) return x - 0x2460 + 1;
  if (x >= 0x2474 && x <= 0x2487) return x - 0x2474 + 1;
  if (x >= 0x2488 && x <= 0x249b) return x - 0x2488 + 1;
  return undefined;
}

/**
 * A 2-digit year after a full year and a range sign ("2020-21", "2020—21年") is the full year 2021.
 * Returns the expanded year, or undefined.
 */
function expandShortYear(prev: NumberMention | undefined, text: string, start: number, raw: string): number | undefined {
  if (!prev || prev.kind !== 'year' || !/^\d{2}$/.test(raw)) return undefined;
  const gap = text.slice(prev.end, start);
  if (!/^\s*(?:[-–—~/]|至|到|to)\s*$/.test(gap)) return undefined;
  const v = Number(raw);
  const century = prev.value - (prev.value % 100);
  return v > prev.value % 100 ? century + v : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Chinese numerals

const ZH_DIGIT_CHARS = Object.keys(ZH_DIGITS).join('');
const ZH_UNIT_CHARS = Object.keys(ZH_SMALL_UNITS).join('') + Object.keys(ZH_BIG_UNITS).join('') + Object.keys(ZH_TENS_SHORTHAND).join('');
const ZH_TOKEN = /\d+(?:\.\d+)?|[^\s]/g;

/**
 * Value of a Chinese numeral, optionally mixed with Arabic digits: 二十三 → 23, 一百二十 → 120, 两千零五 → 2005,
 * 十 → 10, 〇/零 → 0, 一百二 → 120, 1.2万 → 12000, 3亿 → 300000000, 5000万 → 50000000, 二〇一六 → 2016 (read digit
 * by digit when there is no unit), 三点五 → 3.5, 廿三 → 23. Thousands separators in digits are allowed.
 * undefined when the string is not one well-formed number.
 */
export function parseChineseNumeral(s: string): number | undefined {
  const t = normalizeWidth(s.trim()).replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  if (t === '') return undefined;
  const point = t.indexOf('点');
  if (point >= 0) {
    const whole = parseChineseNumeral(t.slice(0, point));
    const frac = t.slice(point + 1);
    if (whole === undefined || frac === '' || /[^零〇一二三四五六七八九两\d]/.test(frac)) return undefined;
    let digits = '';
    for (const c of frac) digits += isDigit(c) ? c : String(ZH_DIGITS[c] ?? '');
    // A trailing big unit (一点五万) is not supported here: "1.5万" is the written form.
    return clean(whole + Number('0.' + digits));
  }
  ZH_TOKEN.lastIndex = 0;
  const tokens = t.match(ZH_TOKEN) ?? [];
  if (tokens.length === 0) return undefined;
  // Digit by digit (二〇一六, 一九九八): no unit characters, two or more digits.
  if (tokens.length >= 2 && tokens.every((k) => k in ZH_DIGITS && k !== '两')) {
    let v = 0;
    for (const k of tokens) v = v * 10 + ZH_DIGITS[k];
    return v;
  }
  let total = 0; // completed 亿 part
  let section = 0; // value since the last big unit, already multiplied by 万 when one came
  let group = 0; // value inside the current 万-group
  let pending: number | undefined; // digit not yet multiplied by a unit
  let lastSmall = Infinity; // last small unit in this group (must descend)
  let lastUnit = 0; // last unit seen (for 一百二 = 120)
  let zeroSinceUnit = false;
  let sawAny = false;
  for (const k of tokens) {
    if (isDigit(k[0])) {
      if (pending !== undefined) return undefined;
      pending = Number(k);
      sawAny = true;
    } else if (k in ZH_DIGITS) {
      const d = ZH_DIGITS[k];
      sawAny = true;
      if (d === 0) {
        if (pending !== undefined) return undefined;
        zeroSinceUnit = true;
        continue;
      }
      if (pending !== undefined) return undefined;
      pending = d;
    } else if (k in ZH_TENS_SHORTHAND) {
      if (pending !== undefined || lastSmall <= 10) return undefined;
      group += ZH_TENS_SHORTHAND[k];
      lastSmall = 10;
      lastUnit = 10;
      sawAny = true;
    } else if (k in ZH_SMALL_UNITS) {
      const u = ZH_SMALL_UNITS[k];
      if (u >= lastSmall) return undefined;
      group += (pending ?? 1) * u;
      pending = undefined;
      lastSmall = u;
      lastUnit = u;
      zeroSinceUnit = false;
      sawAny = true;
    } else if (k in ZH_BIG_UNITS) {
      const u = ZH_BIG_UNITS[k];
      const g = group + (pending ?? 0);
      if (u === 1e8) {
        total = (total + section + g || 1) * u;
        section = 0;
      } else {
        section = (section + g || 1) * u;
      }
      group = 0;
      pending = undefined;
      lastSmall = Infinity;
      lastUnit = u;
      zeroSinceUnit = false;
      sawAny = true;
    } else {
      return undefined;
    }
  }
  if (!sawAny) return undefined;
  if (pending !== undefined) {
    // 一百二 = 120, 三千五 = 3500, 一万五 = 15000: a last digit right after a unit counts in the next lower unit.
    if (!zeroSinceUnit && lastUnit >= 100 && !isDigit(tokens[tokens.length - 1][0])) {
      group += pending * (lastUnit / 10);
    } else {
      group += pending;
    }
  }
  return clean(total + section + group);
}

// ---------------------------------------------------------------------------------------------------------------
// Chinese scanner

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ZH_LEX = new Map<string, readonly number[]>(ZH_LEXICON);
for (const p of ZH_WEEKDAY_PREFIXES) for (const d of ZH_WEEKDAY_DAYS) ZH_LEX.set(p + d, []);
/**
 * A regex alternation of words as a trie (小 → 小(?:四|…), "thirteen|thirty" → "thirt(?:een|y)"): the engine rejects
 * a position on its first character instead of trying every word, which keeps the scanners linear and fast.
 */
interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}
function trieAlternation(words: Iterable<string>): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const w of words) {
    let n = root;
    for (const c of w) {
      let m = n.next.get(c);
      if (!m) {
        m = { next: new Map(), end: false };
        n.next.set(c, m);
      }
      n = m;
    }
    n.end = true;
  }
  const emit = (n: TrieNode): string => {
    const alts = [...n.next.keys()].sort().map((c) => escapeRe(c) + emit(n.next.get(c)!));
    if (alts.length === 0) return '';
    const body = alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
    return n.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

/** Compiles a scanner regex without its group names (groups are read by number). */
function unnamed(source: string, flags: string): RegExp {
  return new RegExp(source.replace(/\(\?<[a-z]+>/g, '('), flags);
}

const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?![\d.])|\d+(?:\.\d+)?`;
const ZH_NUM_CLASS = `[${ZH_DIGIT_CHARS}${ZH_UNIT_CHARS}几]`;
const ZH_NUM = `(?:(?:${ARABIC})[百千万亿萬億]*|${ZH_NUM_CLASS}+(?:点[${ZH_DIGIT_CHARS}]+)?)`;
/** Characters a Chinese match can start with: a one-character test rejects every other position. */
const ZH_FIRST = escapeRe([...new Set([...ZH_LEX.keys()].map((w) => w[0]))].join('') + ZH_DIGIT_CHARS + ZH_UNIT_CHARS + '几第首');
/** Capture groups of ZH_SCANNER, in order (named in the source for reading, numbered at run time: no groups object per match). */
const enum Z {
  lex = 1,
  pre,
  pnum,
  shou,
  cen,
  dec,
  den,
  nu,
  num,
  sym,
}
const ZH_SCANNER = unnamed(
  `(?=[\\d${ZH_FIRST}\u2160-\u216B\u2170-\u217B\u2460-\u249B])(?:` +
  [
    `(?<lex>${trieAlternation(ZH_LEX.keys())})`,
    `(?<pre>百分之|千分之|万分之|第)(?<pnum>${ZH_NUM})`,
    `(?<shou>首)(?=[次个個届屆批位家款部座台项項轮輪])`,
    `(?<cen>${ZH_NUM})世纪(?<dec>${ZH_NUM})年代`,
    `(?<den>${ZH_NUM})分之(?<nu>${ZH_NUM})`,
    // A lone 一 counts only before a measure word, a month or a day (一些, 一致, 统一 are not numbers): skip it here.
    `(?!一(?![${ZH_DIGIT_CHARS}${ZH_UNIT_CHARS}几${ZH_MEASURE_WORDS}月日号號]|点[${ZH_DIGIT_CHARS}]))(?<num>${ZH_NUM})`,
    `(?<sym>[\u2160-\u216B\u2170-\u217B\u2460-\u249B])`,
  ].join('|') + ')',
  'g',
);
/** After a number: 1 = percent sign or 百分点, 2 = a unit that says what the number counts. */
const ZH_SUFFIX = /\s?([%‰]|[个個]?百分[点點])|([个個]月|月份?|[日号號]|年代|年|倍|成|分钟|分鐘|分之)/y;
const ZH_MEASURE = new Set(ZH_MEASURE_WORDS);
const ZH_DIGIT_PAIR_UNIT = /^([一二两三四五六七八九])([一二两三四五六七八九])([十百千万亿]+)$/;
const ZH_APPROX_UNIT = /[多余来几]([万亿萬億]+)/y;
const ZH_UNIT_AFTER = new Set('年月日号號%‰岁歲倍成世点點分万亿千百萬億'.split(''));
const ZH_NAME_PREFIX = new Set(ZH_NAME_PREFIX_CHARS);
const ZH_KINSHIP = new Set(ZH_KINSHIP_CHARS);
const ZH_FINANCIAL = new Set(ZH_FINANCIAL_CHARS);
const ZH_APPROX_BEFORE = new Set('数几上成好近约逾'.split(''));
const ZH_KILO_UNIT = /[克米瓦卡伏帕焦]/;
const ZH_PERCENT_WORD_AFTER = /[以左多的，。,、；;）)]/;
const ZH_PERCENT_BEFORE = new Set('近约超逾占达过的有'.split(''));

function zhMention(text: string, start: number, end: number, value: number, kind: NumberKind, weak?: boolean, inToken?: boolean): NumberMention {
  const m: NumberMention = { value: clean(value), kind, raw: text.slice(start, end), start, end };
  if (weak) m.weak = true;
  if (inToken) m.inToken = true;
  if (!/[\d\uFF10-\uFF19]/.test(m.raw)) m.spelled = true;
  return m;
}

/**
 * Two one-character numerals one character apart are a four-character idiom or slogan (推三阻四, 三番五次,
 * 七上八下, 一国两制, 六廊六路): weak. A real count rarely looks like that (十九届五中全会 has a two-character numeral).
 */
function markIdioms(text: string, out: NumberMention[], from: number): void {
  for (let i = from + 1; i < out.length; i++) {
    const a = out[i - 1];
    const b = out[i];
    if (a.end - a.start === 1 && b.end - b.start === 1 && b.start === a.end + 1 && a.spelled && b.spelled && !/[\d第]/.test(text[a.start])) {
      a.weak = true;
      b.weak = true;
    }
  }
}

function isArabicStart(s: string): boolean {
  return isDigit(s[0]);
}

function extractChinese(original: string, text: string, out: NumberMention[]): void {
  ZH_SCANNER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ZH_SCANNER.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[Z.lex] !== undefined) {
      for (const v of ZH_LEX.get(m[Z.lex]) ?? []) out.push(zhMention(original, start, end, v, 'cardinal', true));
      continue;
    }
    if (m[Z.sym] !== undefined) {
      out.push(zhMention(original, start, end, symbolValue(m[Z.sym])!, 'cardinal', true));
      continue;
    }
    if (m[Z.shou] !== undefined) {
      out.push(zhMention(original, start, end, 1, 'ordinal', true));
      continue;
    }
    if (m[Z.pre] !== undefined) {
      const v = parseChineseNumeral(m[Z.pnum]);
      if (v === undefined) continue;
      if (m[Z.pre] === '第') {
        const weak = v === 1 || /几/.test(m[Z.pnum]);
        out.push(zhMention(original, start, end, v, 'ordinal', weak, inTokenZh(text, start, end)));
      } else {
        const scale = m[Z.pre] === '百分之' ? 1 : m[Z.pre] === '千分之' ? 0.1 : 0.01;
        out.push(zhMention(original, start, end, v * scale, 'percent'));
      }
      continue;
    }
    if (m[Z.cen] !== undefined) {
      const c = parseChineseNumeral(m[Z.cen]);
      const d = parseChineseNumeral(m[Z.dec]);
      if (c !== undefined && d !== undefined) out.push(zhMention(original, start, end, (c - 1) * 100 + d, 'year'));
      continue;
    }
    if (m[Z.den] !== undefined) {
      const den = parseChineseNumeral(m[Z.den]);
      const nu = parseChineseNumeral(m[Z.nu]);
      if (den && nu !== undefined) out.push(zhMention(original, start, end, nu / den, 'decimal', nu / den === 0.5));
      continue;
    }
    if (m[Z.num] !== undefined) {
      zhNumber(original, text, start, end, m[Z.num], out);
      const last = out[out.length - 1];
      if (last && last.start === start && last.end > ZH_SCANNER.lastIndex) ZH_SCANNER.lastIndex = last.end;
    }
  }
  markIdioms(text, out, 0);
}

function inTokenZh(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if (isLatinLetter(before)) return true;
  if (before === '-' && isLatinLetter(text[start - 2])) return true;
  return isLatinLetter(text[end]);
}

/** A space that may group digits: space, no-break space, narrow no-break space, thin space. */
function isGroupSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

function zhNumber(original: string, text: string, start: number, end: number, run: string, out: NumberMention[]): void {
  const arabic = isArabicStart(run);
  const next = text[end];
  const prev = text[start - 1];
  // 十分 = "very" (but 十分钟 = ten minutes, 十分之一 = a tenth).
  if (run === '十' && next === '分' && text[end + 1] !== '钟' && text[end + 1] !== '之') return;
  if (run === '几') return;
  if (run.length === 1 && ZH_FINANCIAL.has(run)) return;
  if (run.includes('点') && text[end] === '点') return; // 一点一点 = "bit by bit"
  if (run.length > 32) return; // no number is written with that many numeral characters; keeps the work linear
  let weak = false;
  let kind: NumberKind | undefined;
  let value: number | undefined;
  let coreEnd = end;
  let core = run;
  // 五千米 = 5 km, 3千克 = 3 kg: the 千 belongs to the unit.
  if (core.length > 1 && core.endsWith('千') && next !== undefined && ZH_KILO_UNIT.test(next)) {
    core = core.slice(0, -1);
    coreEnd = end - 1;
    weak = true;
  }
  // 五十两 = fifty taels: a final 两 is the measure word (two is 二 in that position).
  if (!arabic && core.length > 1 && core.endsWith('两')) {
    core = core.slice(0, -1);
    coreEnd = end - 1;
  }
  if (!arabic && core === '一') {
    // A lone 一: a count only before a measure word, and then weak (一个 ≈ "a").
    if (next === '月') {
      out.push(zhMention(original, start, end, 1, 'month', prev !== '年' && !/[一二三四五六七八九十\d][日号]/.test(text.slice(end + 1, end + 4))));
      return;
    }
    if (next === '日' || next === '号' || next === '號') {
      out.push(zhMention(original, start, end, 1, 'day', prev !== '月'));
      return;
    }
    if (next === undefined || !ZH_MEASURE.has(next)) return;
    for (const w of ZH_MEASURE_EXCEPTIONS) if (text.startsWith(w, start)) return;
    out.push(zhMention(original, start, end, 1, 'cardinal', true));
    return;
  }
  if (arabic) {
    // The digits and their separators (/^[\d,. \u00A0\u202F\u2009]+/), without trailing spaces: scanned by hand.
    let digitsEnd = 0;
    for (; digitsEnd < core.length; digitsEnd++) {
      const c = core.charCodeAt(digitsEnd);
      if (!((c >= 0x30 && c <= 0x39) || c === 0x2c || c === 0x2e || isGroupSpace(c))) break;
    }
    while (digitsEnd > 0 && isGroupSpace(core.charCodeAt(digitsEnd - 1))) digitsEnd--;
    const digits = core.slice(0, digitsEnd);
    const mult = core.slice(digitsEnd);
    value = parseArabic(digits);
    for (const c of mult) value *= ZH_SMALL_UNITS[c] ?? ZH_BIG_UNITS[c] ?? 1;
    if (mult === '' && text[end] === '.' && isDigit(text[end + 1])) {
      // A version or an address (2.5.0): weak, one token.
      let e = end;
      while (e < text.length && (text[e] === '.' || isDigit(text[e]))) e++;
      out.push(zhMention(original, start, e, value, kindOfValue(value), true, true));
      return;
    }
    if (mult === '' && inTokenZh(text, start, coreEnd)) {
      out.push(zhMention(original, start, coreEnd, value, kindOfValue(value), true, true));
      return;
    }
    if (mult === '' && yearLike(digits, value)) kind = 'year';
    const short = mult === '' ? expandShortYear(out[out.length - 1], text, start, digits) : undefined;
    if (short !== undefined) {
      value = short;
      kind = 'year';
    }
  } else {
    const bareUnit = /^[十百千万亿萬億拾佰仟]/.test(core);
    const unitless = !/[十百千万亿萬億拾佰仟廿卅]/.test(core);
    if (/几/.test(core)) {
      weak = true;
      core = core.replace(/几/g, '');
      if (core === '') return;
    }
    if (unitless && core.length >= 2 && !/[点]/.test(core)) {
      // Digit by digit: a year (二〇一六年) or an approximation (三四个 = "three or four").
      value = parseChineseNumeral(core);
      if (value === undefined) return;
      if (core.length === 4 && next === '年') kind = 'year';
      else if (core.length === 2) {
        value = ZH_DIGITS[core[0]];
        weak = true;
      } else weak = true;
    } else {
      value = parseChineseNumeral(core);
      const range = value === undefined ? ZH_DIGIT_PAIR_UNIT.exec(core) : null;
      if (range) {
        // 三四十 = "thirty or forty", 五六百 = "five or six hundred": both ends, weak.
        const unit = parseChineseNumeral('一' + range[3])!;
        out.push(zhMention(original, start, coreEnd, ZH_DIGITS[range[1]] * unit, 'cardinal', true));
        value = ZH_DIGITS[range[2]] * unit;
        weak = true;
      }
      if (value === undefined) {
        // Not one well-formed numeral (三十五六 = "35 or 36"): keep the longest parsable prefix as weak.
        for (let k = core.length - 1; k > 0 && k >= core.length - 4 && value === undefined; k--) value = parseChineseNumeral(core.slice(0, k));
        if (value === undefined) return;
        weak = true;
      }
      if (bareUnit && core[0] !== '十' && core[0] !== '拾') weak = true; // 百年, 千万, 万物: bare 百/千/万 is loose
      if (bareUnit && prev !== undefined && ZH_APPROX_BEFORE.has(prev)) weak = true; // 数十, 几百, 上千
    }
    if (value === 0) weak = true;
    // Names and birth order: 王二, 茅十八, 老三, 二姑, 三哥.
    const after = text[coreEnd];
    const counted = after !== undefined && (ZH_MEASURE.has(after) || ZH_UNIT_AFTER.has(after));
    if (!counted && core.length <= 2 && prev !== undefined && ZH_NAME_PREFIX.has(prev)) weak = true;
    if (core.length === 1 && after !== undefined && ZH_KINSHIP.has(after)) weak = true;
  }
  // 一百多亿 = "more than ten billion", 20余万: an approximation word before the big unit.
  if (coreEnd === end) {
    ZH_APPROX_UNIT.lastIndex = end;
    const au = ZH_APPROX_UNIT.exec(text);
    if (au) {
      for (const c of au[1]) value *= ZH_BIG_UNITS[c];
      end = ZH_APPROX_UNIT.lastIndex;
      coreEnd = end;
      if (kind === 'year') kind = undefined;
    }
  }
  // Suffixes: %, 百分点, 年, 月, 日, 年代, 倍, 成.
  ZH_SUFFIX.lastIndex = end;
  const sfx = ZH_SUFFIX.exec(text);
  let mentionEnd = coreEnd;
  if (sfx && coreEnd === end) {
    if (sfx[1] !== undefined) {
      kind = 'percent';
      if (sfx[1] === '‰') value = value / 10;
      mentionEnd = ZH_SUFFIX.lastIndex;
    } else {
      switch (sfx[2]) {
        case '年':
          if (kind !== 'year' && arabic && yearLike(run, value)) kind = 'year';
          break;
        case '年代':
          if (value >= 10 && value <= 90 && value % 10 === 0) {
            value += 1900;
            weak = true;
          }
          kind = 'year';
          break;
        case '月':
        case '月份':
          if (Number.isInteger(value) && value >= 1 && value <= 12) kind = 'month';
          break;
        case '日':
        case '号':
        case '號':
          if (Number.isInteger(value) && value >= 1 && value <= 31) kind = 'day';
          break;
        case '倍':
          weak = true; // 增长两倍 is "tripled" for some writers, "doubled" for others
          break;
        case '成': {
          const after = text[ZH_SUFFIX.lastIndex];
          if (value <= 10 && (after === undefined || ZH_PERCENT_WORD_AFTER.test(after) || (prev !== undefined && ZH_PERCENT_BEFORE.has(prev)))) {
            value *= 10;
            kind = 'percent';
            weak = true;
            mentionEnd = ZH_SUFFIX.lastIndex;
          }
          break;
        }
        default:
          break;
      }
    }
  }
  if (!weak && isListMarker(text, start, end)) weak = true;
  // A count of one is said with "a"/"an" or not at all in English (每1美元 = "every dollar"): weak even in digits.
  if (value === 1 && (kind === undefined || kind === 'cardinal')) weak = true;
  out.push(zhMention(original, start, mentionEnd, value, kind ?? kindOfValue(value), weak));
}

// ---------------------------------------------------------------------------------------------------------------
// English scanner

const EN_WORD_VALUES = new Map<string, { type: 'unit' | 'tens' | 'hundred' | 'scale' | 'ordUnit' | 'ordTens' | 'ordScale' | 'denom' | 'dozen' | 'and' | 'a'; v: number }>();
for (const [w, v] of Object.entries(EN_UNITS)) EN_WORD_VALUES.set(w, { type: 'unit', v });
for (const [w, v] of Object.entries(EN_TENS)) EN_WORD_VALUES.set(w, { type: 'tens', v });
EN_WORD_VALUES.set('hundred', { type: 'hundred', v: 100 });
for (const [w, v] of Object.entries(EN_SCALES)) EN_WORD_VALUES.set(w, { type: 'scale', v });
for (const [w, v] of Object.entries(EN_ORDINAL_UNITS)) EN_WORD_VALUES.set(w, { type: 'ordUnit', v });
for (const [w, v] of Object.entries(EN_ORDINAL_TENS)) EN_WORD_VALUES.set(w, { type: 'ordTens', v });
for (const [w, v] of Object.entries(EN_ORDINAL_SCALES)) EN_WORD_VALUES.set(w, { type: 'ordScale', v });
for (const [w, v] of Object.entries(EN_DENOMINATORS)) EN_WORD_VALUES.set(w, { type: 'denom', v });
EN_WORD_VALUES.set('dozen', { type: 'dozen', v: 12 });
EN_WORD_VALUES.set('and', { type: 'and', v: 0 });
EN_WORD_VALUES.set('a', { type: 'a', v: 1 });
EN_WORD_VALUES.set('an', { type: 'a', v: 1 });

const EN_WORDS = [...EN_WORD_VALUES.keys()].filter((w) => w !== 'and' && w !== 'a' && w !== 'an').sort((a, b) => b.length - a.length);
const EN_WORD = `(?:${trieAlternation(EN_WORDS)})\\b`;
const EN_MONTH_WORDS = Object.keys(EN_MONTHS);
const EN_LOOSE_WORDS = Object.keys(EN_LOOSE);
/** Capture groups of EN_SCANNER, in order. */
const enum E {
  num = 1,
  words,
  month,
  roman,
  loose,
  sym,
}
const EN_SCANNER = unnamed(
  [
    `(?<num>${ARABIC})`,
    '\\b(?:' +
      [
        `(?<words>(?:an?\\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\\b))?${EN_WORD}(?:(?:\\s+and\\s+|[ \\t\\u00A0-]+)${EN_WORD})*)`,
        `(?<month>${trieAlternation(EN_MONTH_WORDS)})\\b`,
        `(?<roman>[IVX]{2,})\\b`,
        `(?<loose>${trieAlternation(EN_LOOSE_WORDS)})\\b`,
      ].join('|') +
      ')',
    `(?<sym>[\u2160-\u216B\u2170-\u217B\u2460-\u249B])`,
  ].join('|'),
  'gi',
);
const EN_DIGITS_ONLY = unnamed(`(?<num>${ARABIC})`, 'g');
const EN_PERCENT = /\s?(?:%|‰|per\s?cent\b|percentage\s+points?\b|pct\b)/iy;
const EN_DECADES = /[\s-]+decades?\b/iy;
const EN_ORD_SUFFIX = /(?:st|nd|rd|th)\b/iy;
const EN_SCALE_AFTER = /\s?(hundred|thousand|million|billion|trillion)\b/iy;
const EN_SCALE_ABBR = /(bn|mn|tn)\b/iy;
const EN_DECADE = /s\b/y;
const EN_MAY_CONTEXT = /\b(?:in|of|since|by|until|till|from|early|late|mid|end|last|next|this|and|to|between|before|after|during|on)\s+$/i;
const EN_DAY_AFTER = /\.?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?![.,:]?\d)/iy;
const EN_OF_AFTER = /\s+of\b/iy;

function mention(text: string, start: number, end: number, value: number, kind: NumberKind, weak?: boolean, inToken?: boolean): NumberMention {
  return zhMention(text, start, end, value, kind, weak, inToken);
}

function extractEnglish(text: string, out: NumberMention[], wordsToo: boolean): void {
  const re = wordsToo ? EN_SCANNER : EN_DIGITS_ONLY;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    let next = end;
    const before = out.length;
    if (m[E.num] !== undefined) {
      enDigits(text, start, end, m[E.num], out);
    } else if (m[E.words] !== undefined) {
      enWords(text, start, m[E.words], out);
    } else if (m[E.month] !== undefined) {
      next = Math.max(end, enMonth(text, start, end, m[E.month], out));
    } else if (m[E.roman] !== undefined) {
      if (m[E.roman] === m[E.roman].toUpperCase()) {
        const v = romanValue(m[E.roman]);
        if (v !== undefined) out.push(mention(text, start, end, v, 'cardinal', true));
      }
    } else if (m[E.loose] !== undefined) {
      const prevOrdinal = out.length > 0 && out[out.length - 1].kind === 'ordinal' && start - out[out.length - 1].end <= 2;
      // "the 21st century" names a century, it does not count one
      if (!prevOrdinal) out.push(mention(text, start, end, EN_LOOSE[m[E.loose].toLowerCase()], 'cardinal', true));
    } else if (m[E.sym] !== undefined) {
      out.push(mention(text, start, end, symbolValue(m[E.sym])!, 'cardinal', true));
    }
    // A consumed suffix (percent, scale word, ordinal, day after a month) moves the scan on.
    for (let k = before; k < out.length; k++) if (out[k].end > next) next = out[k].end;
    re.lastIndex = next;
  }
  markAlternatives(text, out);
}

/** "four or five", "a moment or two", "30 or 40": an approximation, both weak. */
const EN_OR_GAP = /^\s*or\s*$/i;
function markAlternatives(text: string, out: NumberMention[]): void {
  for (let i = 0; i < out.length; i++) {
    const b = out[i];
    const before = text.slice(Math.max(0, b.start - 5), b.start);
    if (!/\bor\s+$/i.test(before)) continue;
    b.weak = true;
    const a = out[i - 1];
    if (a && EN_OR_GAP.test(text.slice(a.end, b.start))) a.weak = true;
  }
}

function enDigits(text: string, start: number, end: number, raw: string, out: NumberMention[]): void {
  let value = parseArabic(raw);
  const prev = text[start - 1];
  // Names: G20, COVID-19, Post-2015, ISO9001, 5G, 10km.
  const letterBefore = isLatinLetter(prev) || (prev === '-' && isLatinLetter(text[start - 2]));
  const next = text[end];
  if (!letterBefore && isLatinLetter(next)) {
    EN_ORD_SUFFIX.lastIndex = end;
    if (EN_ORD_SUFFIX.test(text) && !raw.includes('.')) {
      out.push(mention(text, start, EN_ORD_SUFFIX.lastIndex, value, 'ordinal', isListMarker(text, start, EN_ORD_SUFFIX.lastIndex)));
      return;
    }
    EN_DECADE.lastIndex = end;
    if (EN_DECADE.test(text) && value % 10 === 0 && (raw.length === 4 || raw.length === 2)) {
      const decade = raw.length === 4 ? value : 1900 + value;
      out.push(mention(text, start, end + 1, decade, 'year', raw.length === 2));
      return;
    }
    EN_SCALE_ABBR.lastIndex = end;
    const abbr = EN_SCALE_ABBR.exec(text);
    if (abbr) {
      value *= EN_SCALE_ABBREVIATIONS[abbr[1].toLowerCase()];
      pushEnNumber(text, start, EN_SCALE_ABBR.lastIndex, value, out, raw);
      return;
    }
    out.push(mention(text, start, end, value, kindOfValue(value), true, true));
    return;
  }
  if (letterBefore) {
    out.push(mention(text, start, end, value, kindOfValue(value), true, true));
    return;
  }
  // Multiple dots: a version or an address (1.2.3), weak.
  if (next === '.' && isDigit(text[end + 1])) {
    let e = end;
    while (e < text.length && (text[e] === '.' || isDigit(text[e]))) e++;
    out.push(mention(text, start, e, value, kindOfValue(value), true, true));
    return;
  }
  let e = end;
  EN_SCALE_AFTER.lastIndex = end;
  const sc = EN_SCALE_AFTER.exec(text);
  if (sc) {
    value *= sc[1].toLowerCase() === 'hundred' ? 100 : EN_SCALES[sc[1].toLowerCase()];
    e = EN_SCALE_AFTER.lastIndex;
  }
  pushEnNumber(text, start, e, value, out, raw);
}

function pushEnNumber(text: string, start: number, end: number, value: number, out: NumberMention[], raw: string): void {
  EN_DECADES.lastIndex = end;
  if (EN_DECADES.test(text)) {
    out.push(mention(text, start, EN_DECADES.lastIndex, value * 10, 'cardinal'));
    return;
  }
  EN_PERCENT.lastIndex = end;
  const pct = EN_PERCENT.exec(text);
  if (pct) {
    out.push(mention(text, start, EN_PERCENT.lastIndex, pct[0].trim() === '‰' ? value / 10 : value, 'percent'));
    return;
  }
  if (text[start - 1] === "'" || text[start - 1] === '’') {
    // '90s handled above; '15 = 2015 is too loose to be strong
    out.push(mention(text, start, end, value, 'cardinal', true));
    return;
  }
  let kind: NumberKind = kindOfValue(value);
  if (end === start + raw.length && yearLike(raw, value)) kind = 'year';
  const short = end === start + raw.length ? expandShortYear(out[out.length - 1], text, start, raw) : undefined;
  if (short !== undefined) {
    value = short;
    kind = 'year';
  }
  // A count of one may be 一个/一 or nothing in Chinese: weak even in digits.
  out.push(mention(text, start, end, value, kind, (kind === 'cardinal' && value === 1) || isListMarker(text, start, end)));
}

function enMonth(text: string, start: number, end: number, word: string, out: NumberMention[]): number {
  const lower = word.toLowerCase();
  const month = EN_MONTHS[lower];
  if (word[0] !== word[0].toUpperCase()) return end; // may, march, august: ordinary words
  const abbreviation = lower.length <= 4 && lower !== 'june' && lower !== 'july' && lower !== 'may';
  EN_DAY_AFTER.lastIndex = end;
  const day = EN_DAY_AFTER.exec(text);
  const digitAfter = /^\.?\s*\d/.test(text.slice(end, end + 3));
  if (abbreviation || lower === 'may' || lower === 'march') {
    const prevNumber = /\d(?:st|nd|rd|th)?\s+(?:of\s+)?$/i.test(text.slice(Math.max(0, start - 8), start));
    if (!digitAfter && !prevNumber && !((lower === 'may' || lower === 'march') && EN_MAY_CONTEXT.test(text.slice(Math.max(0, start - 12), start)))) return end;
  }
  // "4 May", "4th of May": the number before is the day.
  const prev = out[out.length - 1];
  if (prev && (prev.kind === 'cardinal' || prev.kind === 'ordinal') && Number.isInteger(prev.value) && prev.value >= 1 && prev.value <= 31 && /^\s+(?:of\s+)?$/i.test(text.slice(prev.end, start))) {
    prev.kind = 'day';
  }
  out.push(mention(text, start, end, month, 'month'));
  if (day) {
    const dStart = day.index + day[0].indexOf(day[1]);
    const dEnd = EN_DAY_AFTER.lastIndex;
    const dv = Number(day[1]);
    if (dv >= 1 && dv <= 31) {
      out.push(mention(text, dStart, dEnd, dv, 'day'));
      return dEnd;
    }
  }
  return end;
}

interface Tok {
  w: string;
  s: number;
  e: number;
  type: string;
  v: number;
}

const EN_TOKEN = /[a-z]+/gi;

/** A run of English number words → one or more mentions ("five and six" is two numbers). */
function enWords(text: string, start: number, run: string, out: NumberMention[]): void {
  const toks: Tok[] = [];
  EN_TOKEN.lastIndex = 0;
  let t: RegExpExecArray | null;
  while ((t = EN_TOKEN.exec(run)) !== null) {
    const info = EN_WORD_VALUES.get(t[0].toLowerCase());
    if (!info) continue;
    toks.push({ w: t[0].toLowerCase(), s: start + t.index, e: start + t.index + t[0].length, type: info.type, v: info.v });
  }
  let i = 0;
  while (i < toks.length) {
    i = enGroup(text, toks, i, out);
  }
}

/** Reads one number from toks[i..]; returns the index after it. */
function enGroup(text: string, toks: Tok[], i: number, out: NumberMention[]): number {
  if (toks[i].type === 'and') return i + 1;
  let total = 0;
  let cur = 0;
  let last = 'none';
  let lastScale = Infinity;
  let counted = false; // a count word (not only a scale) was seen
  let viaA = false;
  let unitAfterTens = false;
  const first = i;
  let kind: NumberKind | undefined;
  let weak = false;
  let endTok = i;
  let done = false;
  for (; i < toks.length && !done; i++) {
    const k = toks[i];
    const canStartValue = last === 'none' || last === 'hundred' || last === 'scale' || last === 'and';
    switch (k.type) {
      case 'a':
        if (last !== 'none') return finish();
        cur = 1;
        viaA = true;
        last = 'a';
        break;
      case 'and': {
        const nx = toks[i + 1];
        if ((last === 'hundred' || last === 'scale') && nx && (nx.type === 'unit' || nx.type === 'tens' || nx.type === 'ordUnit' || nx.type === 'ordTens')) {
          last = 'and';
          continue; // do not move endTok onto "and"
        }
        // Older and literary English: "seven and twenty" = 27, "forty and five" = 45 (not "between one and twenty").
        if (nx && !/\bbetween\s+$/i.test(text.slice(Math.max(0, toks[first].s - 9), toks[first].s))) {
          if (last === 'unit' && !unitAfterTens && cur % 100 >= 1 && cur % 100 <= 9 && (nx.type === 'tens' || nx.type === 'ordTens')) {
            last = 'and';
            continue;
          }
          if (last === 'tens' && (nx.type === 'unit' || nx.type === 'ordUnit') && nx.v >= 1 && (nx.v <= 9 || (toks[i - 1].w.endsWith('score') && nx.v <= 19))) {
            last = 'andUnit';
            continue;
          }
        }
        return finish();
      }
      case 'unit':
      case 'ordUnit': {
        const ord = k.type === 'ordUnit';
        const afterTens = (last === 'tens' && k.v >= 1 && k.v <= 9) || (last === 'andUnit' && k.v >= 1 && k.v <= 19);
        unitAfterTens = afterTens;
        if (ord && (last === 'unit' || last === 'a') && k.v >= 3 && k.w !== 'second' && total === 0 && cur <= 20) {
          // "one third", "a fifth": a fraction
          const weakFraction = viaA;
          cur = cur / k.v;
          kind = 'decimal';
          weak = weakFraction;
          endTok = i;
          done = true;
          break;
        }
        if (!canStartValue && !afterTens) return finish();
        cur += k.v;
        counted = true;
        last = afterTens ? 'unit' : 'unit';
        endTok = i;
        if (ord) {
          kind = 'ordinal';
          done = true;
        }
        break;
      }
      case 'tens':
      case 'ordTens':
        if (!canStartValue) return finish();
        cur += k.v;
        counted = true;
        last = 'tens';
        endTok = i;
        if (k.type === 'ordTens') {
          kind = 'ordinal';
          done = true;
        }
        break;
      case 'hundred':
        if (!(last === 'none' || last === 'unit' || last === 'tens' || last === 'a') || cur % 1000 >= 100) return finish();
        if (last === 'none') weak = true;
        cur = (cur || 1) * 100;
        last = 'hundred';
        endTok = i;
        break;
      case 'scale':
      case 'ordScale':
        if (!(last === 'none' || last === 'unit' || last === 'tens' || last === 'hundred' || last === 'a') || k.v >= lastScale) return finish();
        if (last === 'none') weak = true;
        if (k.type === 'ordScale' && k.v === 100) {
          cur = (cur || 1) * 100;
        } else {
          total += (cur || 1) * k.v;
          cur = 0;
          lastScale = k.v;
        }
        last = 'scale';
        endTok = i;
        if (k.type === 'ordScale') {
          kind = 'ordinal';
          done = true;
        }
        break;
      case 'denom':
        if (last === 'unit' || last === 'tens' || last === 'a') {
          cur = (total + cur) / k.v;
          total = 0;
          kind = 'decimal';
          weak = viaA || k.v === 2 || k.v === 4;
          endTok = i;
          done = true;
        } else if (last === 'none') {
          cur = 1 / k.v;
          kind = 'decimal';
          weak = true;
          endTok = i;
          done = true;
        } else return finish();
        break;
      case 'dozen':
        if (!(last === 'none' || last === 'unit' || last === 'tens' || last === 'a')) return finish();
        cur = (cur || 1) * 12;
        weak = true;
        last = 'hundred';
        endTok = i;
        break;
      default:
        return finish();
    }
  }
  return finish();

  function finish(): number {
    const s = toks[first].s;
    const e = toks[endTok].e;
    const value = clean(total + cur);
    const words = toks.slice(first, endTok + 1).map((x) => x.w);
    let k: NumberKind = kind ?? kindOfValue(value);
    let w = weak;
    if (value === 0 || value === 1) w = true; // zero-sum, one of, the first
    if (k === 'ordinal' && value === 2 && words.length === 1) w = true; // "second": also a unit of time and a verb
    if (!counted && kind === undefined && !viaA) w = true; // "thousand", bare scale
    if (viaA && words.length <= 2) w = true; // "a hundred times", "a million shards": loose
    // A capitalised number word inside a sentence is part of a name or title (Two Dukes Street, Forty-Two Sections).
    // Ordinals keep their weight: "the Ninth BRICS Summit" is a title with a real number.
    if (k !== 'ordinal' && /[A-Z]/.test(text[s]) && /[A-Za-z0-9,;]\s*$/.test(text.slice(Math.max(0, s - 3), s))) w = true;
    // "one of them", "the one": pronoun uses of one.
    EN_OF_AFTER.lastIndex = e;
    if (value === 1 && EN_OF_AFTER.test(text)) w = true;
    // "a third of", "a fifth of": a fraction, loosely stated.
    EN_OF_AFTER.lastIndex = e;
    if (k === 'ordinal' && words.length === 1 && value >= 3 && value <= 10 && EN_OF_AFTER.test(text) && /\ban?\s+$/i.test(text.slice(Math.max(0, s - 4), s))) {
      out.push(mention(text, s, e, clean(1 / value), 'decimal', true));
      return endTok + 1;
    }
    // "the fifth part" = one fifth
    if (k === 'ordinal' && words.length === 1 && value >= 3 && /^\s+parts?\b/i.test(text.slice(e, e + 7))) {
      out.push(mention(text, s, e, clean(1 / value), 'decimal'));
      return endTok + 1;
    }
    let mEnd = e;
    EN_DECADES.lastIndex = e;
    if (k === 'cardinal' && EN_DECADES.test(text)) {
      // "seven decades" = 70 years (七十年)
      out.push(mention(text, s, EN_DECADES.lastIndex, value * 10, 'cardinal', w));
      return Math.max(endTok + 1, first + 1);
    }
    if (k !== 'ordinal') {
      EN_PERCENT.lastIndex = e;
      const pct = EN_PERCENT.exec(text);
      if (pct) {
        k = 'percent';
        mEnd = EN_PERCENT.lastIndex;
      }
    }
    if (!w && isListMarker(text, s, e)) w = true;
    out.push(mention(text, s, mEnd, value, k, w));
    return Math.max(endTok + 1, first + 1);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ranges

const RANGE_GAP = /^\s*(?:to|and|or|-|–|—|~|～|至|到|或|、)\s*$/i;
const SCALE_END = /(hundred|thousand|million|billion|trillion|bn|mn|tn|万亿|万|亿|萬|億)$/i;
const SCALE_ANY = /(hundred|thousand|million|billion|trillion|bn|万|亿|萬|億|千|百)/i;
const SCALE_FACTOR: Readonly<Record<string, number>> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, tn: 1e12,
  万亿: 1e12, 万: 1e4, 亿: 1e8, 萬: 1e4, 億: 1e8,
};

/**
 * The first number of a range shares the unit written after the second: "between one and five percent",
 * "3 to 5 million", "3至5万", "百分之一至百分之五" (already complete).
 */
function spreadRanges(text: string, out: NumberMention[]): void {
  for (let i = out.length - 1; i > 0; i--) {
    const a = out[i - 1];
    const b = out[i];
    if (a.kind === 'year' || a.kind === 'month' || a.kind === 'day' || a.kind === 'percent' || a.inToken) continue;
    if (!RANGE_GAP.test(text.slice(a.end, b.start))) continue;
    if (b.kind === 'percent') {
      a.kind = 'percent';
      continue;
    }
    const sc = SCALE_END.exec(b.raw);
    if (sc && !SCALE_ANY.test(a.raw) && a.value < 1000) {
      a.value = clean(a.value * SCALE_FACTOR[sc[1].toLowerCase()]);
      a.kind = kindOfValue(a.value);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

const PRIMARY = new Map<string, string>();
function primaryOf(lang: Lang): string {
  let p = PRIMARY.get(lang);
  if (p === undefined) {
    p = primaryLanguage(lang);
    if (PRIMARY.size < 256) PRIMARY.set(lang, p);
  }
  return p;
}

/**
 * Every number mentioned in `text`, in order of position. `lang` is a BCP 47 tag: Chinese ('zh…') and English
 * ('en…') get full support; other languages get digits only (12,000, 3.5, 30 %, 2020-21; no number words).
 */
export function extractNumbers(text: string, lang: Lang): NumberMention[] {
  const out: NumberMention[] = [];
  if (!text) return out;
  const primary = primaryOf(lang);
  const norm = normalizeWidth(text);
  if (primary === 'zh') extractChinese(text, norm, out);
  else extractEnglish(norm, out, primary === 'en');
  if (out.length > 1) spreadRanges(norm, out);
  if (norm !== text) for (const m of out) m.raw = text.slice(m.start, m.end);
  // A 300-digit string is not a quantity anyone translates.
  for (const m of out) if (!Number.isFinite(m.value)) return out.filter((x) => Number.isFinite(x.value));
  return out;
}

/**
 * Value of an English number: "twenty-three" → 23, "five" → 5, "300 million" → 300000000, "1.2 million" →
 * 1200000, "12,000" → 12000, "Ninth" → 9, "14th" → 14, "30%" → 30. undefined unless the whole string is one number.
 */
export function parseEnglishNumber(s: string): number | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const found = extractNumbers(t, 'en');
  if (found.length !== 1) return undefined;
  const m = found[0];
  if (m.start !== 0 || m.end !== t.length) return undefined;
  return m.value;
}

const COMPATIBLE: Readonly<Record<NumberKind, ReadonlySet<NumberKind>>> = {
  cardinal: new Set<NumberKind>(['cardinal', 'ordinal', 'year', 'decimal', 'month', 'day']),
  ordinal: new Set<NumberKind>(['ordinal', 'cardinal', 'month', 'day']),
  year: new Set<NumberKind>(['year', 'cardinal']),
  decimal: new Set<NumberKind>(['decimal', 'cardinal']),
  percent: new Set<NumberKind>(['percent']),
  month: new Set<NumberKind>(['month', 'cardinal', 'ordinal']),
  day: new Set<NumberKind>(['day', 'cardinal', 'ordinal']),
};

function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Two mentions denote the same quantity: equal values and compatible kinds (ordinal ~ ordinal or cardinal;
 * year ~ cardinal; percent only ~ percent; month/day ~ the same or a plain number; decimal ~ cardinal).
 * Fractions compare within rounding (三分之一 ~ "one third").
 */
export function sameNumber(a: NumberMention, b: NumberMention): boolean {
  return COMPATIBLE[a.kind].has(b.kind) && sameValue(a.value, b.value);
}

export interface CompareNumbersOptions {
  /**
   * Report a number that occurs more often on one side than on the other (2016 twice in the target, once in
   * the source). Default false: translations repeat or pronominalise numbers freely, and the check must be silent
   * on correct translations; a number that is absent or different is always reported.
   */
  countRepeats?: boolean;
  /**
   * Report a small number written in words (one to ten: 五, 两, "five", "third") that has no counterpart although
   * nothing else is wrong on the other side. Default false: translators drop or add such words freely ("两侧" →
   * "either side", "一双" → "two"); a small number replaced by a different one is always reported.
   */
  reportOmittedSmall?: boolean;
}

export interface NumberComparison {
  missingInTarget: NumberMention[];
  extraInTarget: NumberMention[];
  matched: Array<[NumberMention, NumberMention]>;
}

function valueKey(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(6);
}

/**
 * Compares the numbers of a source and a target text: multiset matching of mentions that denote the same
 * quantity (strong with strong first, then with weak ones, then weak with weak). Returns the unmatched strong
 * mentions of each side (weak ones are never reported) and the matched pairs (useful as alignment anchors).
 */
export function compareNumbers(src: string, srcLang: Lang, tgt: string, tgtLang: Lang, options: CompareNumbersOptions = {}): NumberComparison {
  const a = extractNumbers(src, srcLang);
  const b = extractNumbers(tgt, tgtLang);
  const matched: Array<[NumberMention, NumberMention]> = [];
  if (a.length === 0 && b.length === 0) return { missingInTarget: [], extraInTarget: [], matched };
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  // Long texts: index target mentions by value (fractions fall back to a scan). Sentences: a plain scan is faster.
  let byValue: Map<string, number[]> | undefined;
  if (b.length > 32) {
    byValue = new Map();
    for (let j = 0; j < b.length; j++) {
      const key = valueKey(b[j].value);
      const list = byValue.get(key);
      if (list) list.push(j);
      else byValue.set(key, [j]);
    }
  }
  const tryMatch = (i: number, j: number, bWeak: boolean, exactKind: boolean): boolean => {
    const x = a[i];
    const y = b[j];
    if (usedB[j] || !!y.weak !== bWeak) return false;
    if (exactKind ? x.kind !== y.kind || !sameValue(x.value, y.value) : !sameNumber(x, y)) return false;
    usedA[i] = 1;
    usedB[j] = 1;
    matched.push([x, y]);
    return true;
  };
  const pass = (aWeak: boolean, bWeak: boolean, exactKind: boolean): void => {
    for (let i = 0; i < a.length; i++) {
      if (usedA[i] || !!a[i].weak !== aWeak) continue;
      const list = byValue && Number.isInteger(a[i].value) ? byValue.get(valueKey(a[i].value)) : undefined;
      if (list) {
        for (const j of list) if (tryMatch(i, j, bWeak, exactKind)) break;
      } else if (!byValue || !Number.isInteger(a[i].value)) {
        for (let j = 0; j < b.length; j++) if (tryMatch(i, j, bWeak, exactKind)) break;
      }
    }
  };
  pass(false, false, true);
  pass(false, false, false);
  pass(false, true, false);
  pass(true, false, false);
  pass(true, true, false);
  // "the tenth (part)" ~ 十分之一: an ordinal names a fraction.
  const reciprocal = (x: NumberMention, y: NumberMention): boolean =>
    x.kind === 'ordinal' && x.value >= 3 && y.kind === 'decimal' && sameValue(1 / x.value, y.value);
  for (let i = 0; i < a.length; i++) {
    if (usedA[i]) continue;
    for (let j = 0; j < b.length; j++) {
      if (usedB[j] || !(reciprocal(a[i], b[j]) || reciprocal(b[j], a[i]))) continue;
      usedA[i] = 1;
      usedB[j] = 1;
      matched.push([a[i], b[j]]);
      break;
    }
  }
  const repeated = (m: NumberMention, other: NumberMention[]): boolean => !options.countRepeats && other.some((o) => sameNumber(m, o));
  let missingInTarget = a.filter((m, i) => !usedA[i] && !m.weak && !repeated(m, b));
  let extraInTarget = b.filter((m, j) => !usedB[j] && !m.weak && !repeated(m, a));
  if (!options.reportOmittedSmall) {
    // A small spelled number counts as an error only when the other side also has a number left over (a
    // substitution: 五 ↔ "six", 第三 ↔ "second"), not when it was simply left out or added (两侧 ↔ "either side").
    const small = (m: NumberMention): boolean => !!m.spelled && (m.kind === 'cardinal' || m.kind === 'ordinal' || m.kind === 'day') && m.value <= 10;
    const evidence = (m: NumberMention): boolean =>
      !m.inToken && (!m.weak || (m.value >= 2 && m.value <= 10 && (m.kind === 'cardinal' || m.kind === 'ordinal') && EN_LOOSE[m.raw.toLowerCase()] === undefined));
    const leftA = a.some((m, i) => !usedA[i] && evidence(m));
    const leftB = b.some((m, j) => !usedB[j] && evidence(m));
    if (!leftB) missingInTarget = missingInTarget.filter((m) => !small(m));
    if (!leftA) extraInTarget = extraInTarget.filter((m) => !small(m));
  }
  matched.sort((x, y) => x[0].start - y[0].start || x[1].start - y[1].start);
  return { missingInTarget, extraInTarget, matched };
}
