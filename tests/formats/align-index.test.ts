// The .align bead index of the alignment benchmarks, and legacy-encoded XML.
import { describe, expect, it } from 'vitest';
import { alignIndexToAlignment, decodeXmlBytes, formatAlignIndex, parseAlignIndex, splitPresegmented } from '../../src/formats/index.js';

describe('.align', () => {
  it('reads Bertalign/Vecalign beads, including Vecalign costs and empty sides', () => {
    expect(parseAlignIndex('[0]:[0,1]\n[1, 2]:[2]:0.0731\n[]:[3]:1.5e-05\r\n[3]:[]\n\n')).toEqual([
      [[0], [0, 1]],
      [[1, 2], [2]],
      [[], [3]],
      [[3], []],
    ]);
    expect(formatAlignIndex([[[0], [0, 1]], [[], [2]]])).toBe('[0]:[0,1]\n[]:[2]\n');
  });
  it('reports a bad line with its number', () => {
    expect(() => parseAlignIndex('[0]:[0]\n[1]:[x]\n', { file: 'a.align' })).toThrow(expect.objectContaining({ code: 'ALIGN_MALFORMED', line: 2, file: 'a.align' }));
    expect(() => parseAlignIndex('0-0\n')).toThrow(expect.objectContaining({ code: 'ALIGN_MALFORMED', line: 1 }));
    expect(() => parseAlignIndex('\n')).toThrow(expect.objectContaining({ code: 'EMPTY_FILE' }));
  });
  it('builds links over the pre-segmented sides and checks the indices', () => {
    const src = splitPresegmented('One.\r\nTwo.\r\nThree.\r\n');
    const tgt = splitPresegmented('一。\n二。\n三。\n');
    const r = alignIndexToAlignment(parseAlignIndex('[0]:[0]\n[1,2]:[1,2]\n'), src, tgt);
    expect(r.alignment.links[1]).toEqual({ id: 'L2', src: [{ id: 'en.1', text: 'Two.' }, { id: 'en.2', text: 'Three.' }], tgt: [{ id: 'zh.1', text: '二。' }, { id: 'zh.2', text: '三。' }], score: 1, status: 'confirmed' });
    expect(() => alignIndexToAlignment([[[5], [0]]], src, tgt)).toThrow(expect.objectContaining({ code: 'ALIGN_MALFORMED' }));
    expect(() => alignIndexToAlignment([[[0], [0]], [[0], [1]]], src, tgt)).toThrow(expect.objectContaining({ code: 'JSONL_SENTENCE_REUSED' }));
    expect(alignIndexToAlignment([[[0], [0]]], src, tgt).diagnostics[0].code).toBe('ALIGN_UNCOVERED');
  });
});

describe('XML bytes', () => {
  it('valid UTF-8 wins over a wrong declaration; GBK bytes are read when declared', () => {
    const utf8 = new TextEncoder().encode('<?xml version="1.0" encoding="gbk"?><tmx>中文</tmx>');
    expect(decodeXmlBytes(utf8)).toContain('中文');
    const gbk = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="GBK"?><tmx>'), 0xd6, 0xd0, 0xce, 0xc4, ...new TextEncoder().encode('</tmx>')]);
    expect(decodeXmlBytes(gbk)).toBe('<?xml version="1.0" encoding="GBK"?><tmx>中文</tmx>');
    expect(() => decodeXmlBytes(new Uint8Array([0x3c, 0xff, 0xfe, 0xfd, 0x80]), 'x.tmx')).toThrow(expect.objectContaining({ code: 'BAD_ENCODING', file: 'x.tmx' }));
  });
});
