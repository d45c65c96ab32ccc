import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js/t2cn';
import { normalizeChinese, t2cnChar } from '../../src/terms/normalize.js';

describe('traditional → simplified, one character at a time', () => {
  it('gives what the OpenCC t → cn converter gives, for every code point from U+3400 up', () => {
    const converter = OpenCC.Converter({ from: 't', to: 'cn' }) as (text: string) => string;
    const differing: string[] = [];
    for (let cp = 0x3400; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (t2cnChar(ch) !== converter(ch)) differing.push(ch);
    }
    expect(differing).toEqual([]);
  }, 60_000);

  it('converts traditional text and keeps its length', () => {
    expect(normalizeChinese('絲路電商與數位經濟')).toBe('丝路电商与数位经济');
    expect(normalizeChinese('亞太經合組織')).toBe('亚太经合组织');
    expect(normalizeChinese('丝路电商')).toBe('丝路电商');
  });
});
