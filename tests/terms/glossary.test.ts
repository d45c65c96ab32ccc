// The curated term base shipped in glossary/: loads cleanly and is found in the bundled sample.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTermBaseCsv } from '../../src/formats/index.js';
import { compileTermBase, mergeTermBases } from '../../src/terms/index.js';
import { ROOT } from '../helpers.js';

const dir = path.join(ROOT, 'glossary');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.csv') && !f.startsWith('candidates'))
  .sort()
  .map((f) => {
    const file = `glossary/${f}`;
    const parsed = parseTermBaseCsv(readFileSync(path.join(dir, f), 'utf8'), { file });
    return { file, parsed };
  });

describe('curated glossary', () => {
  it('parses without diagnostics and merges without duplicates or conflicts', () => {
    for (const f of files) expect(f.parsed.diagnostics, f.file).toEqual([]);
    const { termBase, diagnostics } = mergeTermBases(files.map((f) => ({ file: f.file, rows: f.parsed.rows })));
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(termBase.concepts.length).toBeGreaterThanOrEqual(40);
    expect(termBase.concepts.length).toBeLessThanOrEqual(80);
    for (const c of termBase.concepts) {
      expect(c.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(c.terms.some((t) => t.lang.startsWith('zh')), c.id).toBe(true);
      expect(c.terms.some((t) => t.lang === 'en'), c.id).toBe(true);
    }
  });

  it('holds the key pairs of the sample and admits both AI forms', () => {
    const { termBase } = mergeTermBases(files.map((f) => ({ file: f.file, rows: f.parsed.rows })));
    const m = compileTermBase(termBase);
    const pairs: Array<[string, string]> = [
      ['丝路电商', 'Silk Road e-commerce'], ['一带一路', 'Belt and Road Initiative'], ['二十国集团', 'G20'], ['亚太经合组织', 'APEC'],
      ['世界贸易组织', 'WTO'], ['世贸组织', 'WTO'], ['区域全面经济伙伴关系协定', 'RCEP'], ['金砖国家', 'BRICS'], ['上合组织', 'SCO'],
      ['东盟', 'ASEAN'], ['联合国教科文组织', 'UNESCO'], ['跨境物流', 'cross-border logistics'], ['移动支付', 'mobile payments'],
      ['云计算', 'cloud computing'], ['人工智能', 'artificial intelligence'], ['人工智能', 'AI'], ['青岛宣言', 'Qingdao Declaration'],
      ['北京共识', 'Beijing Consensus'], ['数字经济', 'digital economy'], ['电子商务', 'e-commerce'], ['智慧港口', 'smart ports'],
    ];
    for (const [zh, en] of pairs) {
      const z = m.lookup(zh, 'zh').map((x) => x.conceptId);
      const e = m.lookup(en, 'en');
      expect(z.length, zh).toBeGreaterThan(0);
      expect(e.map((x) => x.conceptId), `${zh} ↔ ${en}`).toContain(z[0]);
      expect(e.every((x) => x.term.status === 'preferred' || x.term.status === 'admitted'), en).toBe(true);
    }
  });
});
