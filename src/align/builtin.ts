/**
 * The built-in zh→en lexicon: CC-CEDICT (CC BY-SA 4.0, © MDBG and contributors), preprocessed by
 * data/build-cedict.mjs into head word → gloss stems plus character readings, shipped compressed in dist/.
 * Loaded lazily (dynamic import) so that importing the library stays fast; no network, no file access.
 */
import { adoptMatchIndex, matchIndexParts, prepareLexicon } from './features.js';
import { headLinesOf, setHeadLines, type Lexicon } from './lexicon.js';

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
  return lexiconOf(text, starts.subarray(0, count), lens.subarray(0, count), maxLength, parseReadings(readingLines));
}

/** The built-in lexicon over its head lines (text: `head\tstem stem…` lines; head word k at starts[k], lens[k] long). */
function lexiconOf(text: string, starts: Int32Array, lens: Int32Array, maxLength: number, readings: Map<string, string[]>): Lexicon {
  let entries: LazyGlosses | undefined;
  const lex: Lexicon = {
    from: 'zh',
    to: 'en',
    get entries() {
      return (entries ??= glossesOf(text, text.length));
    },
    maxLength,
    readings,
  };
  setHeadLines(lex, text, starts, lens);
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

/**
 * The head lines (gzip + base64 in data/cedict.ts, 2 MB) and the readings' lines (data/readings.ts, 60 KB). (zlib is
 * imported here, not with the module: a thread that loads the lexicon's image never needs it.)
 */
async function headsText(): Promise<string> {
  return gunzipped(import('./data/cedict.js').then((m) => m.CEDICT_GZ_BASE64));
}

async function readingsText(): Promise<string> {
  return gunzipped(import('./data/readings.js').then((m) => m.READINGS_GZ_BASE64));
}

/** The text of a data module's gzip + base64 string (the module and zlib imported side by side). */
async function gunzipped(base64: Promise<string>): Promise<string> {
  const [b64, { gunzipSync }] = await Promise.all([base64, import('node:zlib')]);
  return gunzipSync(Buffer.from(b64, 'base64')).toString('utf8');
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

/*
 * The built-in lexicon's image: the lexicon as decoded (head lines, readings) with its longest-match index, in one
 * buffer that a thread maps back without decoding or indexing anything (Bible 006: the worker that matches the
 * Chinese side had its lexicon after ~185 ms, ~40 ms from the image). Written at build time by
 * data/build-image.mjs next to the compiled modules (dist/align/data/cedict.img) from this very code: the index's
 * layout is the code's, so an image is only read by the build that wrote it (and `lexiconFromImage` checks its
 * format). Layout, native byte order (the machine that builds is the machine that reads), sections 4-byte aligned:
 * a header of IMAGE_HEADER int32, then `one`, `at` (65,536 bytes each), the short and long tables (int32), the head
 * words' starts and lengths (int32), the head lines and the readings' lines (UTF-16LE).
 */
const IMAGE_MAGIC = 0x49585442; // "BTXI"
const IMAGE_VERSION = 1;
const IMAGE_HEADER = 16;
/** A section's length rounded up to 4 bytes (int32 sections start 4-byte aligned). */
const pad4 = (bytes: number): number => (bytes + 3) & ~3;

/** The image of a lexicon decoded from the built-in data (`loadBuiltinLexicon`), its index built if need be. */
export function builtinImage(lex: Lexicon): Uint8Array {
  const lines = headLinesOf(lex);
  const ix = matchIndexParts(lex);
  if (!lines || !ix || lines.starts.length !== lines.lens.length) throw new Error('builtinImage: not the built-in lexicon');
  let readingLines = '';
  for (const [c, rs] of lex.readings ?? []) readingLines += `${c}\t${rs.join(' ')}\n`;
  const bytes = (a: Uint8Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const utf16 = (t: string) => Buffer.from(t, 'utf16le');
  // the sections in the order lexiconFromImage takes them
  const sections = [ix.one, ix.at, ix.short, ix.long, lines.starts, lines.lens].map(bytes).concat(utf16(lines.text), utf16(readingLines));
  const total = sections.reduce((sum, x) => sum + pad4(x.byteLength), 4 * IMAGE_HEADER);
  const out = new Uint8Array(total);
  new Int32Array(out.buffer, 0, IMAGE_HEADER).set([IMAGE_MAGIC, IMAGE_VERSION, total, lines.text.length, lines.starts.length, lex.maxLength, readingLines.length, ix.short.length, ix.shortMask, ix.shortCount, ix.long.length, ix.longMask, ix.longCount, ix.punct ? 1 : 0]);
  let o = 4 * IMAGE_HEADER;
  for (const x of sections) {
    out.set(x, o);
    o += pad4(x.byteLength);
  }
  return out;
}

/**
 * The lexicon (with its index) of an image written by `builtinImage`; undefined when the bytes are not such an image
 * of this format (another version, truncated, another byte order): the caller decodes the data instead.
 */
export function lexiconFromImage(bytes: Uint8Array): Lexicon | undefined {
  if (bytes.byteLength < 4 * IMAGE_HEADER) return undefined;
  // (a copy when the bytes are not 4-byte aligned in their buffer: the int32 sections are views)
  const b = bytes.byteOffset % 4 ? bytes.slice() : bytes;
  const h = new Int32Array(b.buffer, b.byteOffset, IMAGE_HEADER);
  if (h[0] !== IMAGE_MAGIC || h[1] !== IMAGE_VERSION || h[2] !== b.byteLength) return undefined;
  const [textLen, n, maxLength, readingsLen, shortLen, shortMask, shortCount, longLen, longMask, longCount, punct] = h.subarray(3);
  let o = b.byteOffset + 4 * IMAGE_HEADER;
  const end = b.byteOffset + b.byteLength;
  const take = (bytes: number): number => {
    const at = o;
    o += pad4(bytes);
    if (o > end) throw new RangeError('image truncated');
    return at;
  };
  try {
    // the index's arrays are copied (small), so that the buffer (mostly text, copied into strings) can go
    const one = new Uint8Array(b.buffer, take(65536), 65536).slice();
    const at = new Uint8Array(b.buffer, take(65536), 65536).slice();
    const short = new Int32Array(b.buffer, take(4 * shortLen), shortLen).slice();
    const long = new Int32Array(b.buffer, take(4 * longLen), longLen).slice();
    const starts = new Int32Array(b.buffer, take(4 * n), n).slice();
    const lens = new Int32Array(b.buffer, take(4 * n), n).slice();
    const text = Buffer.from(b.buffer, take(2 * textLen), 2 * textLen).toString('utf16le');
    const readingLines = Buffer.from(b.buffer, take(2 * readingsLen), 2 * readingsLen).toString('utf16le');
    if (o !== end) return undefined;
    const lex = lexiconOf(text, starts, lens, maxLength, parseReadings(readingLines));
    adoptMatchIndex(lex, { one, at, short, shortMask, shortCount, long, longMask, longCount, punct: punct === 1 });
    return lex;
  } catch {
    return undefined;
  }
}

/** `loadBuiltinLexicon` with its longest-match index built (`prepareLexicon`): what `builtinImage` takes. */
export async function preparedBuiltinLexicon(): Promise<Lexicon> {
  const lex = await loadBuiltinLexicon();
  prepareLexicon(lex);
  return lex;
}
