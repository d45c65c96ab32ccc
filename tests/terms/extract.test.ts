// Term extraction on the bundled sample (hand-aligned sentence links in tests/fixtures/terms/, public text).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAlignmentJsonl } from '../../src/formats/index.js';
import { extractTerms, wordKey, type ExtractLexicon, type TermCandidate } from '../../src/terms/index.js';
import type { Link } from '../../src/model/types.js';
import { ROOT } from '../helpers.js';

const file = path.join(ROOT, 'tests/fixtures/terms/cyberspace-ii.sentences.jsonl');
const { alignment } = parseAlignmentJsonl(readFileSync(file, 'utf8'), { file });

/** Correct Chinese ↔ English term pairs of the sample, judged by reading it (names included; everyday words not). */
const CORRECT: Array<[string, string[]]> = [
  ['丝路电商', ['Silk Road e-commerce']],
  ['一带一路', ['Belt and Road Initiative', 'Belt and Road', 'BRI']],
  ['二十国集团', ['G20']],
  ['亚太经合组织', ['APEC']],
  ['世界贸易组织', ['WTO', 'World Trade Organization']],
  ['世贸组织', ['WTO']],
  ['区域全面经济伙伴关系协定', ['Regional Comprehensive Economic Partnership', 'RCEP']],
  ['金砖国家', ['BRICS', 'BRICS countries']],
  ['上合组织', ['SCO']],
  ['东盟', ['ASEAN']],
  ['联合国教科文组织', ['UNESCO']],
  ['跨境物流', ['cross-border logistics']],
  ['移动支付', ['mobile payments']],
  ['云计算', ['cloud computing']],
  ['云服务', ['cloud services', 'cloud service']],
  ['人工智能', ['artificial intelligence', 'AI']],
  ['青岛宣言', ['Qingdao Declaration']],
  ['北京共识', ['Beijing Consensus']],
  ['数字经济', ['digital economy']],
  ['电子商务', ['e-commerce']],
  ['智慧港口', ['smart ports']],
  ['大数据', ['big data']],
  ['互联网', ['internet']],
  ['互联网经济', ['internet economy']],
  ['互联互通', ['connectivity']],
  ['数字技术', ['digital technology']],
  ['数字化', ['digitalization']],
  ['5G网络', ['5G network']],
  ['5G商用网络', ['5G commercial network']],
  ['5G实验室', ['5G laboratory']],
  ['能力建设', ['capacity building']],
  ['政企对话', ['government-business dialogue']],
  ['联合研究', ['co-research']],
  ['高质量发展', ['high-quality development']],
  ['数字鸿沟', ['digital gap', 'digital divide']],
  ['营商环境', ['business environment']],
  ['数字营商环境', ['digital business environment']],
  ['后疫情时代', ['post-pandemic era']],
  ['经济复苏', ['economic recovery']],
  ['国际组织', ['international organizations']],
  ['国际社会', ['international community']],
  ['自贸伙伴', ['partners in free trade']],
  ['中东欧国家', ['Central and Eastern European countries']],
  ['中亚五国', ['five Central Asian countries']],
  ['世界微生物数据中心', ['World Data Center for Microorganisms']],
  ['全球微生物菌种保藏目录', ['Global Catalogue of Microorganisms']],
  ['国际教育信息化大会', ['International Conference on ICT and Post-2015 Education']],
  ['国际人工智能与教育大会', ['International Conference on Artificial Intelligence & Education']],
  ['国际人工智能与教育会议', ['International Forum on AI and Education']],
  ['促进互联网经济合作倡议', ['APEC Initiative of Cooperation to Promote the Internet Economy', 'Initiative of Cooperation to Promote the Internet Economy']],
  ['亚太经合组织数字经济指导组', ['APEC Digital Economy Steering Group']],
  ['数字经济指导组', ['Digital Economy Steering Group']],
  ['APEC互联网和数字经济路线图', ['APEC Internet and Digital Economy Roadmap']],
  ['二十国集团创新增长蓝图', ['G20 Blueprint for Innovative Growth']],
  ['创新增长蓝图', ['Blueprint for Innovative Growth']],
  ['创新增长', ['Innovative Growth']],
  ['二十国集团数字经济发展与合作倡议', ['G20 Digital Economy Development and Cooperation Initiative']],
  ['数字经济任务组', ['Digital Economy Task Force']],
  ['任务组', ['Task Force']],
  ['金砖国家领导人厦门宣言', ['BRICS Leaders Xiamen Declaration']],
  ['厦门宣言', ['Xiamen Declaration']],
  ['金砖国家未来网络研究院', ['BRICS Institute of Future Networks']],
  ['未来网络', ['Future Networks']],
  ['金砖国家数字经济伙伴关系框架', ['BRICS Digital Economy Partnership Framework']],
  ['金砖国家数字经济对话会', ['Dialogue on Digital Economy of BRICS']],
  ['中国—东盟数字经济合作年', ['China-ASEAN Year of Digital Economy Cooperation']],
  ['中国—东盟关于建立数字经济合作伙伴关系的倡议', ['China-ASEAN Digital Economy Partnership Initiative']],
  ['电子商务发展之友', ['Friends of E-commerce for Development', 'FED']],
  ['信息通信技术', ['information and telecommunications technology']],
  ['多边机制', ['multilateral mechanisms']],
  ['区域性多边机制', ['regional multilateral mechanisms']],
  ['网络事务', ['internet affairs']],
  ['新冠肺炎疫情', ['COVID-19']],
  ['命运共同体', ['community with a shared future']],
  ['网络空间命运共同体', ['Community With a Shared Future in Cyberspace']],
  ['伙伴关系', ['Partnership']],
  ['商用网络', ['commercial network']],
  // names
  ['中国', ['China']], ['青岛', ['Qingdao']], ['北京', ['Beijing']], ['厦门', ['Xiamen']], ['深圳', ['Shenzhen']], ['非洲', ['Africa']],
  ['南非', ['South Africa']], ['泰国', ['Thailand']], ['以色列', ['Israel']], ['中东', ['Middle East']], ['东南亚', ['Southeast Asia']],
];
const correct = new Map(CORRECT.map(([zh, ens]) => [zh.replace(/—/g, '-'), new Set(ens.map(wordKey))]));
function isCorrect(c: TermCandidate): boolean {
  const ok = correct.get(c.zh.replace(/—/g, '-'));
  return !!ok && (ok.has(wordKey(c.en)) || (c.acronym !== undefined && ok.has(wordKey(c.acronym))));
}

function countCorrect(cands: TermCandidate[], n: number): number {
  return cands.slice(0, n).filter(isCorrect).length;
}

describe('extractTerms on the sample', () => {
  it('has at least 15 correct pairs in its top 40 without a dictionary', () => {
    const cands = extractTerms(alignment.links, { srcLang: 'en', tgtLang: 'zh', top: 40 });
    expect(cands).toHaveLength(40);
    expect(countCorrect(cands, 40)).toBeGreaterThanOrEqual(20);
    for (const [zh, en] of [['青岛宣言', 'Qingdao Declaration'], ['数字经济', 'digital economy'], ['电子商务', 'e-commerce']]) {
      expect(cands.some((c) => c.zh === zh && c.en === en), `${zh} ↔ ${en}`).toBe(true);
    }
  });

  it('does better with the built-in dictionary, finding compositional terms seen once', async () => {
    let lexicon: ExtractLexicon | undefined;
    try {
      const mod = (await import('../../src/align/builtin.js')) as { builtinLexicon: () => Promise<ExtractLexicon> };
      lexicon = await mod.builtinLexicon();
    } catch {
      return; // the aligner's dictionary is not in this build
    }
    const cands = extractTerms(alignment.links, { srcLang: 'en', tgtLang: 'zh', top: 40, lexicon });
    expect(countCorrect(cands, 40)).toBeGreaterThanOrEqual(28);
    for (const [zh, en] of [['跨境物流', 'cross-border logistics'], ['移动支付', 'mobile payments'], ['丝路电商', 'Silk Road e-commerce']]) {
      expect(cands.some((c) => c.zh === zh && c.en === en), `${zh} ↔ ${en}`).toBe(true);
    }
  }, 30000);

  it('gives scores, frequencies and example links, in a deterministic order', () => {
    const a = extractTerms(alignment.links, { srcLang: 'en', tgtLang: 'zh', top: 30 });
    const b = extractTerms(alignment.links, { srcLang: 'en', tgtLang: 'zh', top: 30 });
    expect(a).toEqual(b);
    for (let i = 1; i < a.length; i++) expect(a[i - 1].score).toBeGreaterThanOrEqual(a[i].score);
    const top = a[0];
    expect(top.freq).toBeGreaterThan(1);
    expect(top.examples.length).toBeGreaterThan(0);
    const ids = new Set(alignment.links.map((l) => l.id));
    for (const c of a) for (const id of c.examples) expect(ids.has(id)).toBe(true);
  });

  it('works in either direction and marks pairs of the term base as known', () => {
    const flipped: Link[] = alignment.links.map((l) => ({ ...l, src: l.tgt, tgt: l.src }));
    const termBase = {
      concepts: [
        { id: 'digital-economy', terms: [{ lang: 'zh', text: '数字经济', status: 'preferred' as const }, { lang: 'en', text: 'digital economy', status: 'preferred' as const }] },
      ],
    };
    const cands = extractTerms(flipped, { srcLang: 'zh', tgtLang: 'en', top: 20, termBase });
    const de = cands.find((c) => c.zh === '数字经济');
    expect(de).toMatchObject({ en: 'digital economy', known: true, conceptId: 'digital-economy' });
    expect(cands.filter((c) => c.known)).toHaveLength(1);
  });

  it('pairs an acronym with its expansion and skips rejected links', () => {
    const links: Link[] = [
      { id: 'a', src: [{ id: 'en.1', text: 'The Regional Comprehensive Economic Partnership (RCEP) entered into force.' }], tgt: [{ id: 'zh.1', text: '《区域全面经济伙伴关系协定》生效。' }], score: 1, status: 'auto' },
      { id: 'b', src: [{ id: 'en.2', text: 'RCEP members met.' }], tgt: [{ id: 'zh.2', text: '区域全面经济伙伴关系协定成员举行会议。' }], score: 1, status: 'auto' },
      { id: 'c', src: [{ id: 'en.3', text: 'Nothing to see.' }], tgt: [{ id: 'zh.3', text: '区域全面经济伙伴关系协定' }], score: 0.1, status: 'rejected' },
    ];
    const cands = extractTerms(links, { srcLang: 'en', tgtLang: 'zh' });
    const rcep = cands.find((c) => c.zh === '区域全面经济伙伴关系协定');
    expect(rcep).toMatchObject({ en: 'Regional Comprehensive Economic Partnership', acronym: 'RCEP' });
    expect(rcep!.examples).toContain('a');
    expect(cands.some((c) => c.examples.includes('c'))).toBe(false);
  });

  it('returns nothing for links without a Chinese side or without text', () => {
    expect(extractTerms([], { srcLang: 'en', tgtLang: 'zh' })).toEqual([]);
    expect(extractTerms(alignment.links, { srcLang: 'en', tgtLang: 'de' })).toEqual([]);
  });
});
