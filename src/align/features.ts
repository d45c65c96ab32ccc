/**
 * Sentence features for the lexical scorer. Every token carries a few integer keys in one key space shared by
 * both sides; a source token and a target token "match" when they share a key:
 *  - dictionary: a Chinese longest-match unit carries the stems of its English glosses; English words their stem;
 *  - identical tokens and cognates: words of space-separated languages carry their accent-free 6-letter prefix
 *    (normalised prefix match), Latin tokens in Chinese (5G, APEC, G20) carry their stem;
 *  - numbers in every form carry their value (2016年 ↔ 2016, 二十三 ↔ 23, 第十一 ↔ 11th);
 *  - ? ! and quotes/title marks carry a punctuation key;
 *  - transliterated names: Chinese characters whose readings spell an English capitalised word (陈清扬 ↔ Chen Qingyang);
 *  - learned pairs (IBM Model 1 on the first pass) add keys to source token types.
 */
import { headLinesOf, layerOf, lineStems, type Lexicon } from './lexicon.js';
import { digitValues, hasNumberWords, isStopword, lengthOf, numberValuesInto, stem, wordNumberValues, words } from './text.js';

export interface SideFeatures {
  lang: string;
  /** Per sentence s: its tokens are tokStart[s] … tokStart[s + 1] - 1 (flat typed arrays, no object per token). */
  tokStart: Int32Array;
  /** Per token: its type id in the side's type table (for Model 1). */
  tokType: Int32Array;
  /** Per token: its key list, an index into `lists`. */
  tokList: Int32Array;
  /** Per token: its weight. */
  tokWeight: Float32Array;
  /** Key lists shared by tokens (read-only; list 0 is empty). */
  lists: number[][];
  /** Per type id: its string. */
  types: string[];
}

/** Features in one key space with their key lists flat: list l is listKeys[listStart[l]] … listKeys[listStart[l + 1] - 1]. */
export interface PackedSideFeatures {
  lang: string;
  tokStart: Int32Array;
  tokType: Int32Array;
  tokList: Int32Array;
  tokWeight: Float32Array;
  listStart: Int32Array;
  listKeys: Int32Array;
  types: string[];
}

export class KeySpace {
  private ids = new Map<string, number>();
  /** The keys in id order. */
  names(): string[] {
    return [...this.ids.keys()];
  }
  id(k: string): number {
    let v = this.ids.get(k);
    if (v === undefined) {
      v = this.ids.size;
      this.ids.set(k, v);
    }
    return v;
  }
  get size(): number {
    return this.ids.size;
  }
}

/** The (read-only) key list of tokens without keys. */
const NO_KEYS: number[] = [];
/** The (read-only) number values of a word form without any. */
const NO_NUMS: string[] = [];

const MAX_SCORED_CHARS = 2000; // cap text used per sentence so a 1 MB "sentence" costs no more than a long one

/** The marks of `SideBuilder.marks` (their types; keys p:?, p:!, p:") and their tokens' weights. */
const MARKS = ['?', '!', '"'];
const MARK_WEIGHTS = [1, 1, 0.5];

/** Collects the tokens of one side into flat arrays; key lists of one key are shared per key. */
class SideBuilder {
  readonly types: string[] = [];
  readonly typeIds = new Map<string, number>();
  private starts: number[] = [0];
  // per token (type, list, weight), in arrays that grow by doubling (no boxed JS array per token field)
  private tt = new Int32Array(1024);
  private tl = new Int32Array(1024);
  private tw = new Float32Array(1024);
  private nt = 0;
  private lists: number[][] = [NO_KEYS];
  private single = new Map<number, number>();
  constructor(readonly lang: string) {}
  type(t: string): number {
    let v = this.typeIds.get(t);
    if (v === undefined) {
      v = this.types.length;
      this.types.push(t);
      this.typeIds.set(t, v);
    }
    return v;
  }
  /** A key list (kept as given) → its id. */
  list(keys: number[]): number {
    this.lists.push(keys);
    return this.lists.length - 1;
  }
  /** The list of the single key k → its id (one list per key). */
  one(k: number): number {
    let v = this.single.get(k);
    if (v === undefined) {
      v = this.list([k]);
      this.single.set(k, v);
    }
    return v;
  }
  /**
   * The tokens of a sentence's marks — `PUNCT_CLASS` bits 1 (?), 2 (!), 4 (quotes), in this order — with the type and
   * list of each mark made at its first token. (One path for the three marks, taken by every sentence: a mark first
   * met late, e.g. the first question, does not reach code the optimiser compiled without it.)
   */
  marks(punct: number, keys: KeySpace): void {
    for (let b = 0; b < 3; b++) {
      if (!(punct & (1 << b))) continue;
      let t = this.markType[b];
      if (t < 0) {
        t = this.markType[b] = this.type(MARKS[b]);
        this.markList[b] = this.one(keys.id('p:' + MARKS[b]));
      }
      this.push(t, this.markList[b], MARK_WEIGHTS[b]);
    }
  }
  private readonly markType = new Int32Array(3).fill(-1);
  private readonly markList = new Int32Array(3);
  push(type: number, list: number, weight: number): void {
    if (this.nt === this.tt.length) {
      const grow = <A extends Int32Array | Float32Array>(a: A, b: A): A => (b.set(a), b);
      this.tt = grow(this.tt, new Int32Array(this.nt * 2));
      this.tl = grow(this.tl, new Int32Array(this.nt * 2));
      this.tw = grow(this.tw, new Float32Array(this.nt * 2));
    }
    this.tt[this.nt] = type;
    this.tl[this.nt] = list;
    this.tw[this.nt] = weight; // float32 as Float32Array.from gave
    this.nt++;
  }
  // tokens of values (numbers, names): their type and list by value, per kind
  private readonly valueOf = [new Map<string, number>(), new Map<string, number>()];
  private readonly valueType: number[] = [];
  private readonly valueList: number[] = [];
  /**
   * `push(type(typePrefix + v), one(keys.id(keyPrefix + v)), weight)` with the type and list of each value made once
   * (kind 0: numbers, 1: names) — no new strings for a value met before.
   */
  pushValue(kind: 0 | 1, v: string, typePrefix: string, keys: KeySpace, keyPrefix: string, weight: number): void {
    const map = this.valueOf[kind];
    let u = map.get(v);
    if (u === undefined) {
      u = this.valueType.length;
      this.valueType.push(this.type(typePrefix + v));
      this.valueList.push(this.one(keys.id(keyPrefix + v)));
      map.set(v, u);
    }
    this.push(this.valueType[u], this.valueList[u], weight);
  }
  endSentence(): void {
    this.starts.push(this.nt);
  }
  done(): SideFeatures {
    return {
      lang: this.lang,
      tokStart: Int32Array.from(this.starts),
      tokType: this.tt.slice(0, this.nt),
      tokList: this.tl.slice(0, this.nt),
      tokWeight: this.tw.slice(0, this.nt),
      lists: this.lists,
      types: this.types,
    };
  }
}

const PUNCT_Q = /[?？]/;
const PUNCT_E = /[!！]/;
const QUOTES = /["“”«»„《》「」『』]/;

function punctTokens(text: string, side: SideBuilder, keys: KeySpace): void {
  side.marks((PUNCT_Q.test(text) ? 1 : 0) | (PUNCT_E.test(text) ? 2 : 0) | (QUOTES.test(text) ? 4 : 0), keys);
}

/** Features of a space-separated language side (en, de, fr, …). `pinyin` (optional) maps capitalised words to name keys. */
export function spacedFeatures(texts: readonly string[], lang: string, keys: KeySpace, pinyinOf?: (word: string) => string | undefined): SideFeatures {
  const sp = new SpacedSide(lang, keys, pinyinOf);
  for (const text0 of texts) sp.sentence(text0.length > MAX_SCORED_CHARS ? text0.slice(0, MAX_SCORED_CHARS) : text0);
  return sp.side.done();
}

/**
 * The side of `spacedFeatures`, one sentence at a time. Each word form is looked at once per document: its token
 * (type, key list, weight; or none: not a content word) and number values, by its id in a hash table of the forms by
 * their characters (FNV-1a, linear probing), so that a word met before costs a hash and a comparison, with no string.
 * An ASCII sentence is read by a scan of its bytes (TextEncoder.encodeInto: one native copy, which also tells an ASCII
 * text: as many bytes as characters) that gives the tokens of `words` (a word is a letter then letters, digits, ' and
 * -; a number is digits with . or , between digit groups; a letter right after a number starts a word); other
 * sentences by `words` itself. The forms' characters are kept in one array of UTF-16 units (`chars`), so that a word
 * is compared with a form without a string.
 */
class SpacedSide {
  readonly side: SideBuilder;
  private readonly hasNumberWords: boolean;
  // per form id: where its characters are in `chars` (formStart[id] … formStart[id + 1] - 1), type (-1: no token), key
  // list, weight, number values
  // (the growing arrays start small: they grow in the first sentences, before the optimiser compiles this class's
  // code — a first growth after it, a branch never run and a field reassigned for the first time, throws the compiled
  // code of the scan away: Bible 006, 3 compilations of newForm and ascii instead of 1)
  private chars = new Uint16Array(64);
  private readonly formStart: number[] = [0];
  private readonly formType: number[] = [];
  private readonly formList: number[] = [];
  private readonly formWeight: number[] = [];
  // (NO_NUMS for a form without: told by the reference alone, not by reading the form's array for every word)
  private readonly formNums: string[][] = [];
  // the forms by hash: [hash, id + 1] per slot
  private table: Int32Array = new Int32Array(2 * 16);
  private mask = 15;
  // the form ids of the sentence's words that have number values, in order
  private readonly numIds: number[] = [];
  private readonly nums: string[] = [];
  // the sentence's bytes (an ASCII text: its character codes), for a text of up to MAX_SCORED_CHARS characters
  private readonly bytes = new Uint8Array(3 * MAX_SCORED_CHARS + 4);
  constructor(
    private readonly lang: string,
    private readonly keys: KeySpace,
    private readonly pinyinOf: ((word: string) => string | undefined) | undefined,
  ) {
    this.side = new SideBuilder(lang);
    this.hasNumberWords = hasNumberWords(lang);
  }

  sentence(text: string): void {
    const side = this.side;
    const keys = this.keys;
    this.numIds.length = 0;
    let punct = -1;
    // (texts here have at most MAX_SCORED_CHARS characters: their UTF-8 fits in `bytes`)
    const ascii = text.length <= MAX_SCORED_CHARS && ENCODER.encodeInto(text, this.bytes).written === text.length;
    if (!ascii) {
      for (const w of words(text)) {
        let h = HASH0;
        for (let q = 0; q < w.length; q++) h = hashStep(h, w.charCodeAt(q));
        this.word(w, 0, w.length, h, null);
      }
    } else punct = this.ascii(text);
    // numberValues(text, lang, words), with the values of each word form computed once per document (the scan of an
    // ASCII text saw whether it has a digit: bit 8)
    const nums = this.nums;
    nums.length = 0;
    if (punct < 0 || punct & 8) digitValues(text.length > 4000 ? text.slice(0, 4000) : text, nums);
    for (const id of this.numIds) for (const v of this.formNums[id]) nums.push(v);
    for (const v of nums) side.pushValue(0, v, '#', keys, 'n:', 2);
    if (punct < 0) punctTokens(text, side, keys);
    else {
      // punctTokens(text, side, keys) of an ASCII text, from the marks met by the scan
      side.marks(punct, keys);
    }
    side.endSentence();
  }

  /**
   * The words of an ASCII text (`words`) from its bytes (`this.bytes`); returns the `PUNCT_CLASS` bits of its other
   * characters, and 8 when it has a digit.
   */
  private ascii(t: string): number {
    const b = this.bytes;
    const n = t.length;
    let punct = 0;
    let digit = 0;
    let i = 0;
    while (i < n) {
      const c = b[i];
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        let h = hashStep(HASH0, c);
        let k = i + 1;
        for (; k < n; k++) {
          const d = b[k];
          if (!((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 39 || d === 45)) break;
          if (d <= 57 && d >= 48) digit = 8;
          h = hashStep(h, d);
        }
        this.word(t, i, k, h, b);
        i = k;
      } else if (c >= 48 && c <= 57) {
        const k = asciiNumberEnd(t, i, n);
        let h = HASH0;
        for (let q = i; q < k; q++) h = hashStep(h, b[q]);
        this.word(t, i, k, h, b);
        digit = 8;
        i = k;
      } else {
        punct |= PUNCT_CLASS[c];
        i++;
      }
    }
    return punct | digit;
  }

  /**
   * The word t[i, k) (hash h; `b`: the text's bytes when it is ASCII, else null): its token, and its form id kept for
   * the sentence's numbers when it has some.
   */
  private word(t: string, i: number, k: number, h: number, b: Uint8Array | null): void {
    const table = this.table;
    const mask = this.mask;
    const chars = this.chars;
    const len = k - i;
    let id = -1;
    let s = slotOf(h, mask);
    for (; table[2 * s + 1] !== 0; s = (s + 1) & mask) {
      if (table[2 * s] !== h) continue;
      const f = table[2 * s + 1] - 1;
      const at = this.formStart[f];
      if (this.formStart[f + 1] - at !== len) continue;
      let q = 0;
      if (b) while (q < len && chars[at + q] === b[i + q]) q++;
      else while (q < len && chars[at + q] === t.charCodeAt(i + q)) q++;
      if (q === len) {
        id = f;
        break;
      }
    }
    if (id < 0) id = this.newForm(i === 0 && k === t.length ? t : t.slice(i, k), h, s);
    if (this.formNums[id] !== NO_NUMS) this.numIds.push(id);
    // tokens share their (read-only) key list with every other occurrence of the word
    const type = this.formType[id];
    if (type >= 0) this.side.push(type, this.formList[id], this.formWeight[id]);
  }

  /** A word form met for the first time (empty slot s of the table): its token and number values. */
  private newForm(w: string, h: number, s: number): number {
    const lang = this.lang;
    const keys = this.keys;
    const side = this.side;
    const id = this.formType.length;
    const at = this.formStart[id];
    if (at + w.length > this.chars.length) {
      const grown = new Uint16Array(Math.max(2 * this.chars.length, at + w.length));
      grown.set(this.chars);
      this.chars = grown;
    }
    for (let q = 0; q < w.length; q++) this.chars[at + q] = w.charCodeAt(q);
    this.formStart.push(at + w.length);
    let type = -1;
    let list = 0;
    let weight = 0;
    if (!/^\d/.test(w) && !isStopword(w, lang)) {
      const st = stem(w, lang);
      if (st.length >= 2) {
        const k = [keys.id('w:' + st)];
        weight = 1;
        if (this.pinyinOf && /^\p{Lu}\p{Ll}/u.test(w)) {
          const py = this.pinyinOf(w);
          if (py) {
            k.push(keys.id('y:' + py));
            weight = 1.5;
          }
        }
        type = side.type(st);
        list = k.length === 1 ? side.one(k[0]) : side.list(k);
      }
    }
    this.formType.push(type);
    this.formList.push(list);
    this.formWeight.push(weight);
    const vs: string[] = [];
    if (this.hasNumberWords) wordNumberValues(w, lang, vs);
    this.formNums.push(vs.length > 0 ? vs : NO_NUMS);
    this.table[2 * s] = h;
    this.table[2 * s + 1] = id + 1;
    if ((id + 1) * 8 > (this.mask + 1) * 5) {
      this.table = grown(this.table);
      this.mask = 2 * this.mask + 1;
    }
    return id;
  }
}

/**
 * Features of a Chinese side: longest-match lexicon units (keys = gloss stems), Latin tokens, numbers, name
 * matches, punctuation; Han characters outside lexicon units become single-character tokens (keys only from the
 * learned table).
 */
export function chineseFeatures(
  texts: readonly string[],
  keys: KeySpace,
  lexicon: Lexicon | undefined,
  otherLang: string,
  names?: NameMatcher,
): SideFeatures {
  const zh = new ChineseSide(keys, lexicon, otherLang, names);
  // one call per sentence (not one loop over the document): the sentence loop is optimised as a function, with its
  // rare paths in functions of their own, instead of being recompiled on the stack each time a new path is taken
  for (const text0 of texts) zh.sentence(text0.length > MAX_SCORED_CHARS ? text0.slice(0, MAX_SCORED_CHARS) : text0);
  return zh.side.done();
}

/**
 * Whether the unit of a two-character head word (c0 c1) is kept for its next occurrences: when both are in
 * U+3400…U+9FFF. Other ones (a surrogate pair, 〇, compatibility ideographs) get a new key list at each occurrence, with
 * the same keys — as before the match index of 2026-11, so that the features (list numbers included) stay the same.
 */
function kept(c0: number, c1: number): boolean {
  return c0 >= 0x3400 && c0 <= 0x9fff && c1 >= 0x3400 && c1 <= 0x9fff;
}

/** Punctuation classes of UTF-16 units for `punctTokens`' keys: bit 1 ?, bit 2 !, bit 4 a quote or title mark. */
const PUNCT_CLASS = (() => {
  const t = new Uint8Array(65536);
  for (const c of '?？') t[c.charCodeAt(0)] |= 1;
  for (const c of '!！') t[c.charCodeAt(0)] |= 2;
  for (const c of '"“”«»„《》「」『』') t[c.charCodeAt(0)] |= 4;
  return t;
})();

/** The `PUNCT_CLASS` bits of the characters of a text. */
function punctClasses(text: string): number {
  let p = 0;
  for (let i = 0; i < text.length; i++) p |= PUNCT_CLASS[text.charCodeAt(i)];
  return p;
}

/** The Chinese side of `chineseFeatures`, one sentence at a time. */
class ChineseSide {
  readonly side = new SideBuilder('zh');
  private readonly ix: MatchIndex | undefined;
  private readonly maxL: number;
  // per lexicon head word met: its unit (type and key list: unitType[u], unitList[u]) + 1, by the index's slot
  private readonly unitOfSlot: Int32Array;
  // per single character (UTF-16 unit) that is a head word: its unit + 1 (no slot lookup)
  private readonly unitOfChar = new Int32Array(65536);
  private readonly unitType: number[] = [];
  private readonly unitList: number[] = [];
  // per single character (UTF-16 unit) outside lexicon units: its type id + 1
  private readonly charType = new Int32Array(65536);
  private readonly nums: string[] = [];
  /** The slot of the last head word found by `match`. */
  private slot = -1;
  constructor(
    private readonly keys: KeySpace,
    private readonly lexicon: Lexicon | undefined,
    private readonly otherLang: string,
    private readonly names: NameMatcher | undefined,
  ) {
    this.ix = lexicon ? matchIndexOf(lexicon) : undefined;
    this.maxL = lexicon ? Math.min(lexicon.maxLength, 8) : 0;
    this.unitOfSlot = new Int32Array(this.ix ? this.ix.shortMask + 1 + this.ix.longMask + 1 : 0);
  }

  sentence(text: string): void {
    const side = this.side;
    const n = text.length;
    let punct = 0;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      // Latin runs: 5G, APEC, G20, RCEP, iPhone
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff21 && c <= 0xff5a)) {
        i = this.latin(text, i);
        continue;
      }
      if (!(c >= 0x3400 && c <= 0x9fff) && !(c >= 0xf900 && c <= 0xfaff) && !(c >= 0xd840 && c <= 0xd87f)) {
        punct |= PUNCT_CLASS[c];
        i++;
        continue;
      }
      const found = this.ix ? this.match(text, i, c) : 0;
      if (found) {
        const u = found === 1 ? this.unitOfChar[c] - 1 : found > 2 || kept(c, text.charCodeAt(i + 1)) ? this.unitOfSlot[this.slot] - 1 : -1;
        if (u >= 0) side.push(this.unitType[u], this.unitList[u], found >= 2 ? 1 : 0.7);
        else this.newUnit(text, i, found, c);
        i += found;
      } else {
        let t = this.charType[c] - 1;
        if (t < 0) this.charType[c] = (t = side.type(text[i])) + 1;
        side.push(t, 0, 0.7);
        i++;
      }
    }
    const keys = this.keys;
    const nums = this.nums;
    nums.length = 0;
    numberValuesInto(text, 'zh', nums);
    for (const v of nums) side.pushValue(0, v, '#', keys, 'n:', 2);
    if (this.names) for (const py of this.names.find(text)) side.pushValue(1, py, 'y:', keys, 'y:', 1.5);
    // punctTokens(text, side, keys), from the classes of the characters read above (Latin runs and Han characters
    // hold none of these marks; nor do the lexicon's head words, else the text is read again)
    if (this.ix?.punct) punct = punctClasses(text);
    side.marks(punct, keys);
    side.endSentence();
  }

  /** A Latin run at i (5G, APEC, G20, RCEP, iPhone) → its token; returns the index after the run. */
  private latin(text: string, i: number): number {
    const n = text.length;
    let k = i + 1;
    while (k < n && /[A-Za-z0-9.&Ａ-Ｚａ-ｚ０-９-]/.test(text[k])) k++;
    const w = text.slice(i, k).normalize('NFKC').replace(/[.-]+$/, '');
    if (w.length >= 1 && !isStopword(w, this.otherLang)) {
      const s = stem(w, this.otherLang);
      const type = this.side.type(s);
      this.side.push(type, this.side.one(this.keys.id('w:' + s)), 2);
    }
    return k;
  }

  /**
   * Forward longest match at i (character code c): the length of the longest head word there (0: none; its slot in
   * `this.slot` when longer than one character), stopping as soon as no longer head word starts with the characters
   * read so far. A character at an index where no head word has it ends the match without a lookup.
   */
  private match(text: string, i: number, c: number): number {
    const ix = this.ix!;
    const f1 = ix.one[c];
    let found = f1 & 1;
    if (!(f1 & 2) || this.maxL < 2 || i + 1 >= text.length) return found;
    const at = ix.at;
    const c1 = text.charCodeAt(i + 1);
    if (!(at[c1] & 1)) return found;
    const s2 = findShort(ix, (c << 16) | c1, 2);
    if (s2 < 0) return found;
    const f2 = ix.short[2 * s2 + 1] >> 4;
    if (f2 & 1) {
      found = 2;
      this.slot = s2;
    }
    if (!(f2 & 2)) return found;
    // three characters and more: by a hash of the characters (FNV-1a), checked against the head word's characters
    const end = Math.min(i + this.maxL, text.length);
    let h = hashStep(hashStep(HASH0, c), c1);
    for (let k = i + 2, bit = 2; k < end; k++, bit <<= 1) {
      const ck = text.charCodeAt(k);
      if (!(at[ck] & bit)) break;
      h = hashStep(h, ck);
      const s = findLong(ix, h, text, i, k + 1 - i);
      if (s < 0) break;
      const f = ix.long[2 * s + 1] >> 4;
      if (f & 1) {
        found = k + 1 - i;
        this.slot = ix.shortMask + 1 + s;
      }
      if (!(f & 2)) break;
    }
    return found;
  }

  /** The first occurrence of a head word (found characters at i): its type and key list, then its token. */
  private newUnit(text: string, i: number, found: number, c: number): void {
    const ix = this.ix!;
    const side = this.side;
    const s = found === 1 ? findShort(ix, c, 1) : this.slot;
    const kk = headStems(ix, this.lexicon!, s).map((st) => this.keys.id('w:' + st));
    const u = this.unitType.length;
    this.unitType.push(side.type(text.slice(i, i + found)));
    this.unitList.push(side.list(kk));
    if (found === 1) this.unitOfChar[c] = u + 1;
    else if (found > 2 || kept(c, text.charCodeAt(i + 1))) this.unitOfSlot[s] = u + 1;
    side.push(this.unitType[u], this.unitList[u], found >= 2 ? 1 : 0.7);
  }
}

/**
 * Longest-match index of a lexicon (built once per lexicon): flags by character code filter the steps of the match;
 * the head words and their proper prefixes (up to 8 characters, the longest match) are in two open-addressing hash
 * tables (linear probing, power-of-two sizes at most 5/8 full, 2 numbers a slot): of 1–2 characters by their codes
 * (no check needed), of 3–8 by a hash of their UTF-16 units (FNV-1a) checked against the head word's characters — a
 * step of the match hashes one more character instead of making a substring, and the tables are small (the match
 * reads them at random: their size is its time).
 */
export interface MatchIndexParts {
  /** Per UTF-16 unit: bit 1 a head word of one character, bit 2 the first character of a longer head word. */
  one: Uint8Array;
  /** Per UTF-16 unit: bit p - 1 set when some head word has it at index p (1 ≤ p ≤ 7). */
  at: Uint8Array;
  /**
   * Strings of 1–2 characters, per slot: the key (c0, or c0 << 16 | c1) and meta = length | flags << 4 | word << 6
   * (0: an empty slot; flag 1 a head word, 2 a proper prefix of a longer head word; word: the head word whose
   * characters these are — for a head word, itself).
   */
  short: Int32Array;
  shortMask: number;
  shortCount: number;
  /** Strings of 3–8 characters, per slot: the hash and meta as in `short`. */
  long: Int32Array;
  longMask: number;
  longCount: number;
  /** Some head word holds a character of `PUNCT_CLASS` among its first 8. */
  punct: boolean;
}

/**
 * The index with the head words' characters it reads (`MatchIndexParts`: the part a prebuilt image of the built-in
 * lexicon keeps, builtin.ts — the head lines are the lexicon's, `setHeadLines`).
 */
interface MatchIndex extends MatchIndexParts {
  /** Per head word: where its characters are in `chars` (with the head lines: where its line starts). */
  starts: Int32Array;
  /** The head lines (`head\tstem stem…`, see `setHeadLines`), or the head words joined. */
  chars: string;
  /** The gloss stems are read from `chars` (head lines), not from the lexicon's entries. */
  lines: boolean;
}

const HASH0 = 0x811c9dc5 | 0;

/** FNV-1a step over one UTF-16 unit. */
function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** The slot of a key in a table of mask + 1 slots (Fibonacci hashing, high bits folded onto the low ones). */
function slotOf(key: number, mask: number): number {
  const x = Math.imul(key, 0x9e3779b1);
  return (x ^ (x >>> 16)) & mask;
}

/** The short-table slot of the string of `len` (1–2) characters with this key, -1 when absent. */
function findShort(ix: MatchIndex, key: number, len: number): number {
  const t = ix.short;
  const mask = ix.shortMask;
  for (let s = slotOf(key, mask); ; s = (s + 1) & mask) {
    const meta = t[2 * s + 1];
    if (meta === 0) return -1;
    if (t[2 * s] === key && (meta & 15) === len) return s;
  }
}

/** The long-table slot of the l characters of `text` at i (hash h), -1 when absent. */
function findLong(ix: MatchIndex, h: number, text: string, i: number, l: number): number {
  const t = ix.long;
  const mask = ix.longMask;
  for (let s = slotOf(h, mask); ; s = (s + 1) & mask) {
    const meta = t[2 * s + 1];
    if (meta === 0) return -1;
    if (t[2 * s] === h && (meta & 15) === l && sameChars(ix.chars, ix.starts[meta >>> 6], text, i, l)) return s;
  }
}

function sameChars(a: string, ai: number, b: string, bi: number, l: number): boolean {
  for (let q = 0; q < l; q++) if (a.charCodeAt(ai + q) !== b.charCodeAt(bi + q)) return false;
  return true;
}

/** The gloss stems of the head word of slot s (short table; long table: shortMask + 1 + its slot) — `entries.get(head)`. */
function headStems(ix: MatchIndex, lex: Lexicon, s: number): string[] {
  const meta = s <= ix.shortMask ? ix.short[2 * s + 1] : ix.long[2 * (s - ix.shortMask - 1) + 1];
  const start = ix.starts[meta >>> 6];
  const len = meta & 15;
  return ix.lines ? lineStems(ix.chars, start, len) : lex.entries.get(ix.chars.slice(start, start + len))!;
}

/** A slot's meta with `flags` added (and the word, when the flags make it a head word: the last one given). */
function mergedMeta(meta: number, flags: number, word: number): number {
  return flags & 1 ? (meta & 63) | (flags << 4) | (word << 6) : meta | (flags << 4);
}

/** Put a string (key, length, flags, word) in the short table, or add the flags to it (the word: when a head word). */
function putShort(ix: MatchIndex, key: number, len: number, flags: number, word: number): void {
  const t = ix.short;
  const mask = ix.shortMask;
  let s = slotOf(key, mask);
  for (; t[2 * s + 1] !== 0; s = (s + 1) & mask) {
    if (t[2 * s] === key && (t[2 * s + 1] & 15) === len) {
      t[2 * s + 1] = mergedMeta(t[2 * s + 1], flags, word);
      return;
    }
  }
  t[2 * s] = key;
  t[2 * s + 1] = len | (flags << 4) | (word << 6);
  if (++ix.shortCount * 8 > (mask + 1) * 5) {
    ix.short = grown(t);
    ix.shortMask = 2 * mask + 1;
  }
}

/** Put a string of 3–8 characters (hash h, the first len characters of head word `word`) in the long table. */
function putLong(ix: MatchIndex, h: number, len: number, flags: number, word: number): void {
  const t = ix.long;
  const mask = ix.longMask;
  let s = slotOf(h, mask);
  const p0 = ix.starts[word];
  for (; t[2 * s + 1] !== 0; s = (s + 1) & mask) {
    const meta = t[2 * s + 1];
    if (t[2 * s] === h && (meta & 15) === len && sameChars(ix.chars, ix.starts[meta >>> 6], ix.chars, p0, len)) {
      t[2 * s + 1] = mergedMeta(meta, flags, word);
      return;
    }
  }
  t[2 * s] = h;
  t[2 * s + 1] = len | (flags << 4) | (word << 6);
  if (++ix.longCount * 8 > (mask + 1) * 5) {
    ix.long = grown(t);
    ix.longMask = 2 * mask + 1;
  }
}

/** A table of twice the size with the same entries (slots by their keys). */
function grown(t: Int32Array): Int32Array {
  const mask = t.length - 1; // the new number of slots (2 × the old one, t.length) − 1
  const out = new Int32Array(2 * t.length);
  for (let s = 0; s < t.length; s += 2) {
    if (t[s + 1] === 0) continue;
    let d = slotOf(t[s], mask);
    while (out[2 * d + 1] !== 0) d = (d + 1) & mask;
    out[2 * d] = t[s];
    out[2 * d + 1] = t[s + 1];
  }
  return out;
}

/** Index head word `word` (`len` characters at `starts[word]` in the index's characters) and its prefixes. */
function addHead(ix: MatchIndex, word: number, len: number): void {
  const chars = ix.chars;
  const p0 = ix.starts[word];
  const c0 = chars.charCodeAt(p0);
  ix.one[c0] |= len === 1 ? 1 : 2;
  if (PUNCT_CLASS[c0]) ix.punct = true;
  if (len === 1) {
    putShort(ix, c0, 1, 1, word);
    return;
  }
  const c1 = chars.charCodeAt(p0 + 1);
  ix.at[c1] |= 1;
  if (PUNCT_CLASS[c1]) ix.punct = true;
  putShort(ix, (c0 << 16) | c1, 2, len === 2 ? 1 : 2, word);
  let h = hashStep(hashStep(HASH0, c0), c1);
  for (let l = 3; l <= len && l <= 8; l++) {
    const c = chars.charCodeAt(p0 + l - 1);
    ix.at[c] |= 1 << (l - 2);
    if (PUNCT_CLASS[c]) ix.punct = true;
    h = hashStep(h, c);
    putLong(ix, h, l, l === len ? 1 : 2, word);
  }
}

const MATCH_INDEX = new WeakMap<Lexicon, MatchIndex>();
/** Build the longest-match index of a lexicon now (a thread that waits for its texts) rather than at its first use. */
export function prepareLexicon(lex: Lexicon): void {
  matchIndexOf(lex);
}

function matchIndexOf(lex: Lexicon): MatchIndex {
  let ix = MATCH_INDEX.get(lex);
  if (!ix) ix = layeredIndex(lex);
  if (!ix) {
    const src = headLinesOf(lex);
    let chars: string;
    // head word k: chars[starts[k], starts[k] + lens[k]); its line (head lines) starts there
    let starts: Int32Array;
    let lens: Int32Array;
    if (src) {
      ({ starts, lens } = src);
      chars = src.text;
    } else {
      const heads = [...lex.entries.keys()].filter((h) => h.length > 0);
      chars = heads.join('\n');
      starts = new Int32Array(heads.length);
      lens = new Int32Array(heads.length);
      for (let k = 0, p = 0; k < heads.length; p += heads[k].length + 1, k++) {
        starts[k] = p;
        lens[k] = heads[k].length;
      }
    }
    // (a head word's number is kept in 25 bits of a slot: a Map holds at most 2^24 entries)
    ix = {
      one: new Uint8Array(65536),
      at: new Uint8Array(65536),
      short: new Int32Array(2 * 4096),
      shortMask: 4095,
      shortCount: 0,
      long: new Int32Array(2 * 4096),
      longMask: 4095,
      longCount: 0,
      starts,
      chars,
      lines: !!src,
      punct: false,
    };
    for (let k = 0; k < starts.length; k++) addHead(ix, k, lens[k]);
    MATCH_INDEX.set(lex, ix);
  }
  return ix;
}

/**
 * The index of a merge over a lexicon with head lines (`layerOf`): a copy of that lexicon's index (the same first
 * head words, in the same order, inserted in the same order: the same tables) with the merge's other head words added,
 * reading the merge's head lines — what building it from the start gives, without re-indexing 109,000 head words.
 */
function layeredIndex(lex: Lexicon): MatchIndex | undefined {
  const layer = layerOf(lex);
  const src = headLinesOf(lex);
  if (!layer || !src) return undefined;
  const base = matchIndexOf(layer.base);
  if (!base.lines || base.starts.length !== layer.count) return undefined;
  const ix: MatchIndex = {
    one: base.one.slice(),
    at: base.at.slice(),
    short: base.short.slice(),
    shortMask: base.shortMask,
    shortCount: base.shortCount,
    long: base.long.slice(),
    longMask: base.longMask,
    longCount: base.longCount,
    starts: src.starts,
    chars: src.text,
    lines: true,
    punct: base.punct,
  };
  for (let k = layer.count; k < src.starts.length; k++) addHead(ix, k, src.lens[k]);
  MATCH_INDEX.set(lex, ix);
  return ix;
}

/** The index of a lexicon with head lines (`prepareLexicon`'s, built now if need be); undefined without head lines. */
export function matchIndexParts(lex: Lexicon): MatchIndexParts | undefined {
  const ix = matchIndexOf(lex);
  return ix.lines ? ix : undefined;
}

/** Give a lexicon with head lines the index `matchIndexParts` gave for the same head lines (no check: same data). */
export function adoptMatchIndex(lex: Lexicon, parts: MatchIndexParts): void {
  const src = headLinesOf(lex);
  if (!src) throw new Error('adoptMatchIndex: the lexicon has no head lines');
  // (the fields in matchIndexOf's order: one object shape for every index)
  const { one, at, short, shortMask, shortCount, long, longMask, longCount, punct } = parts;
  MATCH_INDEX.set(lex, { one, at, short, shortMask, shortCount, long, longMask, longCount, starts: src.starts, chars: src.text, lines: true, punct });
}

const NO_NODES = new Int32Array(0);

/** A reading's letters as numbers: a = 0 … z = 25, 255 for other characters. */
function readingLetters(r: string): Uint8Array {
  const out = new Uint8Array(r.length);
  for (let q = 0; q < r.length; q++) {
    const c = r.charCodeAt(q);
    out[q] = c >= 97 && c < 123 ? c - 97 : 255;
  }
  return out;
}

/** A trie of words of the letters a-z: child[node * 26 + letter] (0: none), node 0 the root; `add` gives a word's node. */
class LetterTrie {
  child = new Int32Array(26 * 64);
  nodes = 1;
  add(word: string): number {
    let node = 0;
    for (let k = 0; k < word.length; k++) {
      const c = word.charCodeAt(k) - 97;
      let nx = this.child[node * 26 + c];
      if (!nx) {
        nx = this.nodes++;
        if (this.nodes * 26 > this.child.length) {
          const grown = new Int32Array(this.child.length * 2);
          grown.set(this.child);
          this.child = grown;
        }
        this.child[node * 26 + c] = nx;
      }
      node = nx;
    }
    return node;
  }
}

/**
 * Transliterated names: English capitalised words that split into pinyin syllables (Qingyang → qing|yang) and the
 * Chinese character runs whose readings spell them (清扬). Built per document from the words that occur in it.
 */
export class NameMatcher {
  // letter trie of the pinyin spellings of the document's names (a-z): child[node * 26 + letter], 0 = none
  private child: Int32Array;
  private nodes: number;
  private term: Array<string | undefined> = [undefined];
  // the readings' syllables as a letter trie (a-z): sylChild[node * 26 + letter], 0 = none; sylEnd[node]: a syllable ends
  private sylChild: Int32Array;
  private sylEnd: Uint8Array;
  private best = '';
  private bestLen = 0;
  constructor(
    private readings: Map<string, string[]>,
    englishWords: Iterable<string>,
  ) {
    // (readings of more than 6 letters, or of other characters, never split a word: see pinyinOf)
    const syllables = new LetterTrie();
    const ends: number[] = [];
    for (const list of readings.values()) for (const r of list) if (r.length > 0 && r.length <= 6 && /^[a-z]+$/.test(r)) ends.push(syllables.add(r));
    this.sylChild = syllables.child;
    this.sylEnd = new Uint8Array(syllables.nodes);
    for (const nd of ends) this.sylEnd[nd] = 1;
    const names = new LetterTrie();
    for (const w of englishWords) {
      const py = this.pinyinOf(w);
      if (!py) continue;
      const node = names.add(py);
      while (this.term.length < names.nodes) this.term.push(undefined);
      this.term[node] = py;
    }
    this.child = names.child;
    this.nodes = names.nodes;
    this.nextLetters = new Int32Array(this.nodes);
    for (let nd = 0; nd < this.nodes; nd++) for (let x = 0; x < 26; x++) if (this.child[nd * 26 + x]) this.nextLetters[nd] |= 1 << x;
  }
  /** The pinyin spelling of a capitalised English word, when it splits into 1–4 syllables. */
  pinyinOf(word: string): string | undefined {
    const w = word.toLowerCase().replace(/[’'-]/g, '');
    if (w.length < 2 || w.length > 20 || !/^[a-z]+$/.test(w)) return undefined;
    if (isStopword(w, 'en')) return undefined;
    // segmentation DP over syllables (fewest syllables), each start's syllables read along the trie
    const ok = new Int8Array(w.length + 1);
    const cnt = new Int8Array(w.length + 1);
    ok[0] = 1;
    for (let b = 0; b < w.length; b++) {
      if (!ok[b]) continue;
      for (let e = b + 1, node = 0; e <= Math.min(w.length, b + 6); e++) {
        node = this.sylChild[node * 26 + w.charCodeAt(e - 1) - 97];
        if (!node) break;
        if (this.sylEnd[node] && (!ok[e] || cnt[b] + 1 < cnt[e])) {
          ok[e] = 1;
          cnt[e] = cnt[b] + 1;
        }
      }
    }
    if (!ok[w.length] || cnt[w.length] > 4) return undefined;
    if (cnt[w.length] === 1 && w.length < 3) return undefined;
    return w;
  }
  /** Name keys found in a Chinese text (longest reading match at each position, 1–4 characters). */
  find(text: string): string[] {
    if (this.nodes === 1) return [];
    const out: string[] = [];
    // each character's (code point's) readings, looked up once (not once per visit of the search), by a scan of
    // code units: no string per character
    const rids = this.rids.length >= text.length ? this.rids : (this.rids = new Int32Array(Math.max(text.length, 2 * this.rids.length)));
    let nc = 0;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length) {
        const d = text.charCodeAt(k + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          rids[nc++] = this.readingsId(text.slice(k, k + 2));
          k++;
          continue;
        }
      }
      rids[nc++] = this.readingsIdOfCode(c);
    }
    this.nc = nc;
    const term = this.term;
    for (let i = 0; i < nc; i++) {
      const rid = rids[i];
      if (rid < 0) continue;
      // the first character: its readings' trie nodes from the root, spelled once per character (walk's first level)
      const first = this.rootNext[rid];
      if (first.length === 0) continue;
      this.best = '';
      this.bestLen = 0;
      // the letters that begin a reading of the next character (walk's test, before the call)
      const next = i + 1 < nc && rids[i + 1] >= 0 ? this.firstLetters[rids[i + 1]] : 0;
      for (let q = 0; q < first.length; q++) {
        const nd = first[q];
        if (nd <= 0) continue;
        const t = term[nd];
        if (t !== undefined && this.bestLen < 1) {
          this.best = t;
          this.bestLen = 1;
        }
        if (next & this.nextLetters[nd]) this.walk(rids, i, i + 1, nd);
      }
      if (this.bestLen > 0) {
        out.push(this.best);
        i += this.bestLen - 1;
      }
    }
    return out;
  }
  // a character's readings as letter numbers (a = 0 … z = 25, 255 otherwise), by an id per character
  private readingLetters: Uint8Array[][] = [];
  private idOfCode = new Int32Array(65536); // id + 2; 1: no readings; 0: not looked up yet
  private idOfChar = new Map<string, number>();
  private rids = new Int32Array(16); // (grown by the first sentences: see SpacedSide.chars)
  /** The number of characters of the text of `find` (in `rids`). */
  private nc = 0;
  /** Per readings id: bit x set when one of its readings begins with letter x (a = 0). */
  private firstLetters: number[] = [];
  /** Per trie node: bit x set when it has a child by letter x; made with the trie. */
  private nextLetters = new Int32Array(0);
  /**
   * Per readings id: the trie node each reading spells from the root, in reading order (≤ 0: none); empty when none
   * does. Made with the id (a packed array: no hole to look up).
   */
  private rootNext: Int32Array[] = [];
  private rootNodes(rid: number): Int32Array {
    const rs = this.readingLetters[rid];
    const nodes = new Int32Array(rs.length);
    let any = false;
    for (let q = 0; q < rs.length; q++) {
      const r = rs[q];
      let nd = 0;
      for (let x = 0; x < r.length && nd >= 0; x++) {
        const c = r[x];
        nd = c < 26 ? this.child[nd * 26 + c] || -1 : -1;
      }
      nodes[q] = nd;
      if (nd > 0) any = true;
    }
    return any ? nodes : NO_NODES;
  }
  /** `readingsId` of a character of one code unit. */
  private readingsIdOfCode(code: number): number {
    const v = this.idOfCode[code];
    return v > 0 ? v - 2 : this.readingsId(String.fromCharCode(code));
  }
  /** The id of a character's readings (-1: none). */
  private readingsId(ch: string): number {
    const code = ch.length === 1 ? ch.charCodeAt(0) : -1;
    if (code >= 0 && this.idOfCode[code] > 0) return this.idOfCode[code] - 2;
    let id = code < 0 ? this.idOfChar.get(ch) : undefined;
    if (id === undefined) {
      const rs = this.readings.get(ch);
      id = -1;
      if (rs) {
        id = this.readingLetters.length;
        // (a list of its own, filled by push: always a packed array — `map` keeps a holey list holey, and one holey
        // list met late threw the compiled search away)
        const letters: Uint8Array[] = [];
        for (const r of rs) letters.push(readingLetters(r));
        this.readingLetters.push(letters);
        this.rootNext.push(this.rootNodes(id));
        let first = 0;
        // (an empty reading walks nowhere: it keeps the node, so it lets every letter follow)
        for (const r of rs) first |= r.length === 0 ? -1 : r.charCodeAt(0) >= 97 && r.charCodeAt(0) < 123 ? 1 << (r.charCodeAt(0) - 97) : 0;
        this.firstLetters.push(first);
      }
      if (code >= 0) this.idOfCode[code] = id + 2;
      else this.idOfChar.set(ch, id);
    }
    return id;
  }
  /** Depth-first search over the readings of chars[k…] along the trie (the concatenated readings must stay a prefix of a name). */
  private walk(rids: Int32Array, i: number, k: number, node: number): void {
    if (k - i >= 4 || k >= this.nc) return;
    const rid = rids[k];
    // (no reading of the character begins with a letter that follows the node: no walk)
    if (rid < 0 || !(this.firstLetters[rid] & this.nextLetters[node])) return;
    const rs = this.readingLetters[rid];
    const child = this.child;
    for (let x = 0; x < rs.length; x++) {
      const r = rs[x];
      let nd = node;
      for (let q = 0; q < r.length && nd >= 0; q++) {
        const c = r[q];
        nd = c < 26 ? child[nd * 26 + c] || -1 : -1;
      }
      if (nd <= 0) continue;
      const t = this.term[nd];
      if (t !== undefined && k + 1 - i > this.bestLen) {
        this.best = t;
        this.bestLen = k + 1 - i;
      }
      this.walk(rids, i, k + 1, nd);
    }
  }
}

/** End of the ASCII number that starts with the digit at t[i] (digits, with . or , between digit groups). */
function asciiNumberEnd(t: string, i: number, n: number): number {
  let k = i + 1;
  for (;;) {
    while (k < n && t.charCodeAt(k) >= 48 && t.charCodeAt(k) <= 57) k++;
    const d = k + 1 < n ? t.charCodeAt(k) : 0;
    if ((d === 46 || d === 44) && t.charCodeAt(k + 1) >= 48 && t.charCodeAt(k + 1) <= 57) k += 2;
    else break;
  }
  return k;
}

/** English words of a side, for NameMatcher: the word tokens (`words`) that begin with a capital and a small letter. */
export function capitalisedWords(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t0 of texts) {
    const t = t0.length > MAX_SCORED_CHARS ? t0.slice(0, MAX_SCORED_CHARS) : t0;
    if (NON_ASCII.test(t)) {
      for (const w of words(t)) if (/^\p{Lu}\p{Ll}/u.test(w)) out.add(w);
    } else asciiCapitalised(t, out);
  }
  return out;
}

const NON_ASCII = /[^\x00-\x7f]/;
const ENCODER = new TextEncoder();

/**
 * `capitalisedWords` of an ASCII text by a scan of character codes instead of the Unicode word regex (the same
 * tokens: in ASCII a word is a letter then letters, digits, ' and -; a number is digits with . or , between digit
 * groups, and a letter right after a number starts a word).
 */
function asciiCapitalised(t: string, out: Set<string>): void {
  const n = t.length;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      let k = i + 1;
      for (; k < n; k++) {
        const d = t.charCodeAt(k);
        if (!((d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 39 || d === 45)) break;
      }
      if (c <= 90 && k > i + 1) {
        const d = t.charCodeAt(i + 1);
        if (d >= 97 && d <= 122) out.add(t.slice(i, k));
      }
      i = k;
    } else if (c >= 48 && c <= 57) {
      i = asciiNumberEnd(t, i, n);
    } else i++;
  }
}

/**
 * One side's features as a unit of work (the aligner's feature step; the I/O edge may run the two sides on two
 * threads). Keys are interned in a key space of the job's own; `adoptFeatures` renumbers them into the shared one.
 */
export interface FeatureJob {
  texts: string[];
  lang: string;
  /** Chinese side: lexicon units, names; otherwise a space-separated side. */
  chinese: boolean;
  /** Language of the other side (gloss language of the lexicon for the Chinese side). */
  otherLang: string;
  /** Chinese side: capitalised words of the other side, for name matching (when the lexicon has readings). */
  nameWords?: string[];
  /** Spaced side: give capitalised words pinyin name keys (when the other side is Chinese and readings exist). */
  pinyin?: boolean;
}

/** Features with keys in a key space of their own, `keyNames` in id order; key lists flat (transferable). */
export interface LocalFeatures extends PackedSideFeatures {
  keyNames: string[];
  /** Per sentence: its length for the length model (`lengthOf`), worked out with the features (on their thread). */
  len: Float64Array;
}

/** Run a feature job. `lexicon`: the zh→other lexicon (Chinese side), or only its readings (names, both sides). */
export function runFeatureJob(job: FeatureJob, lexicon: Lexicon | undefined): LocalFeatures {
  const keys = new KeySpace();
  let f: SideFeatures;
  if (job.chinese) {
    const names = job.nameWords && lexicon?.readings ? new NameMatcher(lexicon.readings, job.nameWords) : undefined;
    f = chineseFeatures(job.texts, keys, lexicon, job.otherLang, names);
  } else {
    const names = job.pinyin && lexicon?.readings ? new NameMatcher(lexicon.readings, []) : undefined;
    f = spacedFeatures(job.texts, job.lang, keys, names ? (w) => names.pinyinOf(w) : undefined);
  }
  const listStart = new Int32Array(f.lists.length + 1);
  for (let l = 0; l < f.lists.length; l++) listStart[l + 1] = listStart[l] + f.lists[l].length;
  const listKeys = new Int32Array(listStart[f.lists.length]);
  for (let l = 0, o = 0; l < f.lists.length; l++) for (const k of f.lists[l]) listKeys[o++] = k;
  const len = new Float64Array(job.texts.length);
  for (let i = 0; i < len.length; i++) len[i] = lengthOf(job.texts[i]);
  return { lang: f.lang, tokStart: f.tokStart, tokType: f.tokType, tokList: f.tokList, tokWeight: f.tokWeight, listStart, listKeys, types: f.types, keyNames: keys.names(), len };
}

/**
 * Bring a job's features into the shared key space. Interning its keys in their own id order (the order the job
 * met them) gives every key the id a run in the shared key space would have given it: the same features.
 */
export function adoptFeatures(keys: KeySpace, local: LocalFeatures): PackedSideFeatures {
  const remap = new Int32Array(local.keyNames.length);
  for (let k = 0; k < remap.length; k++) remap[k] = keys.id(local.keyNames[k]);
  const listKeys = local.listKeys.map((k) => remap[k]);
  return { lang: local.lang, tokStart: local.tokStart, tokType: local.tokType, tokList: local.tokList, tokWeight: local.tokWeight, listStart: local.listStart, listKeys, types: local.types };
}
