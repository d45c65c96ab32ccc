import { describe, expect, it } from 'vitest';
import { AhoCorasick, compileTermBase, normalizeChinese, stemEnglishWord, type TermMatch } from '../../src/terms/index.js';
import type { Concept, TermBase, TermStatus } from '../../src/model/types.js';

function concept(id: string, zh: string[], en: string[], status: TermStatus = 'preferred'): Concept {
  return {
    id,
    terms: [...zh.map((text) => ({ lang: 'zh', text, status })), ...en.map((text) => ({ lang: 'en', text, status }))],
  };
}

const base: TermBase = {
  concepts: [
    concept('silk-road-ecommerce', ['丝路电商'], ['Silk Road e-commerce']),
    concept('ecommerce', ['电子商务'], ['e-commerce']),
    concept('cross-border-logistics', ['跨境物流'], ['cross-border logistics']),
    concept('mobile-payment', ['移动支付'], ['mobile payment']),
    concept('smart-port', ['智慧港口'], ['smart port']),
    concept('port', ['港口'], ['port']),
    concept('policy', ['政策'], ['policy']),
    concept('digitalize', ['数字化'], ['digitalize']),
    concept('wto', ['世界贸易组织', '世贸组织'], ['World Trade Organization', 'WTO']),
    concept('who', ['世界卫生组织'], ['WHO']),
    concept('5g', ['5G'], ['5G']),
    concept('ai', ['人工智能'], ['artificial intelligence', 'AI']),
    concept('rcep', ['区域全面经济伙伴关系协定'], ['Regional Comprehensive Economic Partnership']),
    concept('digital-economy', ['数字经济'], ['digital economy']),
  ],
};
const m = compileTermBase(base);
const ids = (ms: TermMatch[]) => ms.map((x) => x.conceptId);

describe('Aho–Corasick', () => {
  it('finds every occurrence of every pattern, overlapping ones included', () => {
    const ac = new AhoCorasick();
    ['he', 'she', 'his', 'hers'].forEach((p) => ac.add(p));
    const hits = ac.search('ushers').map((h) => `${h.pattern}:${h.start}-${h.end}`);
    expect(hits.sort()).toEqual(['0:2-4', '1:1-4', '3:2-6'].sort());
  });
  it('handles many patterns sharing prefixes and suffixes', () => {
    const ac = new AhoCorasick();
    const pats = ['数字', '数字经济', '经济', '字经', '济'];
    pats.forEach((p) => ac.add(p));
    const hits = ac.search('发展数字经济合作');
    expect(hits.map((h) => pats[h.pattern]).sort()).toEqual(['字经', '数字', '数字经济', '济', '经济'].sort());
  });
});

describe('Chinese matching', () => {
  it('matches on characters without word spaces', () => {
    const r = m.find('带动跨境物流、移动支付等各领域实现全球发展', 'zh');
    expect(ids(r)).toEqual(['cross-border-logistics', 'mobile-payment']);
    expect(r[0].start).toBe(2);
    expect(r[0].end).toBe(6);
    expect(r[0].text).toBe('跨境物流');
  });
  it('treats traditional and simplified as one term', () => {
    expect(normalizeChinese('絲路電商')).toBe('丝路电商');
    const r = m.find('「絲路電商」合作成果豐碩', 'zh-TW');
    expect(ids(r)).toEqual(['silk-road-ecommerce']);
    expect(r[0].text).toBe('絲路電商');
  });
  it('prefers the longest term and can report nested ones', () => {
    expect(ids(m.find('不断提升智慧港口水平', 'zh'))).toEqual(['smart-port']);
    expect(ids(m.find('不断提升智慧港口水平', 'zh', { overlapping: true })).sort()).toEqual(['port', 'smart-port']);
  });
  it('finds both Chinese forms of one concept', () => {
    expect(ids(m.find('积极参与世界贸易组织议题，推动世贸组织合作', 'zh'))).toEqual(['wto', 'wto']);
  });
  it('does not find a Latin term inside a longer number or word', () => {
    expect(ids(m.find('建设5G网络', 'zh'))).toEqual(['5g']);
    expect(ids(m.find('建设15G网络', 'zh'))).toEqual([]);
    expect(ids(m.find('建设５Ｇ网络', 'zh'))).toEqual(['5g']);
  });
  it('ignores spaces inside Chinese text', () => {
    expect(ids(m.find('跨境 物流', 'zh'))).toEqual(['cross-border-logistics']);
  });
});

describe('English matching', () => {
  it('is case-insensitive with plurals and possessives', () => {
    expect(ids(m.find('Mobile Payments and smart ports', 'en'))).toEqual(['mobile-payment', 'smart-port']);
    expect(ids(m.find('new policies', 'en'))).toEqual(['policy']);
    expect(stemEnglishWord('policies')).toBe('policy');
    expect(stemEnglishWord('boxes')).toBe('box');
    expect(stemEnglishWord('process')).toBe('process');
  });
  it('keeps derivations apart', () => {
    expect(ids(m.find('industry digitalization', 'en'))).toEqual([]);
    expect(ids(m.find('to digitalize industry', 'en'))).toEqual(['digitalize']);
  });
  it('treats hyphen and space variants as one', () => {
    for (const t of ['e-commerce', 'e commerce', 'ecommerce', 'E-Commerce', 'e‑commerce']) {
      expect(ids(m.find(`global ${t} cooperation`, 'en'))).toEqual(['ecommerce']);
    }
    expect(ids(m.find('Silk Road e-commerce cooperation', 'en'))).toEqual(['silk-road-ecommerce']);
    expect(ids(m.find('cross border logistics', 'en'))).toEqual(['cross-border-logistics']);
  });
  it('matches whole words only', () => {
    expect(ids(m.find('passport and sports', 'en'))).toEqual([]);
    expect(ids(m.find('support', 'en'))).toEqual([]);
  });
  it('does not cross punctuation', () => {
    expect(ids(m.find('mobile. Payment', 'en'))).toEqual([]);
  });
  it('matches acronyms only in capitals', () => {
    expect(ids(m.find('those who joined the WHO', 'en'))).toEqual(['who']);
    expect(ids(m.find("the WTO's rules and WTO members", 'en'))).toEqual(['wto', 'wto']);
    expect(ids(m.find('AI and artificial intelligence', 'en'))).toEqual(['ai', 'ai']);
  });
  it('gives offsets into the original text', () => {
    const text = 'China’s cloud, mobile payments.';
    const r = m.find(text, 'en');
    expect(text.slice(r[0].start, r[0].end)).toBe('mobile payments');
  });
});

describe('fuzzy fallback', () => {
  const fm = compileTermBase(base, { fuzzy: true });
  it('reports a misspelt term as fuzzy with its ratio', () => {
    const r = fm.find('the Regional Comprehensive Economic Partnershp agreement', 'en');
    expect(r).toHaveLength(1);
    expect(r[0].conceptId).toBe('rcep');
    expect(r[0].fuzzy).toBe(true);
    expect(r[0].score).toBeGreaterThan(0.85);
    expect(r[0].score).toBeLessThan(1);
    expect(r[0].text).toBe('Regional Comprehensive Economic Partnershp');
  });
  it('finds a Chinese variant with one character missing', () => {
    const r = fm.find('区域全面经济伙伴关系协议电子商务章节', 'zh');
    expect(r.map((x) => [x.conceptId, x.fuzzy])).toEqual([['rcep', true], ['ecommerce', false]]);
  });
  it('exact matches win and short terms never match fuzzily', () => {
    expect(fm.find('digital economy', 'en').map((x) => x.fuzzy)).toEqual([false]);
    expect(fm.find('丝路电子', 'zh')).toEqual([]);
    expect(m.find('the Regional Comprehensive Economic Partnershp', 'en')).toEqual([]);
  });
});

describe('lookup and scale', () => {
  it('looks a term up by its normalised form', () => {
    expect(m.lookup('E-Commerce', 'en').map((x) => x.conceptId)).toEqual(['ecommerce']);
    expect(m.lookup('世貿組織', 'zh').map((x) => x.conceptId)).toEqual(['wto']);
    expect(m.lookup('commerce', 'en')).toEqual([]);
  });
  it('compiles 20,000 terms quickly and still finds them', () => {
    const concepts: Concept[] = [];
    for (let i = 0; i < 10000; i++) concepts.push(concept(`c${i}`, [`术语${i}号`], [`term number ${i}`]));
    const t0 = performance.now();
    const big = compileTermBase({ concepts });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(3000);
    expect(ids(big.find('这是术语42号和术语9999号', 'zh'))).toEqual(['c42', 'c9999']);
    expect(ids(big.find('see term number 42.', 'en'))).toEqual(['c42']);
  });
});

describe('the exact English word stream', () => {
  it('is the stream of tokenizeWords: stemmed words, a barrier at punctuation, token offsets in stream and text', async () => {
    const { wordStreamInto, lastWordStream } = await import('../../src/terms/matcher.js');
    const { tokenizeWords, WORD_BARRIER } = await import('../../src/terms/normalize.js');
    const texts = [
      '',
      '   ',
      'In 2007, the platform infrastructure of education global cooperation 1809x reached 851 regionals.',
      "China's SMEs & WTO's e-commerce—policies; the buses' routes (ports) … Friends of E-commerce",
      'Ünïcödé naïve café ＡＢＣ１２３ 中文 words\u00a0joined\u2010by\u00adthings\u3000and 𝐀𝐁 𝑥y 😀smile',
      "rock'n'roll o’clock it's classes boxes policies news series bus analysis's & &&",
      'a\tb\nc\r\nd\u2028e\u2029f,g.h!i?j:k"l\'m',
      'ʼapostrophe ̀mark ٣digits x\u0301y Σίσυφος ΣΊΣΥΦΟΣ',
      '&&&&&&&&',
      '&'.repeat(3000) + ' R&D & a&b',
    ];
    let seed = 3;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const units = ['a', 'S', 's', "'", '’', ' ', '-', ',', '&', '1', 'é', 'İ', '\u0301', '中', '\ud835\udc00', '\u00a0', '\u3000', 'ies', 'es'];
    for (let k = 0; k < 3000; k++) {
      let s = '';
      for (let i = Math.floor(rand() * 16); i > 0; i--) s += units[Math.floor(rand() * units.length)];
      texts.push(s);
    }
    for (const text of texts) {
      const tokens = tokenizeWords(text);
      let stream = '';
      const posTok: number[] = [];
      const tok: number[] = [];
      const at: number[] = [];
      tokens.forEach((t, i) => {
        if (t.before === 'break') {
          stream += WORD_BARRIER;
          posTok.push(-1);
        }
        tok.push(stream.length);
        stream += t.norm;
        for (let j = 0; j < t.norm.length; j++) posTok.push(i);
        tok.push(stream.length);
        at.push(t.start, t.end);
      });
      const n = wordStreamInto(text);
      expect([text, n]).toEqual([text, tokens.length]);
      expect([text, lastWordStream(n)]).toEqual([text, { stream, posTok, tok, text: at }]);
    }
  });
});

describe('Aho–Corasick against a naive search', () => {
  it('finds every occurrence, by end offset, longest first, on random patterns and texts', () => {
    let seed = 11;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    for (let k = 0; k < 400; k++) {
      const alpha = 'abcd中文\u0001'.slice(0, 2 + Math.floor(rand() * 6));
      const word = (n: number) => Array.from({ length: n }, () => alpha[Math.floor(rand() * alpha.length)]).join('');
      const patterns = Array.from({ length: 1 + Math.floor(rand() * 30) }, () => word(1 + Math.floor(rand() * 5)));
      const ac = new AhoCorasick();
      for (const p of patterns) ac.add(p);
      const text = word(Math.floor(rand() * 50)) + 'xy' + word(8);
      const want: { pattern: number; start: number; end: number }[] = [];
      for (let end = 1; end <= text.length; end++) {
        const here = patterns.map((p, i) => ({ p, i })).filter(({ p }) => end >= p.length && text.startsWith(p, end - p.length));
        here.sort((a, b) => b.p.length - a.p.length || a.i - b.i);
        for (const { p, i } of here) want.push({ pattern: i, start: end - p.length, end });
      }
      expect(ac.search(text)).toEqual(want);
    }
  });
});
