import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../src/formats/csv.js';
import { parseTermBaseCsv } from '../../src/formats/termbase-table.js';
import { mergeTermBases, termKey } from '../../src/terms/index.js';
import { normalizeChinese } from '../../src/terms/normalize.js';

describe('term base load fast paths', () => {
  it('reuses repeated column values without mixing up values that share a prefix or a length', () => {
    const text = ['a,zh,x', 'a,zh-TW,xy', 'b,zh,x', 'bb,en,yx', 'b,zh-TW,x', 'c,ja,', 'c,zh,"zh"', 'c,zh,zh', 'c,en,xy'].join('\n');
    const { records } = parseCsvTable(text);
    expect(records).toEqual([
      ['a', 'zh', 'x'],
      ['a', 'zh-TW', 'xy'],
      ['b', 'zh', 'x'],
      ['bb', 'en', 'yx'],
      ['b', 'zh-TW', 'x'],
      ['c', 'ja', ''],
      ['c', 'zh', 'zh'],
      ['c', 'zh', 'zh'],
      ['c', 'en', 'xy'],
    ]);
  });

  it('builds the term base of a native table on first access, once, and lets it be replaced', () => {
    const parsed = parseTermBaseCsv('concept,lang,term,status,note,source\nc1,zh,数字经济,,n1,a.csv:3\nc1,en,digital economy,,,\nc2,en,cloud,deprecated,,\n', { file: 'g.csv' });
    const tb = parsed.termBase;
    expect(parsed.termBase).toBe(tb);
    expect(tb).toEqual({
      concepts: [
        { id: 'c1', terms: [{ lang: 'zh', text: '数字经济', status: 'preferred', note: 'n1', origin: { file: 'a.csv', line: 3 } }, { lang: 'en', text: 'digital economy', status: 'preferred' }] },
        { id: 'c2', terms: [{ lang: 'en', text: 'cloud', status: 'deprecated' }] },
      ],
    });
    parsed.termBase = { concepts: [] };
    expect(parsed.termBase.concepts).toEqual([]);
    expect({ ...parsed }.rows).toHaveLength(3);
  });

  it('normalises traditional Chinese in terms whatever their position, and keeps simplified text as it is', () => {
    expect(normalizeChinese('数字经济')).toBe('数字经济');
    expect(normalizeChinese('數字經濟')).toBe('数字经济');
    expect(normalizeChinese('数字經濟')).toBe('数字经济');
    expect(normalizeChinese('A数字𠮷經')).toBe('A数字𠮷经');
    expect(termKey('云 计算', 'zh')).toBe('云计算');
    expect(termKey('雲計算', 'zh-TW')).toBe('云计算');
  });

  it('reports one term in two concepts against its first concept each time', () => {
    const rows = ['a', 'b', 'c'].map((concept, i) => ({ concept, lang: 'en', text: 'Cloud', status: 'preferred', line: i + 2 }));
    const { diagnostics } = mergeTermBases([{ file: 'g.csv', rows }]);
    expect(diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`)).toEqual([
      '3 TERM_IN_TWO_CONCEPTS term "Cloud" (en) is in concept b and also in concept a at g.csv:2: merge the concepts or tell them apart',
      '4 TERM_IN_TWO_CONCEPTS term "Cloud" (en) is in concept c and also in concept a at g.csv:2: merge the concepts or tell them apart',
    ]);
  });

  it('reports several preferred terms of one primary language, not of different languages', () => {
    const rows = [
      { concept: 'a', lang: 'en', text: 'cloud', status: 'preferred', line: 2 },
      { concept: 'a', lang: 'zh', text: '云', status: 'preferred', line: 3 },
      { concept: 'b', lang: 'zh-TW', text: '雲端', status: 'preferred', line: 4 },
      { concept: 'b', lang: 'en', text: 'the cloud', status: 'admitted', line: 5 },
      { concept: 'b', lang: 'zh-CN', text: '云端运算', status: 'preferred', line: 6 },
    ];
    const { diagnostics } = mergeTermBases([{ file: 'g.csv', rows }]);
    expect(diagnostics).toEqual([{ code: 'TERM_MANY_PREFERRED', message: 'concept b has 2 preferred zh terms; checks will accept any of them', severity: 'info', file: 'g.csv', line: 4 }]);
  });
});
