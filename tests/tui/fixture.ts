// Hand-made alignments for the review tests (no copyrighted text: sentences written for these tests).
import type { Alignment, Link } from '../../src/model/types.js';

export const EN = [
  'The committee met in Beijing on Monday.',
  'It discussed the digital economy.',
  'Silk Road e-commerce grew quickly.',
  'Trade rose by 12 percent in 2020.',
  'Small firms joined online platforms.',
  'The report was published in March.',
  'Experts praised the progress.',
  'More work remains to be done.',
];
export const ZH = ['委员会周一在北京开会。', '会议讨论了数字经济。', '丝路电商发展迅速。', '2020年贸易增长了12%。', '小企业加入了网络平台。', '报告于三月发布。', '专家赞扬了进展。', '仍有更多工作要做。'];

export function link(i: number, src: number[], tgt: number[], score = 0.9, status: Link['status'] = 'auto'): Link {
  return {
    id: `L${i}`,
    src: src.map((k) => ({ id: `en.${k}`, text: EN[k % EN.length] + (k >= EN.length ? ` (${k})` : '') })),
    tgt: tgt.map((k) => ({ id: `zh.${k}`, text: ZH[k % ZH.length] + (k >= ZH.length ? `（${k}）` : '') })),
    score,
    status,
  };
}

/** 8 sentences a side: links 1-1 except a wrong 2-1 and a 1-2 that a reviewer fixes. */
export function smallAlignment(): Alignment {
  return {
    header: { format: 'bitext-alignment', version: 1, srcLang: 'en', tgtLang: 'zh', sources: [{ role: 'bilingual', file: 'doc.md' }], tool: { name: 'bitext', version: 'test' } },
    links: [link(1, [0], [0], 0.95), link(2, [1, 2], [1], 0.42), link(3, [], [2], 0.3), link(4, [3], [3], 0.88), link(5, [4], [4, 5], 0.61), link(6, [5], [], 0.2), link(7, [6], [6], 0.97), link(8, [7], [7], 0.9)],
  };
}

/** A big alignment of n 1-1 links (performance). */
export function bigAlignment(n: number): Alignment {
  const links: Link[] = [];
  for (let i = 0; i < n; i++) links.push(link(i + 1, [i], [i], ((i * 7919) % 100) / 100));
  return { header: smallAlignment().header, links };
}
