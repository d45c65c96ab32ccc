import { describe, expect, it } from 'vitest';
import { capitalisedWords } from '../../src/align/features.js';
import { words } from '../../src/align/text.js';

/** The definition: word tokens beginning with a capital and a small letter, in order of first appearance. */
function reference(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) for (const w of words(t.length > 2000 ? t.slice(0, 2000) : t)) if (/^\p{Lu}\p{Ll}/u.test(w)) out.add(w);
  return [...out];
}

describe('capitalisedWords', () => {
  it('gives the capitalised word tokens of ASCII and other texts, in order', () => {
    const texts = [
      'And God said, Let there be Light: and there was light.',
      "5G and G20 met APEC; O'Brien's well-known Chen-Qingyang 3.5Km 1,000Ab 2.Xy x.Yz",
      'Zoë and Ångström went to São Paulo with McDonald',
      '',
      'A Ab AB aB 12Ab 1.2.3De 4,Ef Gh-ij Kl\'m N',
      'x'.repeat(1995) + ' Abcdef Ghijk',
    ];
    expect([...capitalisedWords(texts)]).toEqual(reference(texts));
  });

  it('agrees with the definition on random ASCII text', () => {
    let x = 7;
    const rnd = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296);
    const alphabet = "AaBbZz09.,'- \n;:Qq5";
    const texts = Array.from({ length: 500 }, () => Array.from({ length: Math.floor(rnd() * 60) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
    expect([...capitalisedWords(texts)]).toEqual(reference(texts));
  });
});
