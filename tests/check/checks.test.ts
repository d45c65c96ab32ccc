// Each check on real sentences of the bundled sample: the true positives, and no false alarm on the correct links.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CHECKS, CheckSession, linkItemsFrom, runChecks, runChecksSync, type CheckReport } from '../../src/check/index.js';
import { iterateAlignmentJsonl } from '../../src/formats/jsonl.js';
import { compileTermBase } from '../../src/terms/index.js';
import type { TermBase } from '../../src/model/types.js';
import { SAMPLE, items, link, sampleItems, sampleLink } from './util.js';

const of = (r: CheckReport, check: string) => r.findings.filter((f) => f.check === check);

describe('the registry', () => {
  it('has stable kebab-case ids, a title, a description and a default severity for every check', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHECKS) {
      expect(c.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.description.length).toBeGreaterThan(20);
      expect(['error', 'warning', 'info']).toContain(c.defaultSeverity);
    }
    for (const id of ['term-missing', 'term-forbidden', 'same-source-different-target', 'same-target-different-source', 'term-variants', 'number-missing', 'target-missing', 'target-identical', 'truncated-sentence', 'length-ratio', 'unbalanced-brackets', 'low-confidence']) {
      expect(ids).toContain(id);
    }
  });
});

describe('on the bundled sample (hand-aligned)', () => {
  const report = runChecksSync(sampleItems());

  it('reads every link', () => {
    expect(report.links).toBe(41);
    expect(report.files).toEqual(['cyberspace-ii.jsonl']);
  });

  it('flags the cut-off last English sentence "… in support of negotiations about"', () => {
    const t = of(report, 'truncated-sentence');
    expect(t).toHaveLength(1);
    expect(t[0].link).toBe('l40');
    expect(t[0].line).toBe(42);
    expect(t[0].tgtText!.slice(...t[0].tgtSpan!)).toBe('about');
  });

  it('finds 人工智能 rendered as "artificial intelligence" and as "AI", with both variants and their links', () => {
    const v = of(report, 'term-variants');
    expect(v).toHaveLength(1);
    const data = v[0].data as { term: string; variants: { text: string; links: { id: string }[] }[] };
    expect(data.term).toBe('人工智能');
    expect(data.variants.map((x) => x.text)).toEqual(['artificial intelligence', 'AI']);
    expect(data.variants[0].links.map((l) => l.id)).toEqual(['l5']);
    expect(data.variants[1].links.map((l) => l.id)).toEqual(['l13', 'l22']);
    expect(v[0].severity).toBe('warning');
    expect(v[0].message).toContain('l13');
    expect(v[0].srcText!.slice(...v[0].srcSpan!)).toBe('人工智能');
    expect(v[0].tgtText!.slice(...v[0].tgtSpan!)).toBe('artificial intelligence');
  });

  it('raises no false alarm on the correct numbers (23 countries, five continents, 第十一次 ↔ 11th, 2020年至2021年 …)', () => {
    expect(of(report, 'number-missing')).toEqual([]);
    expect(of(report, 'number-extra')).toEqual([]);
  });

  it('raises no false alarm for completeness, brackets, length ratio, inconsistency or confidence', () => {
    for (const id of ['target-missing', 'source-missing', 'target-identical', 'length-ratio', 'unbalanced-brackets', 'same-source-different-target', 'same-target-different-source', 'low-confidence']) {
      expect(of(report, id), id).toEqual([]);
    }
  });

  it('skips the term checks without a term base, and says so', () => {
    expect(report.skipped.map((s) => s.check)).toEqual(['term-missing', 'term-forbidden']);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(runChecksSync(sampleItems()))).toBe(JSON.stringify(report));
  });
});

describe('streaming input', () => {
  it('runChecks takes an async stream of JSONL items (linkItemsFrom) and gives the same report as the sync runner', async () => {
    const text = readFileSync(SAMPLE, 'utf8');
    async function* chunks() {
      for (let i = 0; i < text.length; i += 1000) yield text.slice(i, i + 1000);
    }
    const r = await runChecks(linkItemsFrom(iterateAlignmentJsonl(chunks(), { file: 'cyberspace-ii.jsonl' }), 'cyberspace-ii.jsonl'));
    expect(JSON.stringify(r)).toBe(JSON.stringify(runChecksSync(sampleItems())));
  });
});

describe('English → Chinese files', () => {
  it('take the languages from the header even when the file was registered first (sentences joined with a space)', () => {
    const s = new CheckSession();
    const header = { format: 'bitext-alignment' as const, version: 1, srcLang: 'en', tgtLang: 'zh', sources: [], tool: { name: 't', version: '0' } };
    s.addFile('en-zh.jsonl');
    s.addFile('en-zh.jsonl', header);
    for (const it of sampleItems()) {
      const l = it.link;
      s.add({ link: { ...l, src: l.tgt, tgt: l.src }, line: it.line, file: 'en-zh.jsonl', header });
    }
    const r = s.finish();
    const t = of(r, 'truncated-sentence');
    expect(t.map((f) => f.message)).toEqual(['the source stops mid-sentence: "…embers in support of negotiations about" (the translation ends its sentence)']);
    const v = of(r, 'term-variants');
    expect(v).toHaveLength(1);
    expect(v[0].srcText!.slice(...v[0].srcSpan!)).toBe('artificial intelligence');
    expect(v[0].message).toMatch(/^two source forms are translated as 人工智能: "artificial intelligence" in 1 link \(l5\) and "AI" in 2 links \(l13, l22\)$/);
    const s2 = new CheckSession({ only: ['low-confidence'], config: { reviewThreshold: 1 } });
    s2.addFile('en-zh.jsonl');
    const l4 = sampleLink('l4');
    s2.add({ link: { ...l4, src: l4.tgt, tgt: l4.src }, line: 6, file: 'en-zh.jsonl', header });
    expect(s2.finish().findings[0].srcText).toContain('countries and ports. On this basis');
  });
});

describe('numbers', () => {
  it('reports a changed number with both spans', () => {
    const l = sampleLink('l9'); // 自2016年以来,中国与五大洲23个国家… ↔ Since 2016, … 23 countries across five continents …
    l.tgt[0].text = l.tgt[0].text.replace('23 countries', '32 countries');
    const r = runChecksSync(items([l]));
    const m = of(r, 'number-missing');
    expect(m).toHaveLength(1);
    expect(m[0].srcText!.slice(...m[0].srcSpan!)).toBe('23');
    expect(m[0].message).toContain('32');
    expect(m[0].severity).toBe('error');
    expect(of(r, 'number-extra').map((f) => f.tgtText!.slice(...f.tgtSpan!))).toEqual(['32']);
  });

  it('matches Chinese ordinals and English ordinals (第十四次 ↔ 14th) and flags a wrong one', () => {
    const ok = sampleLink('l35'); // 2022年金砖国家领导人第十四次会晤 ↔ In 2022, the 14th BRICS Summit
    expect(of(runChecksSync(items([ok])), 'number-missing')).toEqual([]);
    const bad = sampleLink('l35');
    bad.tgt[0].text = bad.tgt[0].text.replace('14th', '15th');
    const m = of(runChecksSync(items([bad])), 'number-missing');
    expect(m).toHaveLength(1);
    expect(m[0].srcText!.slice(...m[0].srcSpan!)).toMatch(/^第十四/);
  });
});

describe('completeness', () => {
  it('target-missing: a source sentence with no translation (1-0 link)', () => {
    const r = runChecksSync(items([link('“丝路电商”合作成果丰硕。', '')]));
    expect(of(r, 'target-missing')).toHaveLength(1);
    expect(of(r, 'target-missing')[0].severity).toBe('error');
  });

  it('source-missing: a translation with no source (0-1 link)', () => {
    expect(of(runChecksSync(items([link('', 'Silk Road e-commerce cooperation has been fruitful.')])), 'source-missing')).toHaveLength(1);
  });

  it('target-identical: the source copied into the target; not for short codes', () => {
    const r = runChecksSync(items([link('“丝路电商”合作成果丰硕。', '“丝路电商”合作成果丰硕。'), link('APEC', 'APEC'), link('2019年', '2019年')]));
    expect(of(r, 'target-identical')).toHaveLength(1);
    expect(of(r, 'target-identical')[0].srcText).toContain('丝路电商');
  });

  it('truncated-sentence: also the other way round (source cut at a page break)', () => {
    const r = runChecksSync(items([link('电子商务国际规则构建取得突破，区域全面', 'There has been a breakthrough in the formulation of international e-commerce rules.')]));
    const t = of(r, 'truncated-sentence');
    expect(t).toHaveLength(1);
    expect(t[0].srcText!.slice(...t[0].srcSpan!)).toBe('面');
  });

  it('truncated-sentence: not on headings, nor when both sides end alike, nor for closing quotes', () => {
    const h = sampleLink('l6');
    const r = runChecksSync(items([h, sampleLink('l8'), link('他说：“好。”', 'He said: “Good.”')]));
    expect(of(r, 'truncated-sentence')).toEqual([]);
  });

  it('unbalanced-brackets: a closing quote lost in translation', () => {
    const l = sampleLink('l36'); // … such as the Dialogue …: use the ASEAN theme link with quotes instead
    const q = sampleLink('l38');
    q.tgt[0].text = q.tgt[0].text.replace('common development”', 'common development');
    const r = runChecksSync(items([l, q]));
    const u = of(r, 'unbalanced-brackets');
    expect(u).toHaveLength(1);
    expect(u[0].link).toBe('l38');
    expect(u[0].tgtText!.slice(...u[0].tgtSpan!)).toBe('“');
  });

  it('unbalanced-brackets: a source typo is reported when the translation closes the same brackets; list enumerators tolerated', () => {
    const r = runChecksSync(
      items([
        link('通过成果文件《青岛宣言，在国际社会推动教育信息化方面发挥了重要作用。', 'It adopted the Qingdao Declaration, which played a significant role.'),
        link('中国（含香港在内）的企业（共23家。', 'Chinese companies (including those of Hong Kong), 23 in all.'),
        link('（二）以数字技术推动全球经济发展', '(2) Driving global economic growth with digital technology'),
        link('1）数字技术', '1) Digital technology'),
      ]),
    );
    const u = of(r, 'unbalanced-brackets');
    // 《 without 》 in the source: English has no title marks to compare with, so it is not the translation's problem.
    expect(u).toHaveLength(1);
    expect(u[0].srcText!.slice(...u[0].srcSpan!)).toBe('（');
    expect(u[0].message).toBe('in the source, （ is opened but never closed');
  });

  it('unbalanced-brackets: a quotation spanning two sentences, unbalanced alike on both sides, is not reported', () => {
    expect(of(runChecksSync(items([link('他说：“我们会来。', 'He said: “We will come.')])), 'unbalanced-brackets')).toEqual([]);
  });

  it("length-ratio: a translation much shorter than the file's other links", () => {
    const all = sampleItems().map((i) => i.link);
    const l = all.find((x) => x.id === 'l15')!; // 以世界微生物数据中心为平台… (long) ↔ Based on the World Data Center …
    l.tgt[0].text = 'Based on the World Data Center for Microorganisms.';
    const r = runChecksSync(items(all));
    const lr = of(r, 'length-ratio');
    expect(lr.map((f) => f.link)).toEqual(['l15']);
    expect(lr[0].message).toMatch(/shorter/);
  });
});

describe('inconsistency', () => {
  it('same-source-different-target names the first link and both translations', () => {
    const a = link('积极推动世贸组织数字经济合作。', 'China has actively sought to advance cooperation on the digital economy within the WTO.', { id: 'a' });
    const b = link('积极推动世贸组织数字经济合作。', 'China has actively promoted digital economy cooperation in the WTO.', { id: 'b' });
    const c = link('积极推动世贸组织数字经济合作。', 'China has actively sought to advance cooperation on the digital economy within the WTO.', { id: 'c' });
    const r = runChecksSync(items([a, b, c]));
    const f = of(r, 'same-source-different-target');
    expect(f).toHaveLength(1);
    expect(f[0].link).toBe('b');
    expect(f[0].related).toEqual(['a']);
    expect(f[0].message).toContain('within the WTO');
  });

  it('ignores width, case and spacing differences', () => {
    const a = link('推进亚太经合组织数字经济合作进程。', 'China has contributed to the progress of digital economy cooperation among APEC members.');
    const b = link('推进亚太经合组织数字经济合作进程.', 'China has contributed to the progress of digital economy cooperation among APEC members. ');
    expect(of(runChecksSync(items([a, b])), 'same-source-different-target')).toEqual([]);
  });

  it('same-target-different-source', () => {
    const a = link('深化同东盟数字经济合作。', 'China has strengthened cooperation on the digital economy with ASEAN.');
    const b = link('不断拓展金砖国家数字经济交流合作。', 'China has strengthened cooperation on the digital economy with ASEAN.');
    expect(of(runChecksSync(items([a, b])), 'same-target-different-source')).toHaveLength(1);
  });

  it('term-variants is silent when the acronym is always defined in place or used consistently', () => {
    const r = runChecksSync(
      items([
        link('区域全面经济伙伴关系协定电子商务章节成为规则。', 'The e-commerce chapter in the Regional Comprehensive Economic Partnership (RCEP) became the rules.'),
        link('区域全面经济伙伴关系协定生效。', 'The RCEP entered into force.'),
        link('云计算、人工智能等新技术创新应用发展。', 'China has made new breakthroughs in cloud computing and AI technologies.'),
        link('国际人工智能与教育会议', 'International Forum on AI and Education'),
      ]),
    );
    // RCEP: one link says both (a definition), the other the acronym only: not two renderings of one term.
    expect(of(r, 'term-variants')).toEqual([]);
  });
});

describe('spelling variants', () => {
  it('closed vs hyphenated and -ise vs -ize spellings of one word, reported at the rarer one', () => {
    const r = runChecksSync(
      items([
        link('电子商务合作机制', 'bilateral e-commerce cooperation mechanisms', { id: 'a' }),
        link('电子商务企业', 'e-commerce enterprises move faster', { id: 'b' }),
        link('电子商务规则', 'international ecommerce rules', { id: 'c' }),
        link('数字化', 'digitalization of global education', { id: 'd' }),
        link('数字化水平', 'the digitalisation level in agriculture', { id: 'e' }),
      ]),
    );
    const f = of(r, 'spelling-variants');
    expect(f.map((x) => [x.link, x.tgtText!.slice(...x.tgtSpan!)])).toEqual([
      ['c', 'ecommerce'],
      ['e', 'digitalisation'],
    ]);
    expect(f[0].message).toBe('"e-commerce" (2 times, first in link a) and "ecommerce" (1 time) are both used: pick one spelling');
    expect(f[0].severity).toBe('info');
  });

  it('counts words in any case across a large vocabulary (the word index grows)', () => {
    const word = (n: number) => 'lex' + [...n.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
    const links = [];
    for (let i = 0; i < 3000; i += 10) {
      const words = Array.from({ length: 10 }, (_, k) => (k % 3 ? word(i + k) : word(i + k).toUpperCase()));
      links.push(link('词汇', words.join(' - ') + ' ' + words.slice(0, 3).join('-') + '--'));
    }
    links.push(link('数字化', 'Digitalisation and DIGITALISATION, e-Commerce', { id: 'x' }));
    links.push(link('数字化', 'digitalization ECOMMERCE eCommerce-', { id: 'y' }));
    const f = of(runChecksSync(items(links)), 'spelling-variants');
    expect(f.map((x) => x.message)).toEqual([
      '"ECOMMERCE" (2 times, first in link y) and "e-Commerce" (1 time) are both used: pick one spelling',
      '"Digitalisation" (2 times, first in link x) and "digitalization" (1 time) are both used: pick one spelling',
    ]);
  });

  it('leaves open and hyphenated compounds alone (a data-sharing network / data sharing)', () => {
    const r = runChecksSync(items([link('数据共享网络', 'a global data-sharing network'), link('数据共享', 'data sharing between partners')]));
    expect(of(r, 'spelling-variants')).toEqual([]);
  });
});

describe('alignment confidence', () => {
  it('reports unconfirmed links below the threshold, not confirmed or edited ones; rejected links are skipped by every check', () => {
    const r = runChecksSync(
      items([
        link('推进亚太经合组织数字经济合作进程。', 'China has contributed to the progress of digital economy cooperation among APEC members.', { score: 0.2, id: 'low' }),
        link('深化同东盟数字经济合作。', 'China has strengthened cooperation on the digital economy with ASEAN.', { score: 0.2, status: 'confirmed' }),
        link('深化同东盟数字经济合作。', '', { score: 0.1, status: 'rejected' }),
        link('积极推动世贸组织数字经济合作。', 'China has actively sought to advance cooperation on the digital economy within the WTO.', { score: 0.7 }),
      ]),
    );
    expect(of(r, 'low-confidence').map((f) => f.link)).toEqual(['low']);
    expect(of(r, 'target-missing')).toEqual([]);
    expect(r.links).toBe(4);
  });

  it('takes the threshold from the config', () => {
    const r = runChecksSync(items([link('深化同东盟数字经济合作。', 'China has strengthened cooperation on the digital economy with ASEAN.', { score: 0.7 })]), { config: { reviewThreshold: 0.8 } });
    expect(of(r, 'low-confidence')).toHaveLength(1);
  });
});

describe('term compliance', () => {
  const tb: TermBase = {
    concepts: [
      { id: 'silk-road-ecommerce', terms: [{ lang: 'zh', text: '丝路电商', status: 'preferred' }, { lang: 'en', text: 'Silk Road e-commerce', status: 'preferred' }, { lang: 'en', text: 'Silk Road E-business', status: 'deprecated' }] },
      { id: 'g20', terms: [{ lang: 'zh', text: '二十国集团', status: 'preferred' }, { lang: 'en', text: 'G20', status: 'preferred' }, { lang: 'en', text: 'Group of Twenty', status: 'admitted' }] },
      { id: 'e-commerce', terms: [{ lang: 'zh', text: '电子商务', status: 'preferred' }, { lang: 'en', text: 'e-commerce', status: 'preferred' }] },
    ],
  };
  const matcher = compileTermBase(tb);

  it('term-missing: a source term whose approved translation is absent; none when it is there (any inflection/case)', () => {
    const r = runChecksSync(
      items([
        sampleLink('l8'), // “丝路电商”合作成果丰硕。 ↔ Silk Road e-commerce cooperation has been fruitful.
        sampleLink('l29'), // 积极参与二十国集团框架下… ↔ … under the G20 framework.
        link('“丝路电商”合作成果丰硕。', 'Cooperation on online trade along the Silk Road has been fruitful.', { id: 'bad' }),
      ]),
      { matcher },
    );
    const m = of(r, 'term-missing');
    expect(m.map((f) => f.link)).toEqual(['bad']);
    expect(m[0].srcText!.slice(...m[0].srcSpan!)).toBe('丝路电商');
    expect(m[0].message).toContain('"Silk Road e-commerce"');
  });

  it('term-forbidden: a deprecated term in the target, and term-missing names it', () => {
    const r = runChecksSync(items([link('“丝路电商”合作成果丰硕。', 'Silk Road E-business cooperation has been fruitful.', { id: 'dep' })]), { matcher });
    const f = of(r, 'term-forbidden');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].tgtText!.slice(...f[0].tgtSpan!)).toBe('Silk Road E-business');
    expect(f[0].message).toContain('use "Silk Road e-commerce"');
    expect(of(r, 'term-missing')[0].message).toContain('not "Silk Road E-business"');
  });

  it('counts an approved term nested in a longer term of the target (e-commerce inside "Friends of E-commerce")', () => {
    const tb2: TermBase = { concepts: [...tb.concepts, { id: 'fed', terms: [{ lang: 'zh', text: '电子商务发展之友', status: 'preferred' }, { lang: 'en', text: 'Friends of E-commerce for Development', status: 'preferred' }] }] };
    const r = runChecksSync(items([link('电子商务议题磋商', 'negotiations in the Friends of E-commerce for Development')]), { matcher: compileTermBase(tb2) });
    expect(of(r, 'term-missing')).toEqual([]);
  });
});

describe('normalised-text hashes', () => {
  it('hash a plain text (no normalised copy made) as hash53 of normalizeForCompare, and tell its letters the same way', async () => {
    const { hash53, normalizeForCompare, normalizedHash, normalizedHasTwoLetters, hasTwoLetters } = await import('../../src/check/text.js');
    const units = ['a', 'B', 'Z', ' ', '  ', '\t', '中', '国', '，', '。', '“', '‘', '’', '\u3000', 'Ａ', 'ﬁ', 'é', 'É', 'Σ', 'ς', '—', '…', '·', '1', '\u00a0', '\u2028', '\ud83d\ude00', '\u3042', '（', '\u2e80', '\uff61', 'İ', 'ß', '\u200b', '\u2060', '!'];
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    let plain = 0;
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      const pool = k % 2 ? units : ['a', 'B', ' ', '中', '，', '。', '1', '（', '）', '\u2014', '\u3000', 'Z', '：', 'Ａ', 'ｂ', '“', '”', '‘', '\u201e', '\uff5e', '\uff5f', '\uff61'];
      for (let i = Math.floor(rand() * 8); i > 0; i--) s += pool[Math.floor(rand() * pool.length)];
      const p: { src: string; tgt: string; norm?: { src?: string } } = { src: s, tgt: '' };
      const h = normalizedHash(p, 'src');
      if (p.norm?.src === undefined) plain++;
      const norm = normalizeForCompare(s);
      expect([s, h]).toEqual([s, hash53(norm)]);
      expect(normalizedHasTwoLetters(p, 'src')).toBe(hasTwoLetters(norm));
    }
    expect(plain).toBeGreaterThan(2000);
  });

  it('hash every CJK unified ideograph (U+3400–4DBF, U+4E00–9FFF) as itself, as normalizeForCompare does', async () => {
    const { hash53, normalizeForCompare, normalizedHash } = await import('../../src/check/text.js');
    for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff]]) {
      for (let c = from; c <= to; c += 64) {
        let s = '';
        for (let d = c; d < Math.min(c + 64, to + 1); d++) s += String.fromCharCode(d);
        expect(normalizeForCompare(s)).toBe(s);
        const p: { src: string; tgt: string; norm?: { src?: string } } = { src: s, tgt: '' };
        expect(normalizedHash(p, 'src')).toBe(hash53(s));
        expect(p.norm?.src).toBeUndefined(); // hashed as a plain text
      }
    }
  });
});

describe('reading links in batches', () => {
  it('yields the items of each chunk, then the error of an invalid line after the items before it', async () => {
    const { iterateAlignmentJsonlBatches, iterateAlignmentJsonl } = await import('../../src/formats/jsonl.js');
    const header = JSON.stringify({ format: 'bitext-alignment', version: 1, srcLang: 'zh', tgtLang: 'en', sources: [] });
    const l = (i: number) => JSON.stringify(link(`第${i}条`, `item ${i}`, { id: `b${i}` }));
    const chunks = [header + '\n' + l(1) + '\n' + l(2).slice(0, 10), l(2).slice(10) + '\n' + l(3) + '\n{"id": "bad"\n' + l(4) + '\n'];
    async function* source() {
      for (const c of chunks) yield new TextEncoder().encode(c);
    }
    const seen: string[][] = [];
    let error: unknown;
    try {
      for await (const batch of iterateAlignmentJsonlBatches(source(), { file: 'x.jsonl' })) seen.push(batch.map((it) => (it.type === 'link' ? it.link.id : 'header')));
    } catch (err) {
      error = err;
    }
    expect(seen).toEqual([['header', 'b1'], ['b2', 'b3']]);
    expect(error).toMatchObject({ code: 'JSONL_MALFORMED', line: 5 });
    const items: string[] = [];
    await expect(
      (async () => {
        for await (const it of iterateAlignmentJsonl(source(), { file: 'x.jsonl' })) items.push(it.type === 'link' ? it.link.id : 'header');
      })(),
    ).rejects.toMatchObject({ code: 'JSONL_MALFORMED', line: 5 });
    expect(items).toEqual(['header', 'b1', 'b2', 'b3']);
  });
});
