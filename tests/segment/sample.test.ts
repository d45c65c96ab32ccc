// The bundled sample (alignments/cyberspace-ii.md): exact counts, the four page-break joins, hyphen keeps, positions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentBilingual, summarizeSegmentation } from '../../src/segment/index.js';
import { parseBlocks } from '../../src/read/index.js';
import { ROOT } from '../helpers.js';

const FILE = 'alignments/cyberspace-ii.md';
const text = readFileSync(`${ROOT}/${FILE}`, 'utf8');
const r = segmentBilingual(text, { file: FILE });
const en = r.sides.en.sentences;
const zh = r.sides.zh.sentences;
const find = (list: typeof en, needle: string) => list.filter((s) => s.text.includes(needle));

describe('the bundled sample', () => {
  it('has 47 English sentences + 3 headings and 38 Chinese sentences + 3 headings, English first', () => {
    expect(r.order).toEqual(['en', 'zh']);
    expect(en.filter((s) => s.kind === 'sentence')).toHaveLength(47);
    expect(en.filter((s) => s.kind === 'heading').map((s) => [s.headingLevel, s.text])).toEqual([
      [1, 'Jointly Build a Community With a Shared Future in Cyberspace (II)'],
      [3, '(2) Driving global economic growth with digital technology'],
      [3, '(3) Active participation in governing the digital economy'],
    ]);
    expect(zh.filter((s) => s.kind === 'sentence')).toHaveLength(38);
    expect(zh.filter((s) => s.kind === 'heading').map((s) => [s.headingLevel, s.text])).toEqual([
      [2, '携手构建网络空间命运共同体(下)'],
      [3, '2. 数字技术助力全球经济发展'],
      [3, '3.积极参与数字经济治理合作'],
    ]);
    expect(en[0].id).toBe('en.0');
    expect(en[0].kind).toBe('heading');
    expect(en.map((s) => s.id)).toEqual(en.map((_, i) => `en.${i}`));
    expect(zh.map((s) => s.id)).toEqual(zh.map((_, i) => `zh.${i}`));
  });

  it('repairs the four page breaks, across the blocks of the other language', () => {
    const frameworks = find(en, 'trade frameworks such as WTO');
    expect(frameworks).toHaveLength(1);
    expect(frameworks[0].text).toBe(
      'China has been an active participant in e-commerce-related discussions under multilateral and regional trade frameworks such as WTO, G20, APEC, BRICS and SCO, and along with its partners in free trade, it has set the norms for a high-quality digital economy.',
    );
    const rcep = find(zh, '区域全面经济伙伴关系协定');
    expect(rcep).toHaveLength(1);
    expect(rcep[0].text).toBe('电子商务国际规则构建取得突破,区域全面经济伙伴关系协定电子商务章节成为目前覆盖区域最广、内容全面、水平较高的电子商务国际规则。');
    const since2020 = find(zh, '2020年以来，中国先后提出');
    expect(since2020).toHaveLength(1);
    expect(since2020[0].text.endsWith('等倡议，均获亚太经合组织协商一致通过。')).toBe(true);
    const approval = find(en, 'to Promote the Internet Economy and overseeing its approval');
    expect(approval).toHaveLength(1);
    expect(approval[0].text).toBe(
      'In 2014, as the host country, it introduced the internet economy into the APEC cooperation framework by initiating the APEC Initiative of Cooperation to Promote the Internet Economy and overseeing its approval.',
    );
    expect(r.diagnostics.filter((d) => d.code === 'PAGE_BREAK_JOINED')).toHaveLength(4);
  });

  it('summarises itself in one line (what the CLI and the demo print)', () => {
    expect(summarizeSegmentation(r.order.map((l) => r.sides[l]), r.diagnostics)).toBe('en 47 sentences + 3 headings, zh 38 sentences + 3 headings; 4 page breaks repaired');
  });

  it('keeps real hyphenated words', () => {
    const all = en.map((s) => s.text).join(' ');
    for (const w of ['e-commerce', 'high-quality', 'post-pandemic', 'data-sharing', 'e-commerce-related', 'co-research', 'China-ASEAN']) expect(all).toContain(w);
    expect(all).not.toContain('frame-');
  });

  it('keeps the cut-off last English sentence as one sentence', () => {
    const last = en[en.length - 1];
    expect(last.text).toBe(
      'In 2017, China formally announced its entry to the WTO Friends of E-commerce for Development (FED), in order to work with the other developing members in support of negotiations about',
    );
  });

  it('points every sentence at its range, line and column in the file', () => {
    for (const s of [...en, ...zh]) {
      const lines = text.slice(0, s.start).split('\n');
      expect(s.line).toBe(lines.length);
      expect(s.column).toBe(lines[lines.length - 1].length + 1);
      expect(s.file).toBe(FILE);
      if (!s.text.includes('frameworks') && !s.text.includes('overseeing') && !s.text.includes('区域全面经济') && !s.text.includes('2020年以来')) {
        // Sentences inside one block: the file range holds the text itself (headings: minus their markup).
        expect(text.slice(s.start, s.end)).toBe(s.text);
      }
    }
    const repaired = find(en, 'overseeing')[0];
    expect(text.slice(repaired.start, repaired.end)).toContain('经济伙伴关系协定'); // spans the Chinese blocks between
    expect(repaired.block).toBe(16);
    expect(repaired.line).toBe(35);
  });

  it('numbers paragraphs per language after repair', () => {
    const p = find(en, 'frameworks')[0].paragraph;
    expect(find(en, 'Silk Road e-commerce cooperation has been fruitful.')[0].paragraph).toBe(p);
    expect(find(en, 'There has been a breakthrough')[0].paragraph).toBe(p);
    expect(find(en, 'There has been a breakthrough')[0].block).not.toBe(find(en, 'frameworks')[0].block);
  });

  it('classifies blocks by script', () => {
    const blocks = parseBlocks(text);
    expect(blocks.map((b) => b.lang).join('')).toBe(r.blocks.map((b) => b.lang).join(''));
    expect(blocks[0]).toMatchObject({ lang: 'en', kind: 'heading', headingLevel: 1 });
    expect(blocks[1]).toMatchObject({ lang: 'zh', kind: 'heading', headingLevel: 2 });
    expect(blocks).toHaveLength(32);
    expect(blocks.filter((b) => b.lang === 'zh')).toHaveLength(15);
    expect(blocks.filter((b) => b.lang === 'en')).toHaveLength(17);
  });
});
