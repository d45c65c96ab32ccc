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
import type { Lexicon } from './lexicon.js';
import { isStopword, numberValues, stem, words } from './text.js';

export interface RawToken {
  /** Type id in the side's type table (for Model 1). */
  type: number;
  keys: number[];
  weight: number;
}

export interface SideFeatures {
  lang: string;
  /** Per sentence: tokens. */
  tokens: RawToken[][];
  /** Per type id: its string. */
  types: string[];
  typeIds: Map<string, number>;
}

export class KeySpace {
  private ids = new Map<string, number>();
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

/** The (read-only) key list of tokens without keys, shared instead of one empty array per token. */
const NO_KEYS: number[] = [];

const MAX_SCORED_CHARS = 2000; // cap text used per sentence so a 1 MB "sentence" costs no more than a long one

function typeId(side: SideFeatures, t: string): number {
  let v = side.typeIds.get(t);
  if (v === undefined) {
    v = side.types.length;
    side.types.push(t);
    side.typeIds.set(t, v);
  }
  return v;
}

const PUNCT_Q = /[?？]/;
const PUNCT_E = /[!！]/;
const QUOTES = /["“”«»„《》「」『』]/;

function punctTokens(text: string, side: SideFeatures, keys: KeySpace, out: RawToken[]): void {
  if (PUNCT_Q.test(text)) out.push({ type: typeId(side, '?'), keys: [keys.id('p:?')], weight: 1 });
  if (PUNCT_E.test(text)) out.push({ type: typeId(side, '!'), keys: [keys.id('p:!')], weight: 1 });
  if (QUOTES.test(text)) out.push({ type: typeId(side, '"'), keys: [keys.id('p:"')], weight: 0.5 });
}

/** Features of a space-separated language side (en, de, fr, …). `pinyin` (optional) maps capitalised words to name keys. */
export function spacedFeatures(texts: readonly string[], lang: string, keys: KeySpace, pinyinOf?: (word: string) => string | undefined): SideFeatures {
  const side: SideFeatures = { lang, tokens: [], types: [], typeIds: new Map() };
  // per word form: its type and keys (or null: not a content word), computed once per document
  const memo = new Map<string, { type: number; keys: number[]; weight: number } | null>();
  for (const text0 of texts) {
    const text = text0.length > MAX_SCORED_CHARS ? text0.slice(0, MAX_SCORED_CHARS) : text0;
    const toks: RawToken[] = [];
    const ws = words(text);
    for (const w of ws) {
      let f = memo.get(w);
      if (f === undefined) {
        f = null;
        if (!/^\d/.test(w) && !isStopword(w, lang)) {
          const s = stem(w, lang);
          if (s.length >= 2) {
            const k = [keys.id('w:' + s)];
            let weight = 1;
            if (pinyinOf && /^\p{Lu}\p{Ll}/u.test(w)) {
              const py = pinyinOf(w);
              if (py) {
                k.push(keys.id('y:' + py));
                weight = 1.5;
              }
            }
            f = { type: typeId(side, s), keys: k, weight };
          }
        }
        memo.set(w, f);
      }
      // tokens share their (read-only) key list with every other occurrence of the word
      if (f) toks.push({ type: f.type, keys: f.keys, weight: f.weight });
    }
    for (const v of numberValues(text, lang, ws)) toks.push({ type: typeId(side, '#' + v), keys: [keys.id('n:' + v)], weight: 2 });
    punctTokens(text, side, keys, toks);
    side.tokens.push(toks);
  }
  return side;
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
  const side: SideFeatures = { lang: 'zh', tokens: [], types: [], typeIds: new Map() };
  const glossKeyCache = new Map<string, number[]>();
  const maxL = lexicon ? Math.min(lexicon.maxLength, 8) : 0;
  const prefixes = lexicon ? prefixesOf(lexicon) : undefined;
  for (const text0 of texts) {
    const text = text0.length > MAX_SCORED_CHARS ? text0.slice(0, MAX_SCORED_CHARS) : text0;
    const toks: RawToken[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      // Latin runs: 5G, APEC, G20, RCEP, iPhone
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff21 && c <= 0xff5a)) {
        let k = i + 1;
        while (k < n && /[A-Za-z0-9.&Ａ-Ｚａ-ｚ０-９-]/.test(text[k])) k++;
        const w = text.slice(i, k).normalize('NFKC').replace(/[.-]+$/, '');
        if (w.length >= 1 && !isStopword(w, otherLang)) {
          const s = stem(w, otherLang);
          toks.push({ type: typeId(side, s), keys: [keys.id('w:' + s)], weight: 2 });
        }
        i = k;
        continue;
      }
      if (!(c >= 0x3400 && c <= 0x9fff) && !(c >= 0xf900 && c <= 0xfaff) && !(c >= 0xd840 && c <= 0xd87f)) {
        i++;
        continue;
      }
      let found = 0;
      if (lexicon) {
        // longest match, stopping as soon as no longer head word starts with the characters read so far
        let head = '';
        for (let l = 1; l <= maxL && i + l <= n; l++) {
          const sub = text.slice(i, i + l);
          if (lexicon.entries.has(sub)) {
            found = l;
            head = sub;
          }
          if (!prefixes!.has(sub)) break;
        }
        if (found) {
          let kk = glossKeyCache.get(head);
          if (!kk) {
            kk = lexicon.entries.get(head)!.map((s) => keys.id('w:' + s));
            glossKeyCache.set(head, kk);
          }
          toks.push({ type: typeId(side, head), keys: kk, weight: found >= 2 ? 1 : 0.7 });
        }
      }
      if (!found) {
        toks.push({ type: typeId(side, text[i]), keys: NO_KEYS, weight: 0.7 });
        found = 1;
      }
      i += found;
    }
    for (const v of numberValues(text, 'zh')) toks.push({ type: typeId(side, '#' + v), keys: [keys.id('n:' + v)], weight: 2 });
    if (names) for (const py of names.find(text)) toks.push({ type: typeId(side, 'y:' + py), keys: [keys.id('y:' + py)], weight: 1.5 });
    punctTokens(text, side, keys, toks);
    side.tokens.push(toks);
  }
  return side;
}

const PREFIXES = new WeakMap<Lexicon, Set<string>>();

/** Proper prefixes of the head words of a lexicon (computed once per lexicon), for an early stop in longest match. */
function prefixesOf(lex: Lexicon): Set<string> {
  let set = PREFIXES.get(lex);
  if (!set) {
    set = new Set<string>();
    for (const h of lex.entries.keys()) for (let l = 1; l < h.length; l++) set.add(h.slice(0, l));
    PREFIXES.set(lex, set);
  }
  return set;
}

/**
 * Transliterated names: English capitalised words that split into pinyin syllables (Qingyang → qing|yang) and the
 * Chinese character runs whose readings spell them (清扬). Built per document from the words that occur in it.
 */
export class NameMatcher {
  // letter trie of the pinyin spellings of the document's names (a-z): child[node * 26 + letter], 0 = none
  private child = new Int32Array(26 * 64);
  private nodes = 1;
  private term: Array<string | undefined> = [undefined];
  private syllables: Set<string>;
  private best = '';
  private bestLen = 0;
  constructor(
    private readings: Map<string, string[]>,
    englishWords: Iterable<string>,
  ) {
    this.syllables = new Set<string>();
    for (const list of readings.values()) for (const r of list) this.syllables.add(r);
    for (const w of englishWords) {
      const py = this.pinyinOf(w);
      if (!py) continue;
      let node = 0;
      for (let k = 0; k < py.length; k++) {
        const c = py.charCodeAt(k) - 97;
        let nx = this.child[node * 26 + c];
        if (!nx) {
          nx = this.nodes++;
          if (this.nodes * 26 > this.child.length) {
            const grown = new Int32Array(this.child.length * 2);
            grown.set(this.child);
            this.child = grown;
          }
          this.child[node * 26 + c] = nx;
          this.term.push(undefined);
        }
        node = nx;
      }
      this.term[node] = py;
    }
  }
  /** The pinyin spelling of a capitalised English word, when it splits into 1–4 syllables. */
  pinyinOf(word: string): string | undefined {
    const w = word.toLowerCase().replace(/[’'-]/g, '');
    if (w.length < 2 || w.length > 20 || !/^[a-z]+$/.test(w)) return undefined;
    if (isStopword(w, 'en')) return undefined;
    // segmentation DP over syllables
    const ok = new Int8Array(w.length + 1);
    const cnt = new Int8Array(w.length + 1);
    ok[0] = 1;
    for (let e = 1; e <= w.length; e++) {
      for (let b = Math.max(0, e - 6); b < e; b++) {
        if (ok[b] && this.syllables.has(w.slice(b, e)) && (!ok[e] || cnt[b] + 1 < cnt[e])) {
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
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      this.best = '';
      this.bestLen = 0;
      this.walk(chars, i, i, 0);
      if (this.bestLen > 0) {
        out.push(this.best);
        i += this.bestLen - 1;
      }
    }
    return out;
  }
  /** Depth-first search over the readings of chars[k…] along the trie (the concatenated readings must stay a prefix of a name). */
  private walk(chars: string[], i: number, k: number, node: number): void {
    if (k - i >= 4 || k >= chars.length) return;
    const rs = this.readings.get(chars[k]);
    if (!rs) return;
    const child = this.child;
    for (const r of rs) {
      let nd = node;
      for (let q = 0; q < r.length && nd >= 0; q++) {
        const c = r.charCodeAt(q) - 97;
        nd = c >= 0 && c < 26 ? child[nd * 26 + c] || -1 : -1;
      }
      if (nd <= 0) continue;
      const t = this.term[nd];
      if (t !== undefined && k + 1 - i > this.bestLen) {
        this.best = t;
        this.bestLen = k + 1 - i;
      }
      this.walk(chars, i, k + 1, nd);
    }
  }
}

/** English words of a side, for NameMatcher. */
export function capitalisedWords(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const w of words(t.length > MAX_SCORED_CHARS ? t.slice(0, MAX_SCORED_CHARS) : t)) if (/^\p{Lu}\p{Ll}/u.test(w)) out.add(w);
  return out;
}
