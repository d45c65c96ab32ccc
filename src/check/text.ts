/** Text helpers shared by the checks: normalisation for comparison, a fast string hash, length measures. */

const CJK_SPACE = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]) +(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef])/gu;

/**
 * Text as compared by the inconsistency checks: NFKC (full-width ASCII → ASCII, compatibility forms), lower case,
 * curly quotes → straight, white space collapsed, spaces between CJK characters removed.
 */
export function normalizeForCompare(text: string): string {
  // NFKC only when there is something it may change: ASCII, CJK ideographs and NFKC-stable punctuation skip it.
  let s = needsNfkc(text) ? text.normalize('NFKC') : text;
  s = s.toLowerCase();
  if (/[\u2018-\u201f]/.test(s)) s = s.replace(/[\u2018\u2019\u201a\u201b]/g, "'").replace(/[\u201c\u201d\u201e\u201f]/g, '"');
  if (needsSpaceCollapse(s)) s = s.replace(/\s+/g, ' ').trim();
  if (s.includes(' ') && /[\u3000-\u9fff]/.test(s)) s = s.replace(CJK_SPACE, '');
  return s;
}

/** JavaScript's `\s` (white space and line terminators), one code unit. */
export function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `/\s\s|[\t\n\r\f\v\u00a0\u3000]|^\s|\s$/.test(s)` in one pass: white space that collapsing would change. */
function needsSpaceCollapse(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (isJsSpace(s.charCodeAt(0)) || isJsSpace(s.charCodeAt(n - 1))) return true;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0xa0) {
      prevSpace = false;
      continue;
    }
    if (!isJsSpace(c)) {
      prevSpace = false;
      continue;
    }
    if (prevSpace || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000) return true;
    prevSpace = true;
  }
  return false;
}

const LETTER = /^\p{L}$/u;
let letterTable: Uint8Array | undefined;
/** Does `s` have at least two letters (`/\p{L}[^]*\p{L}/u`)? BMP letters from a table filled on first use. */
export function hasTwoLetters(s: string): boolean {
  let t = letterTable;
  if (!t) {
    t = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) t[c] = LETTER.test(String.fromCharCode(c)) ? 1 : 0;
    letterTable = t;
  }
  let found = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let letter: boolean;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        letter = LETTER.test(s.slice(i, i + 2));
        i++;
      } else letter = false;
    } else letter = t[c] === 1;
    if (letter && ++found === 2) return true;
  }
  return false;
}

/**
 * Punctuation code units (U+2000–206F, U+3000–303F, U+FF00–FFEF) that NFKC leaves alone and that no canonical
 * composition involves (combining marks U+302A–302F excluded): 1 stable, 0 not.
 */
const NFKC_STABLE = (() => {
  const t = new Uint8Array(0x10000);
  const mark = (from: number, to: number) => {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      if (ch.normalize('NFKC') === ch) t[c] = 1;
    }
  };
  mark(0x2000, 0x206f);
  mark(0x3000, 0x3029);
  mark(0x3030, 0x303f);
  mark(0xff00, 0xffef);
  return t;
})();

/**
 * false when NFKC cannot change the text: only ASCII, CJK unified ideographs (U+3400–4DBF, U+4E00–9FFF) and stable
 * punctuation. None of these is a combining mark, so no composition can happen between them either.
 */
function needsNfkc(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || NFKC_STABLE[c] === 1) continue;
    return true;
  }
  return false;
}

/** normalizeForCompare of one side of a prepared link, computed once per link for all checks. */
export function normalizedSide(p: { src: string; tgt: string; norm?: { src?: string; tgt?: string; srcHash?: number; tgtHash?: number } }, side: 'src' | 'tgt'): string {
  const n = p.norm ?? (p.norm = {});
  let v = n[side];
  if (v === undefined) v = n[side] = normalizeForCompare(p[side]);
  return v;
}

/** hash53 of the normalised side, computed once per link (both inconsistency checks use both sides). */
export function normalizedHash(p: { src: string; tgt: string; norm?: { src?: string; tgt?: string; srcHash?: number; tgtHash?: number } }, side: 'src' | 'tgt'): number {
  const key = side === 'src' ? 'srcHash' : 'tgtHash';
  const n = p.norm ?? (p.norm = {});
  let v = n[key];
  if (v === undefined) {
    const s = n[side];
    v = s !== undefined ? hash53(s) : plainHash(p[side]);
    if (Number.isNaN(v)) v = hash53(normalizedSide(p, side));
    n[key] = v;
  }
  return v;
}

/**
 * `hasTwoLetters(normalizedSide(p, side))` after `normalizedHash(p, side)`: a plain text (no normalised string was
 * made) has the letters of its normalised form.
 */
export function normalizedHasTwoLetters(p: { src: string; tgt: string; norm?: { src?: string; tgt?: string } }, side: 'src' | 'tgt'): boolean {
  return hasTwoLetters(p.norm?.[side] ?? p[side]);
}

/**
 * What `normalizeForCompare` makes of a code unit whatever its neighbours, for the units where that is one unit:
 * ASCII other than white space and control characters (A–Z lower-cased), CJK ideographs, NFKC-stable punctuation
 * that is neither white space nor cased, curly quotes (straightened), full-width ASCII (its NFKC form, lower-cased;
 * it decomposes to ASCII, which composes with nothing that follows here). -2 for the space (its fate depends on its
 * neighbours), -1 for any other unit.
 */
const PLAIN_UNIT = (() => {
  const t = new Int32Array(0x10000).fill(-1);
  for (let c = 0x21; c < 0x7f; c++) t[c] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  t[0x20] = -2;
  const keep = (from: number, to: number) => {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      if (c >= 0x2018 && c <= 0x201f) t[c] = c <= 0x201b ? 0x27 : 0x22;
      else if (c >= 0xff01 && c <= 0xff5e) {
        const f = ch.normalize('NFKC').toLowerCase();
        if (f.length === 1 && f.charCodeAt(0) > 0x20 && f.charCodeAt(0) < 0x7f) t[c] = f.charCodeAt(0);
      } else if ((NFKC_STABLE[c] === 1 || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff)) && !isJsSpace(c) && ch.toLowerCase() === ch && ch.toUpperCase() === ch) t[c] = c;
    }
  };
  keep(0x2000, 0x206f);
  keep(0x3000, 0x303f);
  // CJK unified ideographs: uncased, no decomposition — each stands for itself (a test checks it; testing them one by
  // one here cost ~25 ms at every start of check)
  for (let c = 0x3400; c <= 0x4dbf; c++) t[c] = c;
  for (let c = 0x4e00; c <= 0x9fff; c++) t[c] = c;
  keep(0xff00, 0xffef);
  return t;
})();

/**
 * `hash53(normalizeForCompare(text))` without building the normalised string when the text is plain: only units of
 * `PLAIN_UNIT`, and single spaces that are neither at an end nor between two code units from U+3000 up (which the
 * CJK rule might remove). Then the normalised text is the text with each unit replaced by its `PLAIN_UNIT` (no white
 * space to collapse, nothing for NFKC to compose), hashed unit by unit here (the same cyrb53 loop). NaN for any other
 * text (the caller hashes `normalizeForCompare` of it).
 */
function plainHash(str: string): number {
  const n = str.length;
  if (n === 0 || str.charCodeAt(0) === 0x20 || str.charCodeAt(n - 1) === 0x20) return NaN;
  const table = PLAIN_UNIT;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < n; i++) {
    let ch = table[str.charCodeAt(i)];
    if (ch < 0) {
      if (ch === -1) return NaN;
      const a = str.charCodeAt(i - 1);
      const b = str.charCodeAt(i + 1);
      if (b === 0x20 || (a >= 0x3000 && b >= 0x3000)) return NaN;
      ch = 0x20;
    }
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** cyrb53: a fast 53-bit non-cryptographic string hash (bryc, public domain); used as a compact map key. */
export function hash53(str: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Characters that carry content: letters, digits and ideographs (white space and punctuation excluded). */
export function contentLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20) continue;
    if (c < 0x80) {
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: count the pair once
    if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20)) continue;
    n++;
  }
  return n;
}

export function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

export const HAN = /\p{Script=Han}/u;

/** Shorten for messages: at most `max` characters, with an ellipsis. */
export function clip(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, max - 1) + '…';
}

/**
 * Map from 53-bit integer keys (hash53 values) to slot numbers in typed arrays: open addressing with linear probing,
 * grown at half load. A million keys take ~25 MB and give the garbage collector nothing to trace (a Map would hold
 * a heap number per key).
 */
export class HashSlots {
  private keys = new Float64Array(1 << 12);
  private vals = new Int32Array(1 << 12).fill(-1);
  private mask = (1 << 12) - 1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  private static mix(key: number): number {
    const lo = key >>> 0;
    const hi = Math.floor(key / 4294967296) >>> 0;
    return Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> 0;
  }

  get(key: number): number | undefined {
    const keys = this.keys;
    const vals = this.vals;
    let h = HashSlots.mix(key) & this.mask;
    for (;;) {
      const v = vals[h];
      if (v === -1) return undefined;
      if (keys[h] === key) return v;
      h = (h + 1) & this.mask;
    }
  }

  /** Set the slot of a key not yet present. */
  set(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.vals.length) this.grow();
    this.insert(key, value);
    this.count++;
  }

  private insert(key: number, value: number): void {
    let h = HashSlots.mix(key) & this.mask;
    while (this.vals[h] !== -1) h = (h + 1) & this.mask;
    this.keys[h] = key;
    this.vals[h] = value;
  }

  private grow(): void {
    const keys = this.keys;
    const vals = this.vals;
    this.keys = new Float64Array(keys.length * 2);
    this.vals = new Int32Array(vals.length * 2).fill(-1);
    this.mask = this.vals.length - 1;
    for (let i = 0; i < vals.length; i++) if (vals[i] !== -1) this.insert(keys[i], vals[i]);
  }
}

/**
 * A growable list of link ids in little memory: an id of the form prefix + decimal number ("l12", "L3", "x.7": what
 * bitext and most tools write) is kept as a prefix number and the number in typed arrays; any other id as a string.
 * A million ids take ~6 MB instead of ~50 MB of strings the garbage collector has to trace.
 */
export class CompactIds {
  private readonly prefixes: string[] = [];
  private readonly prefixIndex = new Map<string, number>();
  private pre = new Uint16Array(1024);
  private num = new Int32Array(1024);
  private readonly other = new Map<number, string>();
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(id: string): void {
    const i = this.count++;
    if (i >= this.num.length) {
      const pre = new Uint16Array(this.num.length * 2);
      pre.set(this.pre);
      this.pre = pre;
      const num = new Int32Array(this.num.length * 2);
      num.set(this.num);
      this.num = num;
    }
    // Trailing digits: 1–9 of them, no leading zero (so that the number gives back the same text).
    let k = id.length;
    while (k > 0 && id.charCodeAt(k - 1) >= 0x30 && id.charCodeAt(k - 1) <= 0x39 && id.length - k < 10) k--;
    const digits = id.length - k;
    if (digits >= 1 && digits <= 9 && (digits === 1 || id.charCodeAt(k) !== 0x30) && !(k > 0 && id.charCodeAt(k - 1) >= 0x30 && id.charCodeAt(k - 1) <= 0x39)) {
      const prefix = id.slice(0, k);
      let p = this.prefixIndex.get(prefix);
      if (p === undefined && this.prefixes.length < 0xffff) {
        p = this.prefixes.push(prefix) - 1;
        this.prefixIndex.set(prefix, p);
      }
      if (p !== undefined) {
        this.pre[i] = p;
        this.num[i] = Number(id.slice(k));
        return;
      }
    }
    this.num[i] = -1;
    this.other.set(i, id);
  }

  get(i: number): string {
    const n = this.num[i];
    return n < 0 ? this.other.get(i)! : this.prefixes[this.pre[i]] + n;
  }
}
