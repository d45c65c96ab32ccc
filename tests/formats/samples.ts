// Sample alignments and term bases shared by the format tests (small, hand-written).
import type { Alignment, AlignmentHeader, TermBase } from '../../src/model/types.js';

export function header(over: Partial<AlignmentHeader> = {}): AlignmentHeader {
  return {
    format: 'bitext-alignment',
    version: 1,
    srcLang: 'en',
    tgtLang: 'zh',
    sources: [{ role: 'bilingual', file: 'sample.md', sha256: 'ab'.repeat(32) }],
    tool: { name: 'bitext', version: '0.1.0' },
    ...over,
  };
}

export const ALIGNMENTS: Array<{ name: string; alignment: Alignment }> = [
  { name: 'empty', alignment: { header: header(), links: [] } },
  {
    name: 'mixed',
    alignment: {
      header: header(),
      links: [
        {
          id: 'L1',
          src: [{ id: 'en.0', text: 'Cyberspace II', kind: 'heading', headingLevel: 1, start: 2, end: 15, line: 1 }],
          tgt: [{ id: 'zh.0', text: '网络空间（二）', kind: 'heading', headingLevel: 1, start: 100, end: 107, line: 9 }],
          score: 0.9712,
          status: 'auto',
        },
        {
          id: 'L2',
          src: [{ id: 'en.1', text: 'He said: "It is 5 o\'clock & <late>."', kind: 'sentence', start: 20, end: 56, line: 3 }],
          tgt: [
            { id: 'zh.1', text: '他说：“五点了，', kind: 'sentence' },
            { id: 'zh.2', text: '太晚了。”', kind: 'sentence' },
          ],
          score: 0.5,
          status: 'edited',
          note: 'split on the comma',
        },
        {
          id: 'L3',
          src: [
            { id: 'en.2', text: 'Rare 𠀀 and 𪚥.' },
            { id: 'en.3', text: 'Full-width ！？；：' },
          ],
          tgt: [{ id: 'zh.3', text: '罕见字𠀀和𪚥！？；：' }],
          score: 1,
          status: 'confirmed',
        },
        { id: 'L4', src: [{ id: 'en.4', text: 'Untranslated line.' }], tgt: [], score: 0.1, status: 'rejected' },
        { id: 'L5', src: [], tgt: [{ id: 'zh.4', text: '多出的句子。' }], score: 0, status: 'auto' },
        { id: 'L6', src: [{ id: 'en.5', text: '=SUM(A1) +1 -2 @x' }], tgt: [{ id: 'zh.5', text: '-基于' }], score: 0.25, status: 'auto' },
      ],
    },
  },
];

export const TERMBASES: Array<{ name: string; termBase: TermBase }> = [
  { name: 'empty', termBase: { concepts: [] } },
  {
    name: 'full',
    termBase: {
      concepts: [
        {
          id: 'c1',
          domain: 'Networking',
          definition: 'The online world of computer networks',
          terms: [
            { lang: 'en', text: 'cyberspace', status: 'preferred', pos: 'noun', origin: { file: 'alignments/book.jsonl', link: 'L3' } },
            { lang: 'en', text: 'cyber space', status: 'deprecated', note: 'spelling variant' },
            { lang: 'zh', text: '网络空间', status: 'preferred', origin: { file: 'glossary/x.csv', line: 4 } },
            { lang: 'zh', text: '赛博空间', status: 'superseded', note: 'line one\nline two' },
          ],
        },
        {
          id: 'c2',
          note: 'concept-level note',
          terms: [
            { lang: 'en', text: '-based', status: 'preferred' },
            { lang: 'zh', text: '基于', status: 'admitted' },
            { lang: 'en', text: '+86 𠀀 "quoted", semi;colon', status: 'admitted' },
          ],
        },
        { id: 'c3', terms: [{ lang: 'zh-TW', text: '伺服器', status: 'preferred' }, { lang: 'en-US', text: 'server', status: 'preferred' }] },
      ],
    },
  },
];
