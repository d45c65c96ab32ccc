/**
 * The built-in zh→en lexicon: CC-CEDICT (CC BY-SA 4.0, © MDBG and contributors), preprocessed by
 * data/build-cedict.mjs into head word → gloss stems plus character readings, shipped compressed in dist/.
 * Loaded lazily (dynamic import) so that importing the library stays fast; no network, no file access.
 */
import { gunzipSync } from 'node:zlib';
import { setHeadLines, type Lexicon } from './lexicon.js';

let cached: Lexicon | undefined;

/**
 * Head word → gloss stems, each list split from its line on first access: the built-in lexicon has 109,000 head
 * words and a text meets a few thousand of them (splitting them all was ~80% of the load time). Behaves as a Map
 * of string arrays (get, has, iteration); not for structured cloning (each thread decodes its own).
 */
class LazyGlosses extends Map<string, string[]> {
  override get(head: string): string[] | undefined {
    const v = super.get(head) as unknown as string | string[] | undefined;
    if (typeof v !== 'string') return v;
    const list = v.split(' ');
    super.set(head, list);
    return list;
  }
  override *entries(): MapIterator<[string, string[]]> {
    for (const k of this.keys()) yield [k, this.get(k)!];
  }
  override *values(): MapIterator<string[]> {
    for (const k of this.keys()) yield this.get(k)!;
  }
  override [Symbol.iterator](): MapIterator<[string, string[]]> {
    return this.entries();
  }
  override forEach(fn: (value: string[], key: string, map: Map<string, string[]>) => void, thisArg?: unknown): void {
    for (const k of this.keys()) fn.call(thisArg, this.get(k)!, k, this);
  }
}

/**
 * A gloss map after structured cloning (postMessage to a worker): cloning keeps a Map's entries but not its class, so
 * the lists not yet split arrive as their raw line. This gives the map its lazy splitting back (no copy); a map of
 * plain arrays is returned as it is.
 */
export function reviveGlosses(entries: Map<string, string[]>): Map<string, string[]> {
  if (entries instanceof LazyGlosses) return entries;
  for (const v of entries.values() as Iterable<unknown>) {
    if (typeof v === 'string') return Object.setPrototypeOf(entries, LazyGlosses.prototype) as LazyGlosses;
  }
  return entries;
}

/**
 * Decode the preprocessed data (head\tstem stem…, blank line, char\treading reading…). The head words' Map
 * (`entries`) is made on first access: the aligner's longest match reads the head lines themselves (`setHeadLines`),
 * so that a thread that only aligns never makes the Map of 109,000 head words.
 */
export function decodeBuiltin(text: string): Lexicon {
  const blank = text.indexOf('\n\n');
  return decodeParts(blank >= 0 ? text.slice(0, blank) : text, blank >= 0 ? text.slice(blank + 2) : '');
}

/** `decodeBuiltin` of the data's two parts: the head lines and the readings' lines. */
function decodeParts(text: string, readingLines: string): Lexicon {
  let maxLength = 1;
  const end = text.length;
  // the head words: where each line starts and its head word's length (for the longest-match index)
  let starts: Int32Array = new Int32Array(1 << 17);
  let lens: Int32Array = new Int32Array(1 << 17);
  let count = 0;
  for (let p = 0; p < end; ) {
    let nl = text.indexOf('\n', p);
    if (nl < 0 || nl > end) nl = end;
    const tab = text.indexOf('\t', p);
    if (tab >= 0 && tab < nl) {
      if (tab - p > maxLength) maxLength = tab - p;
      if (tab > p) {
        if (count === starts.length) {
          starts = grow(starts);
          lens = grow(lens);
        }
        starts[count] = p;
        lens[count++] = tab - p;
      }
    }
    p = nl + 1;
  }
  let entries: LazyGlosses | undefined;
  const lex: Lexicon = {
    from: 'zh',
    to: 'en',
    get entries() {
      return (entries ??= glossesOf(text, end));
    },
    maxLength,
    readings: parseReadings(readingLines),
  };
  setHeadLines(lex, text, starts.subarray(0, count), lens.subarray(0, count));
  return lex;
}

/** The readings' lines (char\treading reading…) → their Map. */
function parseReadings(lines: string): Map<string, string[]> {
  const readings = new Map<string, string[]>();
  for (const line of lines.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    readings.set(line.slice(0, tab), line.slice(tab + 1).split(' '));
  }
  return readings;
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

/** The head words of text[0, end) (`head\tstem stem…` lines), each gloss line kept as it is, split on first access. */
function glossesOf(text: string, end: number): LazyGlosses {
  const entries = new LazyGlosses();
  const setRaw = Map.prototype.set as (this: Map<string, string>, k: string, v: string) => Map<string, string>;
  for (let p = 0; p < end; ) {
    let nl = text.indexOf('\n', p);
    if (nl < 0 || nl > end) nl = end;
    const tab = text.indexOf('\t', p);
    if (tab >= 0 && tab < nl) setRaw.call(entries as unknown as Map<string, string>, text.slice(p, tab), text.slice(tab + 1, nl));
    p = nl + 1;
  }
  return entries;
}

/** The head lines (gzip + base64 in data/cedict.ts, 2 MB) and the readings' lines (data/readings.ts, 60 KB). */
async function headsText(): Promise<string> {
  const mod = await import('./data/cedict.js');
  return gunzipSync(Buffer.from(mod.CEDICT_GZ_BASE64, 'base64')).toString('utf8');
}

async function readingsText(): Promise<string> {
  const mod = await import('./data/readings.js');
  return gunzipSync(Buffer.from(mod.READINGS_GZ_BASE64, 'base64')).toString('utf8');
}

async function decodeData(): Promise<Lexicon> {
  const [heads, readings] = await Promise.all([headsText(), readingsText()]);
  return decodeParts(heads, readings);
}

/** The built-in CC-CEDICT lexicon (about 109,000 head words), decoded once per process. */
export async function builtinLexicon(): Promise<Lexicon> {
  if (cached) return cached;
  cached = await decodeData();
  return cached;
}

/** A fresh copy of the built-in lexicon, not kept by this module (a worker that needs it only for a while). */
export async function loadBuiltinLexicon(): Promise<Lexicon> {
  return cached ?? decodeData();
}

/**
 * Only the character readings of the built-in lexicon, with no head words (their own small module: a thread that
 * matches names on the non-Chinese side while another thread matches the Chinese side with the whole lexicon).
 */
export async function builtinReadings(): Promise<Lexicon> {
  // (not a spread of the cached lexicon: that would make its Map of head words)
  if (cached) return { from: cached.from, to: cached.to, entries: new Map(), maxLength: cached.maxLength, readings: cached.readings };
  return { from: 'zh', to: 'en', entries: new Map(), maxLength: 1, readings: parseReadings(await readingsText()) };
}
