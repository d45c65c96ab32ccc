/**
 * Bytes → text, pure. Handles UTF-8 (with/without BOM), UTF-16 LE/BE with BOM (and BOM-less UTF-16 recognised by
 * its zero bytes or its content), GB18030/GBK or Big5 (tried when the bytes are not valid UTF-8; the reading with
 * the common Han characters wins), or an explicit encoding label.
 * Refuses empty files, binary files and undecodable bytes with a BitextError naming the file and byte offset.
 * The declared encoding of an XML prolog is not trusted: bytes are sniffed (memoQ writes "utf-16" over UTF-8 bytes).
 */
import { BitextError } from '../errors.js';
import type { DecodedText } from '../model/types.js';

export interface DecodeOptions {
  file?: string;
  /** A WHATWG encoding label ('utf-8', 'utf-16le', 'gb18030', 'gbk', 'big5', 'shift_jis'…) or 'auto'. */
  encoding?: string;
  /** Allow an empty (or whitespace-only) file instead of raising EMPTY_FILE. */
  allowEmpty?: boolean;
}

const HINT = 'Pass --encoding with the right encoding (e.g. --encoding gb18030, utf-16le or windows-1252), or save the file as UTF-8.';

export function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** BOM-less UTF-16: many zero bytes at odd (LE) or even (BE) positions among the first bytes. */
function sniffUtf16NoBom(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** A NUL byte or a high share of C0 control bytes (other than tab, CR, LF, FF, ESC) in the first 8 KiB. */
export function looksBinary(bytes: Uint8Array): { binary: boolean; offset?: number } {
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return { binary: true, offset: i };
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) controls++;
  }
  return { binary: n > 0 && controls / n > 0.1 };
}

function decodeStrict(bytes: Uint8Array, encoding: string, file: string | undefined): string {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    throw new BitextError('UNKNOWN_ENCODING', `unknown encoding "${encoding}"`, { file, hint: 'Use a label such as utf-8, utf-16le, utf-16be, gb18030, gbk, big5.' });
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const offset = /^utf-?8$/.test(encoding) ? firstBadUtf8Offset(bytes) : firstBadOffset(bytes, encoding);
    throw badEncoding(`the file is not valid ${encoding}`, bytes, offset, file, encoding);
  }
}

/** BAD_ENCODING naming the first bad byte, its offset and (for ASCII-compatible encodings) its line. */
function badEncoding(message: string, bytes: Uint8Array, offset: number | undefined, file: string | undefined, encoding: string): BitextError {
  if (offset === undefined) return new BitextError('BAD_ENCODING', message, { file, hint: HINT });
  const b = bytes[offset];
  const detail = ` (byte 0x${(b ?? 0).toString(16).padStart(2, '0')} at byte offset ${offset})`;
  let line: number | undefined;
  if (!/^utf-?16/.test(encoding)) {
    line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  }
  return new BitextError('BAD_ENCODING', message + detail, { file, offset, line, hint: HINT });
}

/** Byte offset of the first byte `encoding` cannot decode: streamed in 4 KiB chunks, then byte by byte in the bad chunk. */
export function firstBadOffset(bytes: Uint8Array, encoding: string): number | undefined {
  const CH = 4096;
  let good = 0;
  try {
    const d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    for (; good < bytes.length; good += CH) d.decode(bytes.subarray(good, good + CH), { stream: true });
    d.decode();
    return undefined;
  } catch {
    /* the chunk starting at `good` holds the bad byte */
  }
  const d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  try {
    if (good > 0) d.decode(bytes.subarray(0, good), { stream: true });
  } catch {
    return good;
  }
  for (let i = good; i < Math.min(bytes.length, good + CH); i++) {
    try {
      d.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      // The sequence that failed started at most 3 bytes earlier (a lead byte whose trail is wrong): report its lead.
      let lead = i;
      while (lead > good && lead > i - 3 && bytes[lead - 1] >= 0x80 && !/^utf-?16/.test(encoding)) lead--;
      return lead;
    }
  }
  return good;
}

/** Byte offset of the first invalid UTF-8 sequence (for error messages). */
export function firstBadUtf8Offset(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    if (i + need >= bytes.length) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return undefined;
}

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Does a GB18030 reading look like Chinese text rather than another legacy encoding read wrongly? Han characters
 * must be there, and not mostly glued between Latin letters on both sides (what Latin-1 "é" + letter pairs become
 * when read as GB18030: "caf閠ait"). A mostly-English bilingual file has a low Han share but its Han characters
 * stand in runs of their own.
 */
function plausibleGb18030(text: string): boolean {
  let han = 0;
  let glued = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp >= 0x3400 && cp <= 0x9fff) {
      han++;
      if (isAsciiLetter(text.charCodeAt(i - 1)) && isAsciiLetter(text.charCodeAt(i + 1))) glued++;
    } else if (cp >= 0xe000 && cp <= 0xf8ff) return false; // private use: not real text
  }
  return han > 0 && glued <= 0.2 * han;
}

/**
 * Does this look like text? Nearly all characters ordinary (letters, digits, punctuation, white space) and enough
 * of them punctuation or white space (Chinese has ~10%; random bytes read as UTF-16 land there ~0.6% of the time).
 */
function looksLikeText(text: string): boolean {
  if (text.length < 32) return false;
  let ok = 0;
  let punct = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const p = (c >= 0x20 && c < 0x7f && !isAsciiLetter(c)) || c === 9 || c === 10 || c === 13 || (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
    if (p) punct++;
    if (p || isAsciiLetter(c) || (c >= 0xa0 && c <= 0x24f) || (c >= 0x3400 && c <= 0x9fff)) ok++;
  }
  return ok / text.length > 0.95 && punct / text.length > 0.03;
}

/** The most frequent Han characters of Chinese text, Simplified and Traditional forms. */
const COMMON_HAN = new Set(
  '的一是不了在人有我他这這中大来來上国國个個到说說们們为為子和你地出道也时時年得就那要下以生会會自着著去之过過家学學对對可她里裡后後小么麼心多天而能好都然没沒日于於起还還发發成事只作当當想看文无無开開手十用主行方又如前所本见見经經头頭面公同三已老从從动動两兩长長知民样樣现現分将將外但身些与與高意进進把法此实實回二理美点點月明其种種声聲全工己话話儿兒者向情部正名定女问問力机機给給等几幾很业業最间間新什打便位因重被走电電四第门門相次东東政海口使教西再平真听聽世气氣信北少关關并並内內加化由却代军軍产產入先山五太水万萬市眼体體别別处處总總才场場师師书書比住员員九笑性通目华華报報立马馬命张張活难難神数數件安表原车車白应應路期叫死常提感金何更反合放做系計计利',
);

function commonHanShare(text: string): number {
  let han = 0;
  let common = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x3400 && cp <= 0x9fff) {
      han++;
      if (COMMON_HAN.has(ch)) common++;
    }
  }
  return han === 0 ? 0 : common / han;
}

/** BOM-less UTF-16 of mostly non-ASCII text (Chinese has few zero bytes): the byte order that decodes to text. */
function sniffUtf16ByContent(bytes: Uint8Array): { encoding: string; text: string } | undefined {
  if (bytes.length % 2 !== 0 || bytes.length < 4) return undefined;
  for (const encoding of ['utf-16le', 'utf-16be']) {
    try {
      const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
      if (!text.includes('\u0000') && looksLikeText(text.slice(0, 4096))) return { encoding, text };
    } catch {
      /* not this byte order */
    }
  }
  return undefined;
}

/**
 * Decode file bytes to text. Throws BitextError: EMPTY_FILE, BINARY_FILE, BAD_ENCODING, UNKNOWN_ENCODING.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const { file } = options;
  const requested = options.encoding && options.encoding.toLowerCase() !== 'auto' ? options.encoding.toLowerCase() : undefined;
  if (bytes.length === 0) {
    if (options.allowEmpty) return { text: '', encoding: requested ?? 'utf-8', bom: false };
    throw new BitextError('EMPTY_FILE', 'the file is empty', { file, hint: 'Check that you named the right file.' });
  }
  const bom = sniffBom(bytes);
  let text: string;
  let encoding: string;
  if (requested) {
    encoding = requested;
    const body = bom && bom.encoding.replace('-', '') === requested.replace('-', '') ? bytes.subarray(bom.length) : bytes;
    text = decodeStrict(body, requested, file);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } else if (bom) {
    encoding = bom.encoding;
    text = decodeStrict(bytes.subarray(bom.length), bom.encoding, file);
  } else {
    const utf16 = sniffUtf16NoBom(bytes);
    if (utf16) {
      encoding = utf16;
      text = decodeStrict(bytes, utf16, file);
    } else {
      const bin = looksBinary(bytes);
      const byContent = bin.binary ? sniffUtf16ByContent(bytes) : undefined;
      if (byContent) {
        return finish(byContent.text, byContent.encoding, false, options);
      }
      if (bin.binary) {
        throw new BitextError('BINARY_FILE', 'this is a binary file, not text', { file, offset: bin.offset, hint: 'Give a plain-text, Markdown or exchange file (TMX, TBX, CSV, XLSX for the commands that take them).' });
      }
      let utf8: string | undefined;
      try {
        utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      } catch {
        utf8 = undefined;
      }
      if (utf8 !== undefined) {
        encoding = 'utf-8';
        text = utf8;
      } else {
        const bad = firstBadUtf8Offset(bytes) ?? 0;
        // Not UTF-8: GB18030 (a superset of GBK/GB2312) is the usual legacy encoding of Chinese files.
        let gb: string | undefined;
        try {
          gb = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
        } catch {
          gb = undefined;
        }
        // Big5 (Traditional Chinese) bytes often decode as GB18030 too, into nonsense: the reading whose Han
        // characters are the common ones wins.
        let big5: string | undefined;
        try {
          big5 = new TextDecoder('big5', { fatal: true }).decode(bytes);
        } catch {
          big5 = undefined;
        }
        if (big5 !== undefined && plausibleGb18030(big5) && commonHanShare(big5) > 0.1 && commonHanShare(big5) > 1.5 * (gb !== undefined ? commonHanShare(gb) : 0)) {
          encoding = 'big5';
          text = big5;
        } else if (gb !== undefined && plausibleGb18030(gb)) {
          encoding = 'gb18030';
          text = gb;
        } else {
          throw badEncoding('the file is neither UTF-8, UTF-16, GB18030 nor Big5 text', bytes, bad, file, 'utf-8');
        }
      }
    }
  }
  return finish(text, encoding, bom !== undefined, options);
}

/** Final checks on decoded text: NUL characters mean binary, white space only means empty. */
function finish(text: string, encoding: string, bom: boolean, options: DecodeOptions): DecodedText {
  const { file } = options;
  if (text.includes('\u0000')) {
    throw new BitextError('BINARY_FILE', 'this is a binary file, not text', { file, offset: text.indexOf('\u0000'), hint: 'Give a plain-text or Markdown file.' });
  }
  if (!options.allowEmpty && text.trim() === '') {
    throw new BitextError('EMPTY_FILE', 'the file has no text (only white space)', { file, hint: 'Check that you named the right file.' });
  }
  return { text, encoding, bom };
}
