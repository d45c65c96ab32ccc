// Properties over arbitrary text (fast-check): the reader and segmenter never crash, never lose or reorder text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitextError } from '../../src/errors.js';
import { segmentBilingual, segmentMonolingual, segmentPresegmented, splitSentences } from '../../src/segment/index.js';
import type { SegmentedSide } from '../../src/model/types.js';

const PIECES = [
  'China', 'the', 'U.S.', 'Mr.', 'e.g.', 'frame-', 'works', '3.5', 'No.', 'J.', '中国', '数字经济', '1.2万', '“', '”', '"', "'", '《', '》', '（', '）',
  '.', '。', '!', '！', '?', '？', '…', '……', '...', ',', '，', ';', '；', ':', '：', '—', '-', ' ', ' ', '\n', '\n\n', '\r\n', '\t', '\u00a0', '\u3000',
  '# ', '## ', '**', '_', '- ', '1. ', '\uFEFF', '\u200b', 'A', 'a', 'Z', '😀',
];
const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join(''));

function checkSide(side: SegmentedSide, text: string) {
  let lastStart = -1;
  side.sentences.forEach((s, i) => {
    expect(s.id).toBe(`${side.lang}.${i}`);
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.text).toBe(s.text.trim());
    expect(s.start).toBeGreaterThan(lastStart);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    lastStart = s.start;
  });
}

describe('segmentation properties', { timeout: 60_000 }, () => {
  it('splitSentences covers every non-space character once, in order', () => {
    fc.assert(
      fc.property(textArb, fc.constantFrom('en', 'zh'), (text, lang) => {
        const ranges = splitSentences(text, lang);
        let pos = 0;
        for (const [s, e] of ranges) {
          expect(s).toBeGreaterThanOrEqual(pos);
          expect(e).toBeGreaterThan(s);
          expect(text.slice(pos, s).trim()).toBe('');
          pos = e;
        }
        expect(text.slice(pos).trim()).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('documents of any shape give ordered, trimmed sentences inside the text, or a clear error', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        try {
          const r = segmentBilingual(text);
          checkSide(r.sides.en, text);
          checkSide(r.sides.zh, text);
        } catch (e) {
          expect(e).toBeInstanceOf(BitextError);
          expect((e as BitextError).code).toBe('NO_TEXT_IN_LANGUAGE');
        }
        try {
          checkSide(segmentMonolingual(text), text);
          checkSide(segmentPresegmented(text).side, text);
        } catch (e) {
          expect((e as BitextError).code).toBe('NO_TEXT_IN_LANGUAGE');
        }
      }),
      { numRuns: 300 },
    );
  });
});
