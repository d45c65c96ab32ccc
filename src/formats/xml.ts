/**
 * Safe XML reading and writing shared by TMX and TBX.
 *
 * Parsing is SAX (saxes, a non-validating XML 1.0 parser): nothing is fetched, no DTD is loaded, and a document
 * type declaration that declares entities is refused (XML_UNSAFE) — that closes XXE and "billion laughs"
 * (entity expansion) at the door; only the five predefined entities and character references are expanded.
 * Errors carry line and column.
 */
import { createRequire } from 'node:module';
import type { SaxesTagPlain } from 'saxes';
import { BitextError, type ErrorCode } from '../errors.js';
import type { Diagnostic } from '../model/types.js';

// saxes is a CommonJS package, loaded with require: an ESM `import` of it makes Node scan its source for named
// exports (cjs-module-lexer), hot enough that V8 optimises the scanner (~0.2 s on a compiler thread) — paid when the
// library is imported, by every command (`bitext align` included) whether it reads XML or not (import: ~210 → ~160 ms
// wall; Bible 006 align bench −0.12 s paired, the compile ran into it).
const { SaxesParser } = createRequire(import.meta.url)('saxes') as typeof import('saxes');
type SaxesParser = import('saxes').SaxesParser;

/** Characters allowed by XML 1.0 (§2.2 Char). */
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const HAS_ILLEGAL_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NEEDS_TEXT_ESCAPE = /[&<>\r]/;
const NEEDS_ATTR_ESCAPE = /[&<>"\r\n\t]/;

/** Remove characters XML 1.0 cannot carry (C0 controls, lone surrogates, U+FFFE/FFFF). Returns the cleaned text and how many were removed. */
export function stripIllegalXmlChars(text: string): { text: string; removed: number } {
  if (!HAS_ILLEGAL_XML_CHAR.test(text)) return { text, removed: 0 };
  let removed = 0;
  const out = text.replace(ILLEGAL_XML_CHARS, () => {
    removed++;
    return '';
  });
  return { text: out, removed };
}

/** Escape text content; CR is written as a character reference so that it survives end-of-line normalisation. */
export function escapeXmlText(text: string): string {
  if (!NEEDS_TEXT_ESCAPE.test(text)) return text;
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;'));
}

export function escapeXmlAttr(text: string): string {
  if (!NEEDS_ATTR_ESCAPE.test(text)) return text;
  return text.replace(/[&<>"\r\n\t]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : c === '\r' ? '&#xD;' : c === '\n' ? '&#xA;' : '&#x9;',
  );
}

/** Text for XML output: illegal characters removed, a warning added to `diagnostics` when some were. */
export class XmlTextCleaner {
  constructor(readonly diagnostics: Diagnostic[]) {}
  clean(text: string, where: string): string {
    const r = stripIllegalXmlChars(text);
    if (r.removed) {
      this.diagnostics.push({ code: 'XML_ILLEGAL_CHAR', message: `${r.removed} character(s) not allowed in XML removed from ${where}`, severity: 'warning' });
    }
    return r.text;
  }
}

/** Local name of a possibly prefixed element/attribute name ('tbx:termSec' → 'termSec'). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
}

export interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  close(tag: SaxesTagPlain): void;
  text(text: string): void;
}

/** Largest DOCTYPE we accept (a plain `<!DOCTYPE tmx SYSTEM "tmx14.dtd">` is tiny). */
const MAX_DOCTYPE = 4096;

/**
 * A SAX parser wired to `handlers` that throws BitextError: XML_UNSAFE for entity declarations, `code` (e.g.
 * XML_MALFORMED) with line/column for malformed XML. Feed it with write(chunk) and close().
 */
export class SafeXmlParser {
  private readonly parser: SaxesParser;
  private readonly file: string | undefined;

  constructor(handlers: XmlHandlers, options: { file?: string; code?: ErrorCode; what?: string } = {}) {
    this.file = options.file;
    const code = options.code ?? 'XML_MALFORMED';
    const what = options.what ?? 'XML';
    const parser = new SaxesParser({ xmlns: false, position: true });
    this.parser = parser;
    parser.on('doctype', (dt: string) => {
      if (/<!ENTITY/i.test(dt) || dt.length > MAX_DOCTYPE) {
        throw new BitextError('XML_UNSAFE', 'the file declares its own XML entities, which bitext does not expand (a protection against entity-expansion and external-entity attacks)', {
          file: this.file,
          line: parser.line,
          column: parser.column + 1,
          hint: 'Remove the <!DOCTYPE …[ <!ENTITY …> ]> block; TMX and TBX files do not need it.',
        });
      }
    });
    parser.on('error', (err: Error) => {
      const msg = err.message.replace(/^[^:]*:\d+:\d+: /, '');
      const undefinedEntity = /undefined entity/i.test(msg);
      throw new BitextError(undefinedEntity ? 'XML_UNSAFE' : code, `${what} is not well-formed XML: ${msg}`, {
        file: this.file,
        line: parser.line,
        column: parser.column + 1,
        hint: undefinedEntity ? 'Only the predefined XML entities (&amp; &lt; &gt; &quot; &apos;) and character references are allowed.' : 'The file may be truncated or damaged; open it in an XML editor to see the problem.',
      });
    });
    parser.on('opentag', (t) => handlers.open(t as SaxesTagPlain));
    parser.on('closetag', (t) => handlers.close(t as SaxesTagPlain));
    parser.on('text', (t: string) => handlers.text(t));
    parser.on('cdata', (t: string) => handlers.text(t));
  }

  get line(): number {
    return this.parser.line;
  }

  get column(): number {
    return this.parser.column + 1;
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  close(): void {
    this.parser.close();
  }
}

/** Sniff the encoding of XML bytes: BOM, UTF-16 zero-byte pattern of '<', else UTF-8. The declaration is not trusted. */
export function sniffXmlEncoding(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bomLength: number } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (bytes.length >= 2 && bytes[0] === 0x3c && bytes[1] === 0x00) return { encoding: 'utf-16le', bomLength: 0 };
  if (bytes.length >= 2 && bytes[0] === 0x00 && bytes[1] === 0x3c) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/**
 * Decode a whole XML file. Bytes are sniffed (BOM, UTF-16 pattern) and read as UTF-8; only when they are not valid
 * UTF-8 is the encoding named in the XML declaration tried (GBK/GB18030/Big5 files from older Chinese tools), and
 * failing that GB18030. The declaration alone never wins over valid bytes (memoQ declares utf-16 over UTF-8).
 */
export function decodeXmlBytes(bytes: Uint8Array, file?: string): string {
  const s = sniffXmlEncoding(bytes);
  const body = bytes.subarray(s.bomLength);
  const tryDecode = (enc: string): string | undefined => {
    try {
      return new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return undefined;
    }
  };
  const first = tryDecode(s.encoding);
  if (first !== undefined) return first;
  if (s.encoding === 'utf-8') {
    const head = new TextDecoder('latin1').decode(body.subarray(0, 200));
    const declared = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
    for (const enc of [declared, 'gb18030']) {
      if (!enc || /^utf-?(8|16)/.test(enc)) continue;
      const t = tryDecode(enc);
      if (t !== undefined) return t;
    }
  }
  throw new BitextError('BAD_ENCODING', `the file is not valid ${s.encoding} text`, { file, hint: 'Save the file as UTF-8 or UTF-16 with a byte-order mark.' });
}

/** Decode XML bytes (streaming-friendly): returns a function that decodes successive chunks. */
export function xmlChunkDecoder(file?: string): (chunk: Uint8Array, last: boolean) => string {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let offset = 0;
  let pending: Uint8Array = new Uint8Array(0);
  return (chunk, last) => {
    let bytes = chunk;
    if (!decoder) {
      // Wait for 4 bytes to sniff (unless this is all there is).
      if (pending.length + chunk.length < 4 && !last) {
        const p = new Uint8Array(pending.length + chunk.length);
        p.set(pending);
        p.set(chunk, pending.length);
        pending = p;
        return '';
      }
      if (pending.length) {
        const p = new Uint8Array(pending.length + chunk.length);
        p.set(pending);
        p.set(chunk, pending.length);
        bytes = p;
        pending = new Uint8Array(0);
      }
      const s = sniffXmlEncoding(bytes);
      decoder = new TextDecoder(s.encoding, { fatal: true, ignoreBOM: true });
      bytes = bytes.subarray(s.bomLength);
      offset += s.bomLength;
    }
    try {
      const out = decoder.decode(bytes, { stream: !last });
      offset += bytes.length;
      return out;
    } catch {
      throw new BitextError('BAD_ENCODING', `the file is not valid ${decoder.encoding} text`, { file, offset, hint: 'Save the file as UTF-8 or UTF-16 with a byte-order mark.' });
    }
  };
}
