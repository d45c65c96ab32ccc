// src/lang/numbers.ts: every written form with real phrases, the words that are not numbers, the bundled sample's
// sentence pairs (silent on correct translations, loud on real mismatches), and properties over random numbers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareNumbers,
  extractNumbers,
  parseChineseNumeral,
  parseEnglishNumber,
  sameNumber,
  type NumberKind,
  type NumberMention,
} from '../../src/lang/index.js';

/** Strong mentions as "value:kind" strings, for compact assertions. */
const strong = (text: string, lang: string): string[] => extractNumbers(text, lang).filter((m) => !m.weak).map((m) => `${m.value}:${m.kind}`);
const all = (text: string, lang: string): string[] => extractNumbers(text, lang).map((m) => `${m.value}:${m.kind}${m.weak ? ':weak' : ''}`);
const silent = (zh: string, en: string): void => {
  const r = compareNumbers(zh, 'zh', en, 'en');
  expect({ missing: r.missingInTarget.map((m) => m.raw), extra: r.extraInTarget.map((m) => m.raw) }).toEqual({ missing: [], extra: [] });
  // Both directions: the check may run en→zh too.
  const back = compareNumbers(en, 'en', zh, 'zh');
  expect({ missing: back.missingInTarget.map((m) => m.raw), extra: back.extraInTarget.map((m) => m.raw) }).toEqual({ missing: [], extra: [] });
};
const mention = (value: number, kind: NumberKind, weak = false): NumberMention => ({ value, kind, raw: String(value), start: 0, end: 1, ...(weak ? { weak } : {}) });

describe('parseChineseNumeral', () => {
  it.each([
    ['二十三', 23], ['一百二十', 120], ['两千零五', 2005], ['〇', 0], ['零', 0], ['十', 10], ['十五', 15],
    ['1.2万', 12000], ['3亿', 300000000], ['5000万', 50000000], ['15亿', 1500000000], ['二〇一六', 2016],
    ['一九九八', 1998], ['两千', 2000], ['两', 2], ['一百二', 120], ['三千五', 3500], ['一万五', 15000],
    ['一百零五', 105], ['三亿五千万', 350000000], ['一万亿', 1e12], ['十万八千', 108000], ['廿三', 23],
    ['三点五', 3.5], ['１２', 12], ['12,000', 12000], ['一千二百三十四万五千六百七十八', 12345678],
    ['壹佰贰拾', 120], ['3千万', 30000000], ['六十', 60],
  ])('%s → %d', (s, v) => {
    expect(parseChineseNumeral(s)).toBe(v);
  });
  it.each(['', '十百', '百十百', '三四五六七八九〇一二三四五六七八九十', 'abc', '二十国'])('rejects %j', (s) => {
    const v = parseChineseNumeral(s);
    if (s === '三四五六七八九〇一二三四五六七八九十') expect(v).toBeUndefined();
    else expect(v).toBeUndefined();
  });
});

describe('parseEnglishNumber', () => {
  it.each([
    ['twenty-three', 23], ['five', 5], ['300 million', 300000000], ['1.2 million', 1200000], ['12,000', 12000],
    ['Ninth', 9], ['14th', 14], ['23rd', 23], ['one hundred and forty-one', 141], ['a hundred', 100],
    ['two thousand and five', 2005], ['nineteen hundred', 1900], ['1.5 billion', 1500000000], ['$1.5bn', undefined],
    ['1.5bn', 1500000000], ['twenty-first', 21], ['12 000', 12000], ['seven and twenty', 27], ['threescore and ten', 70],
    ['two thirds', 2 / 3], ['thirty percent', 30], ['30%', 30], ['zero', 0], ['one million two hundred thousand', 1200000],
  ])('%s → %s', (s, v) => {
    const got = parseEnglishNumber(s);
    if (v === undefined) expect(got).toBeUndefined();
    else expect(got).toBeCloseTo(v, 6);
  });
  it('rejects text that is not one number', () => {
    expect(parseEnglishNumber('five and six')).toBeUndefined();
    expect(parseEnglishNumber('hello')).toBeUndefined();
    expect(parseEnglishNumber('')).toBeUndefined();
  });
});

describe('extractNumbers: Chinese forms', () => {
  it('Arabic digits, full-width digits, thousands separators and decimals', () => {
    expect(strong('共有12,000人，增长3.5倍', 'zh')).toEqual(['12000:cardinal']); // 3.5倍 is weak (倍 is read two ways)
    expect(strong('共有１２，０００人', 'zh')).toEqual(['12000:cardinal']);
    expect(strong('人口达12 000人', 'zh')).toEqual(['12000:cardinal']);
    expect(strong('温度为2.726K', 'zh')).toEqual([]); // inside the token 2.726K
    expect(all('温度为2.726K', 'zh')).toEqual(['2.726:decimal:weak']);
    expect(strong('增长了2.5个百分点', 'zh')).toEqual(['2.5:percent']);
  });
  it('Chinese numerals, 两 and 廿', () => {
    expect(strong('来自二十三个国家的一百二十名代表', 'zh')).toEqual(['23:cardinal', '120:cardinal']);
    expect(strong('两千零五年', 'zh')).toEqual(['2005:cardinal']);
    expect(strong('两个国家', 'zh')).toEqual(['2:cardinal']);
    expect(strong('廿一世纪', 'zh')).toEqual(['21:cardinal']);
    expect(strong('五十两银子', 'zh')).toEqual(['50:cardinal']); // 两 = tael after a numeral
  });
  it('ordinals: 第十四次, 第11届, 首次 (weak)', () => {
    expect(all('二十国集团领导人第十一次峰会', 'zh')).toEqual(['20:cardinal:weak', '11:ordinal']);
    expect(all('第11届', 'zh')).toEqual(['11:ordinal']);
    expect(all('首次将数字经济列为议题', 'zh')).toEqual(['1:ordinal:weak']);
    expect(all('第一次', 'zh')).toEqual(['1:ordinal:weak']);
    expect(all('第二十三次中国—东盟领导人会议', 'zh')).toEqual(['23:ordinal']);
  });
  it('万/亿 scaling with digits or numerals', () => {
    expect(strong('1.2万人', 'zh')).toEqual(['12000:cardinal']);
    expect(strong('3亿美元', 'zh')).toEqual(['300000000:cardinal']);
    expect(strong('5000万元', 'zh')).toEqual(['50000000:cardinal']);
    expect(strong('15亿人口', 'zh')).toEqual(['1500000000:cardinal']);
    expect(strong('三千万', 'zh')).toEqual(['30000000:cardinal']);
    expect(strong('一百多亿年前', 'zh')).toEqual(['10000000000:cardinal']);
    expect(strong('5千米', 'zh')).toEqual([]); // 千米 = km: the 千 is the unit's
  });
  it('percentages: 百分之三十, 30%, ３０％, 千分之五, 3个百分点, 三成 (weak)', () => {
    expect(strong('百分之三十', 'zh')).toEqual(['30:percent']);
    expect(strong('增长30%', 'zh')).toEqual(['30:percent']);
    expect(strong('增长３０％', 'zh')).toEqual(['30:percent']);
    expect(strong('增长30.5%', 'zh')).toEqual(['30.5:percent']);
    expect(strong('百分之三十点五', 'zh')).toEqual(['30.5:percent']);
    expect(strong('千分之五', 'zh')).toEqual(['0.5:percent']);
    expect(all('近三成的企业', 'zh')).toEqual(['30:percent:weak']);
  });
  it('years, months, days, decades', () => {
    expect(all('2015年5月', 'zh')).toEqual(['2015:year', '5:month']);
    expect(all('2020年至2021年', 'zh')).toEqual(['2020:year', '2021:year']);
    expect(all('5月4日', 'zh')).toEqual(['5:month', '4:day']);
    expect(all('二〇一六年', 'zh')).toEqual(['2016:year']);
    expect(all('20世纪90年代', 'zh')).toEqual(['1990:year']);
    expect(all('90年代', 'zh')).toEqual(['1990:year:weak']);
    expect(all('三个月', 'zh')).toEqual(['3:cardinal']);
    expect(all('十一月', 'zh')).toEqual(['11:month']);
    expect(all('2020-21年度', 'zh')).toEqual(['2020:year', '2021:year']);
  });
  it('fractions', () => {
    expect(extractNumbers('三分之一', 'zh')[0].value).toBeCloseTo(1 / 3, 6);
    expect(extractNumbers('十分之一', 'zh')[0]).toMatchObject({ kind: 'decimal', value: 0.1 });
  });
  it('numbers inside alphanumeric tokens are weak and inToken', () => {
    const g = extractNumbers('5G网络和G20峰会、COVID-19疫情', 'zh');
    expect(g.map((m) => [m.raw, m.weak, m.inToken])).toEqual([['5', true, true], ['20', true, true], ['19', true, true]]);
  });
  it('a lone 一 is weak before a measure word and nothing elsewhere', () => {
    expect(all('一项重要议题', 'zh')).toEqual(['1:cardinal:weak']);
    expect(all('一个中国', 'zh')).toEqual(['1:cardinal:weak']);
    expect(all('一些国家', 'zh')).toEqual([]);
  });
  it('words with numeral characters that are not numbers yield nothing strong', () => {
    const words = [
      '一带一路', '一道', '一致', '统一', '之一', '一些', '一起', '进一步', '唯一', '一体化', '同一', '万一', '一直',
      '一系列', '一定', '一般', '一切', '一流', '三农', '千方百计', '一带', '百姓', '万物', '千万', '一方面', '十分重要',
      '五四运动', '四川省', '推三阻四', '七上八下', '乱七八糟', '星期三', '周五', '四周', '王二', '茅十八', '老三',
      '二姑太太', '肆无忌惮', '队伍', '陆续', '百年未有之大变局', '千年', '数十个', '几百个', '十几个', '三四个', '五六岁',
      '一点一点', '二维码', '第一时间', '双十一', '一国两制', '两岸关系', '两国', '十四五规划', '二十国集团',
    ];
    for (const w of words) expect([w, strong(w, 'zh')]).toEqual([w, []]);
  });
  it('list and heading markers are weak', () => {
    expect(all('### 2. 数字技术助力全球经济发展', 'zh')).toEqual(['2:cardinal:weak']);
    expect(all('### **3.积极参与数字经济治理合作**', 'zh')).toEqual(['3:cardinal:weak']);
    expect(all('（一）总体要求', 'zh')).toEqual([]);
    expect(all('二、主要任务', 'zh')).toEqual(['2:cardinal:weak']);
  });
  it('Traditional characters (zh-TW): 兩, 萬, 億, 個, 屆, 號', () => {
    expect(all('兩千零五年，第十四屆，1.2萬人，3億，增長了3個百分點，5月4號，12個國家，一個中國', 'zh-TW')).toEqual([
      '2005:cardinal', '14:ordinal', '12000:cardinal', '300000000:cardinal', '3:percent', '5:month', '4:day', '12:cardinal', '1:cardinal:weak',
    ]);
  });
  it('十分钟 is ten minutes, 十分 alone is "very"', () => {
    expect(strong('十分钟', 'zh')).toEqual(['10:cardinal']);
    expect(strong('十分重要', 'zh')).toEqual([]);
  });
});

describe('extractNumbers: English forms', () => {
  it('digits, separators, decimals, scales', () => {
    expect(strong('12,000 people and 12 000 more, 3.5 tons', 'en')).toEqual(['12000:cardinal', '12000:cardinal', '3.5:decimal']);
    expect(strong('300 million and 1.5 billion, $3bn', 'en')).toEqual(['300000000:cardinal', '1500000000:cardinal', '3000000000:cardinal']);
    expect(strong('from 3 to 5 million', 'en')).toEqual(['3000000:cardinal', '5000000:cardinal']);
  });
  it('number words', () => {
    expect(strong('twenty-three countries and one hundred and forty-one partners', 'en')).toEqual(['23:cardinal', '141:cardinal']);
    expect(strong('five continents', 'en')).toEqual(['5:cardinal']);
    expect(strong('five and six', 'en')).toEqual(['5:cardinal', '6:cardinal']);
    expect(all('a dozen or more', 'en')).toEqual(['12:cardinal:weak']);
    expect(strong('thousands of people, hundreds of years', 'en')).toEqual([]);
  });
  it('ordinals: 14th, Ninth, 23rd, first (weak), second (weak)', () => {
    expect(all('the 14th BRICS Summit', 'en')).toEqual(['14:ordinal']);
    expect(all('the Ninth BRICS Summit', 'en')).toEqual(['9:ordinal']);
    expect(all('The 23rd China-ASEAN Summit', 'en')).toEqual(['23:ordinal']);
    expect(all("Africa's first 5G network", 'en')).toEqual(['1:ordinal:weak', '5:cardinal:weak']);
    expect(all('the second largest', 'en')).toEqual(['2:ordinal:weak']);
    expect(all('the twenty-first century', 'en')).toEqual(['21:ordinal']);
  });
  it('percentages', () => {
    expect(strong('30%, 30 percent, 30 per cent, 30.5%, thirty percent, 2 percentage points', 'en')).toEqual([
      '30:percent', '30:percent', '30:percent', '30.5:percent', '30:percent', '2:percent',
    ]);
    expect(strong('between one and five percent', 'en')).toEqual(['5:percent']);
    expect(all('between one and five percent', 'en')).toEqual(['1:percent:weak', '5:percent']);
  });
  it('years, months and days', () => {
    expect(all('In May 2015, China', 'en')).toEqual(['5:month', '2015:year']);
    expect(all('on May 4, 2015', 'en')).toEqual(['5:month', '4:day', '2015:year']);
    expect(all('on 4 May', 'en')).toEqual(['4:day', '5:month']);
    expect(all('in 2020 and 2021', 'en')).toEqual(['2020:year', '2021:year']);
    expect(all('in 2020-21', 'en')).toEqual(['2020:year', '2021:year']);
    expect(all('the 1990s', 'en')).toEqual(['1990:year']);
    expect(all('It may be that we march on', 'en')).toEqual([]);
    expect(all('Since January, and in March 2020', 'en')).toEqual(['1:month', '3:month', '2020:year']);
  });
  it('fractions', () => {
    expect(extractNumbers('two thirds of the members', 'en')[0]).toMatchObject({ kind: 'decimal', raw: 'two thirds' });
    expect(extractNumbers('one-third', 'en')[0].value).toBeCloseTo(1 / 3, 6);
    expect(all('a third of the land', 'en')[0]).toMatch(/^0\.333.*:decimal:weak$/);
    expect(all('a third party', 'en')).toEqual(['3:ordinal']);
    expect(all('the fifth part of the land', 'en')).toEqual(['0.2:decimal']);
  });
  it('names and tokens are weak: G20, 5G, COVID-19, Post-2015, ISO9001, (II), versions', () => {
    const m = extractNumbers('G20, 5G, COVID-19, Post-2015 Education, ISO9001, Cyberspace (II), OmegaT 2.5.0', 'en');
    expect(m.every((x) => x.weak)).toBe(true);
    expect(m.filter((x) => x.inToken).map((x) => x.raw)).toEqual(['20', '5', '19', '2015', '9001', '2.5.0']);
  });
  it('one, a, first, one of, X or Y and capitalised words inside names are weak', () => {
    expect(strong('one of the first members, the one, a hundred times, four or five boys, a moment or two', 'en')).toEqual([]);
    expect(strong('she walked down Two Dukes Street', 'en')).toEqual([]);
  });
  it('other languages: digits only', () => {
    expect(strong('Im Jahr 2016 wurden 23 Länder, zwei davon', 'de')).toEqual(['2016:year', '23:cardinal']);
    expect(strong('30 %', 'fr')).toEqual(['30:percent']);
  });
});

describe('sameNumber', () => {
  it('compares values across compatible kinds', () => {
    expect(sameNumber(mention(14, 'ordinal'), mention(14, 'cardinal'))).toBe(true);
    expect(sameNumber(mention(14, 'ordinal'), mention(14, 'ordinal'))).toBe(true);
    expect(sameNumber(mention(2015, 'year'), mention(2015, 'cardinal'))).toBe(true);
    expect(sameNumber(mention(30, 'percent'), mention(30, 'percent'))).toBe(true);
    expect(sameNumber(mention(30, 'percent'), mention(30, 'cardinal'))).toBe(false);
    expect(sameNumber(mention(5, 'month'), mention(5, 'month'))).toBe(true);
    expect(sameNumber(mention(5, 'month'), mention(5, 'percent'))).toBe(false);
    expect(sameNumber(mention(2015, 'year'), mention(2015, 'ordinal'))).toBe(false);
    expect(sameNumber(mention(12000, 'cardinal'), mention(12001, 'cardinal'))).toBe(false);
    expect(sameNumber(mention(1.2 * 10000, 'cardinal'), mention(12000, 'cardinal'))).toBe(true);
  });
});

describe('compareNumbers on the bundled sample (alignments/cyberspace-ii.md): silent on correct translations', () => {
  const pairs: Array<[string, string]> = [
    ['2016年，二十国集团领导人第十一次峰会在中国举行，在中国推动下，会议首次将“数字经济”列为二十国集团创新增长蓝图中的一项重要议题，并通过了《二十国集团数字经济发展与合作倡议》，这是全球首个由多国领导人共同签署的数字经济政策文件，此后，数字经济成为二十国集团核心议题之一。',
      'In 2016, the 11th G20 Summit was held in China. Thanks to China\'s efforts, the summit listed “the digital economy” as a major item in the G20 Blueprint for Innovative Growth and adopted the G20 Digital Economy Development and Cooperation Initiative, the first digital economy policy paper signed by state leaders. Since then, the digital economy has become a core topic for the G20.'],
    ['2016年，二十国集团领导人第十一次峰会在中国举行', 'In 2016, the 11th G20 Summit was held in China.'],
    ['自2016年以来,中国与五大洲23个国家建立双边电子商务合作机制,建立中国-中东欧国家、中国-中亚五国电子商务合作对话机制,通过政企对话、联合研究、能力建设等推动多层次交流合作,营造良好发展环境,构建数字合作格局。',
      'Since 2016, China has set up bilateral e-commerce cooperation mechanisms with 23 countries across five continents, and e-commerce cooperation dialogue mechanisms with Central and Eastern European countries and five Central Asian countries. Multilevel exchanges and cooperation are promoted through government-business dialogue, co-research, and capacity building, to create a sound climate for development and a new pattern for digital cooperation.'],
    ['以世界微生物数据中心为平台，有效利用云服务平台等资源，建立起来自51个国家、141个合作伙伴参加的全球微生物数据信息化合作网络，牵头建立全球微生物菌种保藏目录，促进全球微生物数据资源的有效利用。',
      'Based on the World Data Center for Microorganisms, China has employed cloud service platforms to set up a global microorganisms data-sharing network involving 141 partners from 51 countries, and initiated the Global Catalogue of Microorganisms in order to enable the efficient utilization of global microorganisms data resources.'],
    ['2015年5月，中国与联合国教科文组织合作在青岛举办国际教育信息化大会。',
      'In May 2015, China and UNESCO joined to host the International Conference on ICT and Post-2015 Education in Qingdao, Shandong Province.'],
    ['2019年5月，中国与联合国教科文组织合作在北京举办国际人工智能与教育大会，通过成果文件《北京共识》，形成了全球对智能时代教育发展的共同愿景。',
      'In May 2019, the International Conference on Artificial Intelligence & Education was held in Beijing with joint support from China and UNESCO. This event led to the Beijing Consensus, which establishes a vision for education in the AI era.'],
    ['2020年至2021年，双方继续合作举办国际人工智能与教育会议，为全球教育数字化贡献中国力量。',
      'Subsequently, the two parties worked together to hold the International Forum on AI and Education in 2020 and 2021, representing a major contribution to the digitalization of global education.'],
    ['2020年，中国和东盟举办以“集智聚力共战疫 互利共赢同发展”为主题的中国—东盟数字经济合作年，举行网络事务对话，第二十三次中国—东盟领导人会议发表《中国—东盟关于建立数字经济合作伙伴关系的倡议》，同意进一步加深数字经济领域合作。',
      'The year 2020 marked the China-ASEAN Year of Digital Economy Cooperation under the theme “combating the pandemic together for common development”, and the two sides held dialogues on internet affairs. The 23rd China-ASEAN Summit issued the China-ASEAN Digital Economy Partnership Initiative, aimed to further strengthen digital economy cooperation.'],
    ['2017年，金砖国家领导人第九次会晤在中国举行，会上通过的《金砖国家领导人厦门宣言》，明确提出将深化信息通信技术、电子商务、互联网空间领域的务实合作。',
      'In 2017, the Ninth BRICS Summit was held in China and announced the BRICS Leaders Xiamen Declaration, which proposed to expand practical collaboration in the areas of information and telecommunications technology, e-commerce, and cyberspace.'],
    ['2022年金砖国家领导人第十四次会晤通过了《金砖国家数字经济伙伴关系框架》。', 'In 2022, the 14th BRICS Summit agreed on the BRICS Digital Economy Partnership Framework.'],
    ['中国企业支持南非建成非洲首个5G商用网络和5G实验室。', "China's enterprises helped South Africa set up Africa's first 5G commercial network and its first 5G laboratory."],
    ['大力推进5G网络建设,积极开展5G技术创新及开发建设的国际合作。', 'China has expanded the construction of its 5G network and engaged in active international cooperation on 5G technology innovation and development.'],
    ['中国积极支持共建“一带一路”国家公路、铁路、港口、桥梁、通信管网等骨干通道建设,助力打造“六廊六路多国多港”互联互通大格局,不断提升智慧港口、智能化铁路等基础设施互联互通数字化水平。',
      'To realize large-scale connectivity among countries participating in the Belt and Road Initiative (BRI), China has helped to construct main arteries like national highways, railways, ports, bridges, and communication cables and networks, forming a connectivity framework consisting of six corridors, six routes and multiple countries and ports. On this basis, it has also helped upgrade infrastructure such as ports and railways with digital application.'],
    ['协助泰国共同打造泰国5G智能示范工厂，赋能“5G+”工业应用创新。', 'China aided Thailand in building a 5G demonstration plant, empowering new 5G technology usage in the industrial sector.'],
    ['积极参与世界贸易组织、二十国集团、亚太经合组织、金砖国家、上合组织等多边和区域贸易机制下的电子商务议题讨论,与自贸伙伴共同构建高水平数字经济规则。',
      'China has been an active participant in e-commerce-related discussions under multilateral and regional trade frameworks such as WTO, G20, APEC, BRICS and SCO, and along with its partners in free trade, it has set the norms for a high-quality digital economy.'],
    ['2014年，中国作为亚太经合组织东道主首次将互联网经济引入亚太经合组织合作框架，发起并推动通过《促进互联网经济合作倡议》。',
      'In 2014, as the host country, it introduced the internet economy into the APEC cooperation framework by initiating the APEC Initiative of Cooperation to Promote the Internet Economy and overseeing its approval.'],
    ['2020年以来，中国先后提出“运用数字技术助力新冠肺炎疫情防控和经济复苏”“优化数字营商环境 激活市场主体活力”“后疫情时代加强数字能力建设，弥合数字鸿沟”等倡议，均获亚太经合组织协商一致通过。',
      'Since 2020, China has proposed several initiatives—“using the digital economy to improve COVID-19 response and economic recovery”, “optimizing the digital business environment to activate market vitality”, “strengthening digital capacity-building in the post-pandemic era to bridge the digital gap”—all of which were adopted by APEC.'],
    ['### 2. 数字技术助力全球经济发展', '### (2) Driving global economic growth with digital technology'],
    ['### **3.积极参与数字经济治理合作**', '### **(3) Active participation in governing the digital economy**'],
    ['携手构建网络空间命运共同体(下)', 'Jointly Build a Community With a Shared Future in Cyberspace (II)'],
  ];
  it.each(pairs.map((p, i) => [i, ...p]))('pair %i', (_i, zh, en) => {
    silent(zh as string, en as string);
  });

  it('matches the numbers that carry the link', () => {
    const r = compareNumbers('自2016年以来,中国与五大洲23个国家建立双边电子商务合作机制', 'zh', 'Since 2016, China has set up bilateral e-commerce cooperation mechanisms with 23 countries across five continents', 'en');
    expect(r.matched.map(([a, b]) => `${a.raw}=${b.raw}`)).toEqual(['2016=2016', '五=five', '23=23']);
    const o = compareNumbers('第二十三次中国—东盟领导人会议', 'zh', 'The 23rd China-ASEAN Summit', 'en');
    expect(o.matched.map(([a, b]) => `${a.raw}=${b.raw}`)).toEqual(['第二十三=23rd']);
  });
});

describe('compareNumbers: the forms of the brief pair up', () => {
  it.each([
    ['1.2万', '12,000'], ['3亿', '300 million'], ['5000万', '50 million'], ['15亿', '1.5 billion'], ['百分之三十', '30%'],
    ['百分之三十', '30 percent'], ['百分之三十', '30 per cent'], ['30.5%', '30.5%'], ['第十四次', '14th'], ['第九次', 'Ninth'],
    ['第11届', '11th'], ['首次', 'first'], ['2015年5月', 'May 2015'], ['2020年至2021年', '2020 and 2021'], ['2020年至2021年', '2020 to 2021'],
    ['5月4日', 'May 4'], ['5月4日', '4 May'], ['20世纪90年代', 'the 1990s'], ['五大洲', 'five continents'], ['23个国家', '23 countries'],
    ['二十三', 'twenty-three'], ['一百二十', 'one hundred and twenty'], ['两千', 'two thousand'], ['三分之一', 'one third'],
    ['三分之二', 'two-thirds'], ['二十国集团', 'G20'], ['二十国集团', 'Group of Twenty'], ['十四五规划', 'the 14th Five-Year Plan'],
    ['一国两制', 'one country, two systems'], ['１２，０００人', '12 000 people'], ['3至5万', '30,000 to 50,000'],
    ['十分之一', 'the tenth part'], ['百分之一至百分之五', 'between one and five percent'],
  ])('%s ~ %s', (zh, en) => {
    silent(zh, en);
  });
});

describe('compareNumbers: white-paper and news phrasing stays silent', () => {
  it.each([
    ['近10年来', 'over the past decade'], ['70多年来', 'over the past seven decades'], ['一百年来', 'Over the past century'],
    ['十九届五中全会', 'the Fifth Plenary Session of the 19th CPC Central Committee'], ['党的十八大以来', 'Since the 18th CPC National Congress'],
    ['实现“两个一百年”奋斗目标', 'to realize the Two Centenary Goals'], ['“十四五”规划', 'the 14th Five-Year Plan'],
    ['截至2020年底', 'By the end of 2020'], ['同比增长12.5%', 'up 12.5 percent year on year'], ['GDP达到101.6万亿元', 'GDP reached 101.6 trillion yuan'],
    ['9899万农村贫困人口全部脱贫', 'all 98.99 million rural poor people were lifted out of poverty'], ['832个贫困县全部摘帽', 'all 832 poor counties'],
    ['覆盖全国31个省（区、市）', 'covering 31 provinces, autonomous regions and municipalities'], ['第一季度', 'the first quarter'],
    ['世界第二大经济体', 'the world’s second largest economy'], ['三大攻坚战', 'three critical battles'], ['2035年远景目标', 'Vision 2035'],
    ['上世纪80年代', 'the 1980s'], ['新中国成立70周年', 'the 70th anniversary of the founding of the PRC'], ['2021年7月1日', 'July 1, 2021'],
    ['1亿多人', 'more than 100 million people'], ['零容忍', 'zero tolerance'], ['百分之百', '100 percent'], ['增长一倍', 'doubled'],
    ['一半以上', 'more than half'], ['每年举办一次', 'held once a year'], ['近两年', 'in the past two years'], ['二十多个国家', 'more than 20 countries'],
    ['三四十个国家', '30 or 40 countries'], ['五六百人', 'five or six hundred people'], ['数十个国家', 'dozens of countries'],
    ['十几亿人', 'more than a billion people'], ['14亿多中国人民', 'more than 1.4 billion Chinese people'], ['第一百零一次', 'the 101st'],
    ['2020年初', 'early 2020'], ['5月份', 'in May'], ['从1978年到2018年', 'from 1978 to 2018'], ['1978—2018年', '1978-2018'],
    ['百万富翁', 'millionaire'], ['千万不要', 'must never'], ['十分重要', 'very important'], ['两国关系', 'bilateral relations'],
    ['双方', 'both sides'], ['中方愿同各方一道', 'China is ready to work with all parties'], ['这是唯一的选择', 'This is the only choice'],
    ['每1美元出口', 'every dollar of exports'], ['下午3点', 'at 3 p.m.'], ['2021年10月1日', 'on 1 October 2021'],
  ])('%s ~ %s', (zh, en) => {
    silent(zh, en);
  });
});

describe('compareNumbers: real mismatches are reported', () => {
  it('2016 vs 2017', () => {
    const r = compareNumbers('2016年，二十国集团领导人第十一次峰会在中国举行', 'zh', 'In 2017, the 11th G20 Summit was held in China.', 'en');
    expect(r.missingInTarget.map((m) => m.raw)).toEqual(['2016']);
    expect(r.extraInTarget.map((m) => m.raw)).toEqual(['2017']);
  });
  it('23 vs 32', () => {
    const r = compareNumbers('中国与五大洲23个国家建立双边电子商务合作机制', 'zh', 'China has set up mechanisms with 32 countries across five continents', 'en');
    expect(r.missingInTarget.map((m) => m.value)).toEqual([23]);
    expect(r.extraInTarget.map((m) => m.value)).toEqual([32]);
  });
  it('30% vs 3%', () => {
    const r = compareNumbers('增长了百分之三十', 'zh', 'grew by 3%', 'en');
    expect(r.missingInTarget.map((m) => `${m.value}:${m.kind}`)).toEqual(['30:percent']);
    expect(r.extraInTarget.map((m) => `${m.value}:${m.kind}`)).toEqual(['3:percent']);
  });
  it('30% vs 30 (a percentage is not a count)', () => {
    const r = compareNumbers('增长30%', 'zh', 'grew by 30 units', 'en');
    expect(r.missingInTarget).toHaveLength(1);
  });
  it('11th vs 12th, Ninth vs 10th, 1.2万 vs 1,200, 3亿 vs 3 million, May vs June', () => {
    expect(compareNumbers('第十一次峰会', 'zh', 'the 12th summit', 'en').missingInTarget).toHaveLength(1);
    expect(compareNumbers('第九次会晤', 'zh', 'the 10th meeting', 'en').missingInTarget).toHaveLength(1);
    expect(compareNumbers('1.2万人', 'zh', '1,200 people', 'en').missingInTarget).toHaveLength(1);
    expect(compareNumbers('3亿美元', 'zh', '3 million dollars', 'en').missingInTarget).toHaveLength(1);
    expect(compareNumbers('2015年5月', 'zh', 'In June 2015', 'en').missingInTarget.map((m) => m.kind)).toEqual(['month']);
  });
  it('a small spelled number replaced by another one is reported; one left out is not (unless asked)', () => {
    const swapped = compareNumbers('中国与五大洲', 'zh', 'China and six continents', 'en');
    expect(swapped.missingInTarget.map((m) => m.raw)).toEqual(['五']);
    expect(swapped.extraInTarget.map((m) => m.raw)).toEqual(['six']);
    const dropped = compareNumbers('道路两侧的高粱', 'zh', 'the sorghum lining the path', 'en');
    expect(dropped.missingInTarget).toEqual([]);
    expect(compareNumbers('道路两侧的高粱', 'zh', 'the sorghum lining the path', 'en', { reportOmittedSmall: true }).missingInTarget).toHaveLength(1);
  });
  it('a count of one is weak even in digits, but another number in its place is reported', () => {
    const r = compareNumbers('每1美元', 'zh', 'every 2 dollars', 'en');
    expect(r.missingInTarget).toEqual([]);
    expect(r.extraInTarget.map((m) => m.raw)).toEqual(['2']);
  });
  it('a number repeated on one side is not reported unless countRepeats', () => {
    const src = '2016年峰会';
    const tgt = 'The 2016 summit, held in 2016';
    expect(compareNumbers(src, 'zh', tgt, 'en').extraInTarget).toEqual([]);
    expect(compareNumbers(src, 'zh', tgt, 'en', { countRepeats: true }).extraInTarget.map((m) => m.raw)).toEqual(['2016']);
  });
  it('a number missing altogether is reported, weak ones never', () => {
    const r = compareNumbers('141个合作伙伴', 'zh', 'many partners', 'en');
    expect(r.missingInTarget.map((m) => m.value)).toEqual([141]);
    expect(compareNumbers('一项议题', 'zh', 'the topics', 'en').missingInTarget).toEqual([]);
    expect(compareNumbers('5G网络', 'zh', 'the network', 'en').missingInTarget).toEqual([]);
  });
});

describe('properties', () => {
  const zhDigits = '〇一二三四五六七八九';
  /** Reference writer of Chinese numerals (standard form: 一万零五, 十五, 一百一十). */
  function toChinese(n: number): string {
    if (n === 0) return '零';
    const section = (x: number, leadingTen: boolean): string => {
      const units = ['', '十', '百', '千'];
      let s = '';
      let zero = false;
      for (let p = 3; p >= 0; p--) {
        const d = Math.floor(x / 10 ** p) % 10;
        if (d === 0) {
          if (s !== '') zero = true;
          continue;
        }
        if (zero) s += '零';
        zero = false;
        s += p === 1 && d === 1 && s === '' && leadingTen ? '十' : zhDigits[d] + units[p];
      }
      return s;
    };
    const yi = Math.floor(n / 1e8);
    const wan = Math.floor((n % 1e8) / 1e4);
    const rest = n % 1e4;
    let s = '';
    if (yi) s += section(yi, true) + '亿';
    if (wan) s += (s && wan < 1000 ? '零' : '') + section(wan, !s) + '万';
    if (rest) s += (s && rest < 1000 ? '零' : '') + section(rest, !s);
    return s;
  }
  const ones = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
  const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
  function toEnglish(n: number): string {
    const below1000 = (x: number): string => {
      const h = Math.floor(x / 100);
      const r = x % 100;
      const parts: string[] = [];
      if (h) parts.push(ones[h] + ' hundred');
      if (r) {
        const w = r < 20 ? ones[r] : tens[Math.floor(r / 10)] + (r % 10 ? '-' + ones[r % 10] : '');
        parts.push(h ? 'and ' + w : w);
      }
      return parts.join(' ');
    };
    const parts: string[] = [];
    for (const [scale, name] of [[1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']] as const) {
      const q = Math.floor(n / scale) % 1000;
      if (q) parts.push(below1000(q) + ' ' + name);
    }
    if (n % 1000) parts.push(below1000(n % 1000));
    return parts.join(' ');
  }

  it('parseChineseNumeral reads every standard Chinese numeral', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => parseChineseNumeral(toChinese(n)) === n), { numRuns: 2000 });
  });
  it('parseEnglishNumber reads every English number in words', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 999_999_999_999 }), (n) => parseEnglishNumber(toEnglish(n)) === n), { numRuns: 2000 });
  });
  it('digits with thousands separators, and their Chinese 万 form, are the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 9_999_999 }), (n) => {
        const en = n.toLocaleString('en-US') + ' units';
        const zh = (n % 10000 === 0 ? `${n / 10000}万` : String(n)) + '个';
        return compareNumbers(zh, 'zh', en, 'en').matched.length === 1;
      }),
      { numRuns: 500 },
    );
  });
  it('never throws, and every mention points at its own text, in order', () => {
    const alphabet = '0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两〇零第点分之年月日号%％,. -abcxyzGmillionthousandfirstonetwentyMayand、。（）()';
    const arb = fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(arb, fc.constantFrom('zh', 'en', 'de'), (text, lang) => {
        const ms = extractNumbers(text, lang);
        let prev = -1;
        for (const m of ms) {
          if (m.raw !== text.slice(m.start, m.end) || m.start < 0 || m.end > text.length || m.start >= m.end) return false;
          if (!Number.isFinite(m.value) || m.start < prev) return false;
          prev = m.start;
        }
        return true;
      }),
      { numRuns: 3000 },
    );
  });
  it('stays linear on pathological input (long numeral runs, digit strings, word chains)', () => {
    const cases: Array<[string, string]> = [
      ['一二三四五六七八九十'.repeat(2000), 'zh'],
      [('一二三四五六七八九十'.repeat(3) + '。').repeat(2000), 'zh'],
      ['1234567890'.repeat(20000), 'en'],
      ['1,000'.repeat(20000), 'zh'],
      ['one two three '.repeat(20000), 'en'],
      ['one hundred and '.repeat(20000), 'en'],
      ['第十四次1.2万百分之三十2015年5月May 4 twenty-three '.repeat(5000), 'zh'],
      ['1.'.repeat(50000), 'en'],
    ];
    for (const [text, lang] of cases) {
      const t = performance.now();
      const ms = extractNumbers(text, lang);
      expect(performance.now() - t).toBeLessThan(5000);
      expect(ms.every((m) => Number.isFinite(m.value))).toBe(true);
    }
  });
  it('is deterministic', () => {
    const t = '2016年，二十国集团领导人第十一次峰会在中国举行，1.2万人，百分之三十';
    expect(JSON.stringify(extractNumbers(t, 'zh'))).toBe(JSON.stringify(extractNumbers(t, 'zh')));
  });
});
