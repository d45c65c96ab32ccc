import { afterEach, describe, expect, it } from 'vitest';
import { render, cleanup } from 'ink-testing-library';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HomeApp, type HomeResult } from '../../src/tui/HomeApp.js';
import { homeBackend, type HomeBackend } from '../../src/tui/home.js';
import { splitKeys } from '../../src/tui/input.js';
import { serializeAlignmentJsonl } from '../../src/formats/index.js';
import type { Finding } from '../../src/model/types.js';
import type { NewTermPair } from '../../src/tui/ReviewApp.js';
import { tempDir } from '../helpers.js';
import { smallAlignment } from './fixture.js';

afterEach(() => cleanup());
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

/** The last frame once it matches (the app renders asynchronously; shared machines are slow). */
async function frame(app: { lastFrame: () => string | undefined }, want: string | RegExp, timeout = 5000): Promise<string> {
  const end = Date.now() + timeout;
  for (;;) {
    const f = app.lastFrame() ?? '';
    if (typeof want === 'string' ? f.includes(want) : want.test(f)) return f;
    if (Date.now() > end) return f;
    await new Promise((r) => setTimeout(r, 10));
  }
}
const ENTER = '\r';

function fakeBackend(over: Partial<HomeBackend> = {}): HomeBackend & { added: NewTermPair[]; aligned: string[][] } {
  const added: NewTermPair[] = [];
  const aligned: string[][] = [];
  const findings: Finding[] = [
    { check: 'number-missing', severity: 'error', message: 'the number 12 is missing', file: 'alignments/a.jsonl', link: 'L4' },
    { check: 'low-confidence', severity: 'warning', message: 'confidence 0.2', file: 'alignments/b.jsonl', link: 'L9' },
  ];
  return {
    added,
    aligned,
    cwd: '/proj',
    alignmentsDir: 'alignments',
    glossaryDir: 'glossary',
    listAlignments: async () => ['alignments/a.jsonl', 'alignments/b.jsonl'],
    stats: async (file) => (file.endsWith('a.jsonl') ? { file, links: 120, unconfirmed: 30, low: 4 } : { file, links: 8, unconfirmed: 0, low: 0 }),
    termBase: async () => ({ concepts: 74, terms: 160, files: 2 }),
    documents: async () => ['alignments/report.md', 'en.txt', 'zh.txt'],
    align: async (files) => {
      aligned.push(files);
      return { output: 'alignments/report.jsonl', summary: 'align: 12 links' };
    },
    checks: async () => ({ findings }),
    candidates: async () => ({
      srcLang: 'en',
      tgtLang: 'zh',
      list: [
        { zh: '丝路电商', en: 'Silk Road e-commerce', score: 0.9, freq: 3, example: 'L2' },
        { zh: '数字经济', en: 'digital economy', score: 0.8, freq: 5, example: 'L3' },
        { zh: '中国', en: 'China', score: 0.5, freq: 9, example: 'L1' },
      ],
    }),
    addTerm: async (pair) => {
      added.push(pair);
      return 'glossary/reviewed.csv';
    },
    ...over,
  };
}

async function openHome(backend: HomeBackend) {
  let result: HomeResult | undefined;
  const app = render(<HomeApp backend={backend} size={{ columns: 100, rows: 24 }} onExit={(r) => (result = r)} />);
  await tick(80);
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await tick(k === '\x1b' ? 80 : 30);
    }
  };
  return { app, press, result: () => result };
}

describe('home screen', () => {
  it('lists the alignments with links, unconfirmed, low-confidence and findings, and the term base', async () => {
    const { app } = await openHome(fakeBackend());
    const frame = app.lastFrame()!;
    expect(frame).toMatch(/▶ alignments\/a\.jsonl\s+120\s+30\s+4\s+1/);
    expect(frame).toMatch(/alignments\/b\.jsonl\s+8\s+0\s+0\s+1/);
    expect(frame).toContain('Term base (glossary/): 74 concepts, 160 terms in 2 files');
    expect(frame).toContain('n align a new document');
  });

  it('Enter reviews the selected alignment', async () => {
    const { press, result } = await openHome(fakeBackend());
    await press('j', ENTER);
    expect(result()).toEqual({ kind: 'review', file: 'alignments/b.jsonl' });
  });

  it('keys typed in one burst are not lost (j+Enter in one read)', async () => {
    const { press, result } = await openHome(fakeBackend());
    await press('j\r');
    expect(result()).toEqual({ kind: 'review', file: 'alignments/b.jsonl' });
    expect(splitKeys('jm', { ctrl: false } as never).map(([c]) => c)).toEqual(['j', 'm']);
    expect(splitKeys('a\x13', { ctrl: false } as never)[1]).toMatchObject(['s', { ctrl: true }]);
  });

  it('runs the checks and jumps from a finding into the review at its link', async () => {
    const { app, press, result } = await openHome(fakeBackend());
    await press('c');
    expect(await frame(app, 'Check findings (2)')).toContain('Check findings (2)');
    expect(await frame(app, 'the number 12 is missing')).toContain('the number 12 is missing');
    await press('j', ENTER);
    expect(result()).toEqual({ kind: 'review', file: 'alignments/b.jsonl', at: 'L9' });
  });

  it('extracts candidates to accept (with a status) or reject one by one', async () => {
    const backend = fakeBackend();
    const { app, press } = await openHome(backend);
    await press('e');
    expect(await frame(app, 'Term candidates from alignments/a.jsonl (3)')).toContain('Term candidates from alignments/a.jsonl (3)');
    await press('p', 'x', 'a');
    for (let i = 0; i < 100 && backend.added.length < 2; i++) await tick(20);
    expect(backend.added).toEqual([
      { src: 'Silk Road e-commerce', tgt: '丝路电商', srcLang: 'en', tgtLang: 'zh', status: 'preferred', link: 'L2' },
      { src: 'China', tgt: '中国', srcLang: 'en', tgtLang: 'zh', status: 'admitted', link: 'L1' },
    ]);
    expect(await frame(app, /✓ 丝路电商/)).toMatch(/✓ 丝路电商/);
    expect(await frame(app, /✗ 数字经济/)).toMatch(/✗ 数字经济/);
    await press('\x1b');
    expect(await frame(app, 'Alignments (alignments/)')).toContain('Alignments (alignments/)');
  });

  it('aligns a marked document pair and selects the new alignment', async () => {
    const backend = fakeBackend({ listAlignments: async () => (backend.aligned.length ? ['alignments/a.jsonl', 'alignments/b.jsonl', 'alignments/report.jsonl'] : ['alignments/a.jsonl', 'alignments/b.jsonl']) });
    const { app, press } = await openHome(backend);
    await press('n');
    expect(await frame(app, 'Align a new document')).toContain('Align a new document');
    await press('j', ' ', 'j', ' ', ENTER);
    await tick(100);
    expect(backend.aligned).toEqual([['en.txt', 'zh.txt']]);
    expect(await frame(app, 'align: 12 links — Enter to review alignments/report.jsonl')).toContain('align: 12 links — Enter to review alignments/report.jsonl');
    expect(await frame(app, /▶ alignments\/report\.jsonl/)).toMatch(/▶ alignments\/report\.jsonl/);
  });
});

describe('home backend (real files)', () => {
  it('reads stats, documents and the term base; adds accepted terms to glossary/reviewed.csv', async () => {
    const dir = tempDir('bitext-home-');
    mkdirSync(path.join(dir, 'alignments'));
    mkdirSync(path.join(dir, 'glossary'));
    writeFileSync(path.join(dir, 'alignments', 'doc.jsonl'), serializeAlignmentJsonl(smallAlignment()));
    writeFileSync(path.join(dir, 'alignments', 'doc.md'), '# Title\n\n# 标题\n');
    writeFileSync(path.join(dir, 'glossary', 'base.csv'), 'concept,lang,term,status\nchina,en,China,preferred\nchina,zh,中国,preferred\n');
    const b = homeBackend({ cwd: dir, alignmentsDir: 'alignments', glossaryDir: 'glossary' });
    expect(await b.listAlignments()).toEqual(['alignments/doc.jsonl']);
    expect(await b.stats('alignments/doc.jsonl')).toEqual({ file: 'alignments/doc.jsonl', links: 8, unconfirmed: 8, low: 3 });
    expect(await b.documents()).toEqual(['alignments/doc.md']);
    expect(await b.termBase()).toEqual({ concepts: 1, terms: 2, files: 1 });
    const where = await b.addTerm({ src: 'digital economy', tgt: '数字经济', srcLang: 'en', tgtLang: 'zh', status: 'admitted', link: 'L2' }, 'alignments/doc.jsonl');
    expect(where).toBe(path.join('glossary', 'reviewed.csv'));
    expect(readFileSync(path.join(dir, 'glossary', 'reviewed.csv'), 'utf8')).toContain('digital-economy,zh,数字经济,admitted,,,,,alignments/doc.jsonl#L2');
    expect(await b.termBase()).toEqual({ concepts: 2, terms: 4, files: 2 });
    // One term already known: the other joins its concept; both known: refused.
    expect(await b.addTerm({ src: 'PRC', tgt: '中国', srcLang: 'en', tgtLang: 'zh', status: 'admitted', link: 'L1' }, 'alignments/doc.jsonl')).toBe(
      `${path.join('glossary', 'reviewed.csv')} (added to concept china)`,
    );
    expect(readFileSync(path.join(dir, 'glossary', 'reviewed.csv'), 'utf8')).toContain('china,en,PRC,admitted,,,,,alignments/doc.jsonl#L1');
    await expect(b.addTerm({ src: 'China', tgt: '中国', srcLang: 'en', tgtLang: 'zh', status: 'admitted', link: 'L1' }, 'x')).rejects.toThrow(/already in the term base \(concept china\)/);
    expect(await b.termBase()).toEqual({ concepts: 2, terms: 5, files: 2 });
    const bad = path.join(dir, 'alignments', 'bad.jsonl');
    writeFileSync(bad, '{"format":"bitext-alignment","version":1,"srcLang":"en","tgtLang":"zh"}\n{oops\n');
    expect((await b.stats('alignments/bad.jsonl')).error).toMatch(/JSON/);
  });
});
