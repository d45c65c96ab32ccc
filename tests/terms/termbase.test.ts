import { describe, expect, it } from 'vitest';
import { conceptIdFor, mergeTermBases, parseTermStatus, type TermRowLike } from '../../src/terms/index.js';

const row = (concept: string, lang: string, text: string, status: string, line: number, extra: Partial<TermRowLike> = {}): TermRowLike => ({ concept, lang, text, status, line, ...extra });

describe('mergeTermBases', () => {
  it('merges concepts spread over files, in order of first appearance', () => {
    const { termBase, diagnostics } = mergeTermBases([
      { file: 'glossary/a.csv', rows: [row('wto', 'zh', '世界贸易组织', 'preferred', 2, { domain: 'trade' }), row('wto', 'en', 'WTO', 'preferred', 3)] },
      { file: 'glossary/b.csv', rows: [row('apec', 'en', 'APEC', 'preferred', 2), row('wto', 'zh-CN', '世贸组织', 'admitted', 3, { source: 'alignments/x.jsonl#12' })] },
    ]);
    expect(diagnostics).toEqual([]);
    expect(termBase.concepts.map((c) => c.id)).toEqual(['wto', 'apec']);
    const wto = termBase.concepts[0];
    expect(wto.domain).toBe('trade');
    expect(wto.terms.map((t) => t.text)).toEqual(['世界贸易组织', 'WTO', '世贸组织']);
    expect(wto.terms[0].origin).toBeUndefined();
    expect(wto.terms[2].origin).toEqual({ file: 'alignments/x.jsonl', link: '12' });
    expect(wto.terms[2].lang).toBe('zh-CN');
  });
  it('reports duplicates, conflicting statuses and one term in two concepts with file and line', () => {
    const { termBase, diagnostics } = mergeTermBases([
      { file: 'g/a.csv', rows: [row('port', 'en', 'port', 'preferred', 2), row('port', 'en', 'ports', 'preferred', 5), row('port', 'en', 'Port', 'deprecated', 6)] },
      { file: 'g/b.csv', rows: [row('harbour', 'en', 'port', 'admitted', 9), row('harbour', 'zh', '港口', 'preferred', 10), row('harbour', 'zh', '港口', 'forbidden', 11)] },
    ]);
    const d = diagnostics.map((x) => `${x.code} ${x.file}:${x.line}`);
    expect(d).toEqual(['TERM_DUPLICATE g/a.csv:5', 'TERM_STATUS_CONFLICT g/a.csv:6', 'TERM_IN_TWO_CONCEPTS g/b.csv:9', 'TERM_STATUS_CONFLICT g/b.csv:11']);
    expect(diagnostics[2].message).toContain('g/a.csv:2');
    expect(termBase.concepts[0].terms).toHaveLength(1);
    expect(termBase.concepts[1].terms).toHaveLength(2);
  });
  it('treats traditional and simplified spellings as the same term', () => {
    const { diagnostics } = mergeTermBases([{ file: 'g.csv', rows: [row('a', 'zh', '电子商务', 'preferred', 2), row('b', 'zh-TW', '電子商務', 'preferred', 3)] }]);
    expect(diagnostics.map((x) => x.code)).toEqual(['TERM_IN_TWO_CONCEPTS']);
  });
  it('skips rows without text, concept or language and reads unknown statuses as admitted', () => {
    const { termBase, diagnostics } = mergeTermBases([
      { file: 'g.csv', rows: [row('a', 'en', '', 'preferred', 2), row('', 'en', 'x', 'preferred', 3), row('a', '', 'y', 'preferred', 4), row('a', 'en', 'z', 'maybe', 5)] },
    ]);
    expect(diagnostics.map((x) => `${x.code}:${x.line}`)).toEqual(['TERM_EMPTY:2', 'TERM_NO_CONCEPT:3', 'TERM_NO_LANG:4', 'TERM_BAD_STATUS:5']);
    expect(termBase.concepts[0].terms[0].status).toBe('admitted');
  });
  it('notes several preferred terms for one language', () => {
    const { diagnostics } = mergeTermBases([{ file: 'g.csv', rows: [row('ai', 'en', 'artificial intelligence', 'preferred', 2), row('ai', 'en', 'AI', 'preferred', 3)] }]);
    expect(diagnostics).toMatchObject([{ code: 'TERM_MANY_PREFERRED', severity: 'info', file: 'g.csv', line: 2 }]);
  });
  it('maps statuses of other tools', () => {
    expect(parseTermStatus('preferredTerm-admn-sts')).toBe('preferred');
    expect(parseTermStatus('Forbidden')).toBe('deprecated');
    expect(parseTermStatus('')).toBe('admitted');
    expect(parseTermStatus('bogus')).toBeUndefined();
    expect(conceptIdFor('Silk Road e-commerce')).toBe('silk-road-e-commerce');
  });
});
