// Every encoding the reader accepts, with the bytes made here by hand (TextEncoder only does UTF-8).
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/read/index.js';
import { segmentBilingual } from '../../src/segment/index.js';
import { BitextError } from '../../src/errors.js';
import { DOC, DOC_TW, ENCODED, big5, gb18030, utf16 } from './encodings.js';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof BitextError ? e.code : 'OTHER';
  }
  return undefined;
}

describe('decoding', () => {
  for (const [name, bytes, encoding] of ENCODED) {
    it(`reads ${name} and segments it`, () => {
      const d = decodeBytes(bytes, { file: 'f.md' });
      expect(d.encoding).toBe(encoding);
      expect(d.text).toBe(DOC);
      const r = segmentBilingual(d.text);
      expect(r.sides.en.sentences.map((s) => s.text)).toEqual(['Hello world.', 'This is English.']);
      expect(r.sides.zh.sentences.map((s) => s.text)).toEqual(['这是中文。', '中国中文。']);
    });
  }

  it('reads GB18030 when named explicitly, and UTF-16 without a BOM', () => {
    expect(decodeBytes(gb18030(DOC), { encoding: 'gbk' }).text).toBe(DOC);
    expect(decodeBytes(utf16(DOC, true, false)).text).toBe(DOC);
  });

  it('refuses empty, white-space-only, binary and undecodable bytes with a code and an offset', () => {
    expect(code(() => decodeBytes(new Uint8Array()))).toBe('EMPTY_FILE');
    expect(code(() => decodeBytes(new TextEncoder().encode(' \n\t\n')))).toBe('EMPTY_FILE');
    expect(code(() => decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00])))).toBe('BINARY_FILE');
    const bad = new Uint8Array([0x61, 0x62, 0x20, 0xff, 0xff, 0x63, 0x64]);
    expect(code(() => decodeBytes(bad))).toBe('BAD_ENCODING');
    try {
      decodeBytes(bad, { file: 'bad.txt' });
    } catch (e) {
      expect((e as BitextError).offset).toBe(3);
      expect((e as BitextError).file).toBe('bad.txt');
    }
    expect(code(() => decodeBytes(new TextEncoder().encode(DOC), { encoding: 'klingon-8' }))).toBe('UNKNOWN_ENCODING');
  });

  it('names the first bad byte with its offset and line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('line one\nline two caf'), 0xe9, 0x20, 0xff, 0x0a]);
    for (const encoding of [undefined, 'utf-8', 'gb18030']) {
      try {
        decodeBytes(bytes, { file: 'latin1.txt', encoding });
        expect.unreachable();
      } catch (e) {
        const err = e as BitextError;
        expect(err.code).toBe('BAD_ENCODING');
        expect(err.offset).toBe(21);
        expect(err.line).toBe(2);
        expect(err.toLine()).toMatch(/^latin1\.txt:2: .*byte 0xe9 at byte offset 21/);
      }
    }
    // The right label reads it.
    expect(decodeBytes(bytes, { encoding: 'windows-1252' }).text).toContain('café');
  });

  it('drops the BOM also when a generic label is given', () => {
    expect(decodeBytes(utf16(DOC, true), { encoding: 'utf-16' }).text).toBe(DOC);
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x2e]), { encoding: 'utf8' }).text).toBe('A.');
  });

  it('reads BOM-less UTF-16 of Chinese text (few zero bytes) and refuses short binary junk', () => {
    const zh = '中国积极参与国际和区域性多边机制下的数字经济治理合作，推动发起多个倡议。\n加强同专业性国际组织合作，为全球数字经济治理贡献力量。\n';
    expect(decodeBytes(utf16(zh, true, false))).toMatchObject({ text: zh, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(zh, false, false))).toMatchObject({ text: zh, encoding: 'utf-16be' });
    expect(code(() => decodeBytes(new Uint8Array([0, 1, 2, 0x62, 0x69, 0x6e, 0x61, 0x72, 0x79, 0])))).toBe('BINARY_FILE');
  });

  it('reads a mostly English GB18030 file, and refuses Latin-1 read as GB18030', () => {
    const doc = 'This is a long English paragraph about the digital economy and its partners. '.repeat(20) + '\n\n这是中文。\n';
    expect(decodeBytes(gb18030(doc))).toMatchObject({ text: doc, encoding: 'gb18030' });
    // "caf" + 0xE9 0x74 + "ait": valid GB18030 bytes, but a Han character glued inside a Latin word is not Chinese.
    expect(code(() => decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x74, 0x61, 0x69, 0x74, 0x0a])))).toBe('BAD_ENCODING');
  });

  it('tells Big5 (Traditional Chinese) from GB18030 by the common characters', () => {
    expect(decodeBytes(big5(DOC_TW))).toMatchObject({ text: DOC_TW, encoding: 'big5' });
    expect(decodeBytes(gb18030(DOC))).toMatchObject({ text: DOC, encoding: 'gb18030' });
    expect(segmentBilingual(decodeBytes(big5(DOC_TW)).text).sides.zh.sentences.map((x) => x.text)).toEqual(['這是中文。', '中國中文。']);
  });
});
