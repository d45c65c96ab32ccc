// Extraction on a corpus (above 5,000 links: the compact store) with its first pass split into ranges, as the worker
// threads of `extractTermsParallel` run it: the same candidates as extractTerms on one thread.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAlignmentJsonl } from '../../src/formats/index.js';
import { analyzeLinks, extractionTexts, extractTerms, extractTermsFrom, LinkAnalysis } from '../../src/terms/index.js';
import type { Link } from '../../src/model/types.js';
import { ROOT, runBitext, tempDir } from '../helpers.js';

const file = path.join(ROOT, 'tests/fixtures/terms/cyberspace-ii.sentences.jsonl');
const { alignment } = parseAlignmentJsonl(readFileSync(file, 'utf8'), { file });

const HAN = '青岛厦门福州宁波天津';
const PINYIN = ['qing', 'dao', 'xia', 'men', 'fu', 'zhou', 'ning', 'bo', 'tian', 'jin'];

/** The sample cycled to n links, each cycle with a port name of its own (new strings in every range of links). */
function corpus(n: number): Link[] {
  const links: Link[] = [];
  for (let i = 0; i < n; i++) {
    const b = alignment.links[i % alignment.links.length];
    const c = Math.floor(i / alignment.links.length);
    const a = c % 10;
    const d = Math.floor(c / 10) % 10;
    const name = PINYIN[a][0].toUpperCase() + PINYIN[a].slice(1) + PINYIN[d];
    const src = b.src.map((s, k) => ({ ...s, id: `${s.id}.${c}`, text: k === 0 && i % 3 === 0 ? `${s.text} The port of ${name} (P${c}X) grew.` : s.text }));
    const tgt = b.tgt.map((s, k) => ({ ...s, id: `${s.id}.${c}`, text: k === 0 && i % 3 === 0 ? `${s.text}${HAN[a]}${HAN[d]}港口（P${c}X）发展了。` : s.text }));
    links.push({ ...b, id: `${b.id}.${c}`, src, tgt, status: i % 97 === 5 ? 'rejected' : b.status });
  }
  return links;
}

describe('term extraction on a corpus, first pass in ranges', { timeout: 120_000 }, () => {
  const links = corpus(5150);
  /** A small dictionary: its anchors are found in pass 1 too. */
  const lexicon = { entries: new Map([['港口', ['port']], ['数字', ['digit']], ['经济', ['econom']]]), maxLength: 2 };
  const options = { srcLang: 'en', tgtLang: 'zh', top: 0, lexicon } as const;

  it('gives the candidates of extractTerms from the packs of uneven ranges merged in order', () => {
    const one = extractTerms(links, options);
    expect(one.length).toBeGreaterThan(20);
    const texts = extractionTexts(links, options)!;
    expect(texts.zh.length).toBe(links.length - links.filter((l) => l.status === 'rejected').length);
    const analysis = new LinkAnalysis();
    for (const [from, to] of [[0, 1], [1, 2500], [2500, 2500], [2500, texts.zh.length]]) analysis.append(analyzeLinks(texts.zh.slice(from, to), texts.en.slice(from, to), lexicon));
    expect(extractTermsFrom(links, options, analysis)).toEqual(one);
    expect(() => extractTermsFrom(links, options, new LinkAnalysis())).toThrow(/holds 0 links/);
  });

  it('leaves documents to extractTerms (no texts for the ranges)', () => {
    expect(extractionTexts(links.slice(0, 5000), options)).toBeUndefined();
    expect(extractionTexts(links, options)!.zh.length).toBeGreaterThan(5000);
    expect(extractionTexts(links, { srcLang: 'en', tgtLang: 'de' })).toBeUndefined();
  });

  it('bitext terms extract --threads 2 (pass 1 in worker threads, with the built-in dictionary) gives what --threads 0 gives', () => {
    const dir = tempDir('bitext-terms-');
    const jsonl = path.join(dir, 'corpus.jsonl');
    const header = { format: 'bitext-alignment', version: 1, srcLang: 'en', tgtLang: 'zh', sources: [], tool: { name: 'bitext', version: '0.1.0' } };
    writeFileSync(jsonl, [header, ...links].map((x) => JSON.stringify(x)).join('\n') + '\n');
    const args = ['terms', 'extract', jsonl, '--top', '0', '--format', 'json'];
    const zero = runBitext([...args, '--threads', '0'], { cwd: dir });
    expect(zero.code).toBe(0);
    const two = runBitext([...args, '--threads', '2'], { cwd: dir });
    expect(two.code).toBe(0);
    expect(JSON.parse(two.stdout).length).toBeGreaterThan(20);
    expect(two.stdout).toBe(zero.stdout);
    expect(runBitext([...args, '--threads', 'x'], { cwd: dir }).code).toBe(2);
  });
});
