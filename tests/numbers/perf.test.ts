// Throughput of compareNumbers on sentence pairs like the bundled sample's (the Numbers check runs on 1,000,000
// links in well under 30 s with everything else). Prints pairs per second; the bound is loose for a busy CI machine.
import { describe, expect, it } from 'vitest';
import { compareNumbers } from '../../src/lang/index.js';

const PAIRS: Array<[string, string]> = [
  ['2016年，二十国集团领导人第十一次峰会在中国举行，在中国推动下，会议首次将“数字经济”列为二十国集团创新增长蓝图中的一项重要议题。', 'In 2016, the 11th G20 Summit was held in China. Thanks to China\'s efforts, the summit listed “the digital economy” as a major item in the G20 Blueprint for Innovative Growth.'],
  ['自2016年以来,中国与五大洲23个国家建立双边电子商务合作机制。', 'Since 2016, China has set up bilateral e-commerce cooperation mechanisms with 23 countries across five continents.'],
  ['积极同以色列等国家开展交流合作，提升农业数字化水平。', 'In order to raise the digitalization level in agriculture, China has actively cooperated with Israel and other countries.'],
  ['中国积极参与国际和区域性多边机制下的数字经济治理合作，推动发起多个倡议、宣言。', 'China has actively participated in the governance of the digital economy under international and regional multilateral mechanisms, raising and advancing initiatives and declarations.'],
  ['2015年5月，中国与联合国教科文组织合作在青岛举办国际教育信息化大会。', 'In May 2015, China and UNESCO joined to host the International Conference on ICT and Post-2015 Education in Qingdao, Shandong Province.'],
  ['电子商务国际规则构建取得突破，区域全面经济伙伴关系协定电子商务章节成为目前覆盖区域最广的电子商务国际规则。', 'There has been a breakthrough in the formulation of international e-commerce rules, with the e-commerce chapter in the RCEP becoming by far the most extensive set of e-commerce rules.'],
  ['第二十三次中国—东盟领导人会议发表《中国—东盟关于建立数字经济合作伙伴关系的倡议》。', 'The 23rd China-ASEAN Summit issued the China-ASEAN Digital Economy Partnership Initiative.'],
  ['深化同东盟数字经济合作。', 'China has strengthened cooperation on the digital economy with ASEAN.'],
];

describe('compareNumbers throughput', () => {
  it('compares at least 10,000 sentence pairs per second (about 35,000 measured on a busy 2-core machine)', () => {
    const n = 100_000;
    for (let i = 0; i < 5000; i++) compareNumbers(PAIRS[i % PAIRS.length][0], 'zh', PAIRS[i % PAIRS.length][1], 'en'); // warm up
    const t = performance.now();
    let found = 0;
    for (let i = 0; i < n; i++) found += compareNumbers(PAIRS[i % PAIRS.length][0], 'zh', PAIRS[i % PAIRS.length][1], 'en').matched.length;
    const seconds = (performance.now() - t) / 1000;
    console.log(`compareNumbers: ${n} pairs in ${seconds.toFixed(2)} s = ${Math.round(n / seconds)} pairs/s (1,000,000 links ≈ ${(seconds * 10).toFixed(1)} s)`);
    expect(found).toBeGreaterThan(n);
    expect(n / seconds).toBeGreaterThan(10_000);
  });
});
