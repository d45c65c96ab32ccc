import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  align,
  bandAroundPath,
  beadTypes,
  buildLexicon,
  builtinLexicon,
  confidence,
  diagonalBand,
  dpAlign,
  linksToBeads,
  mergeLexicons,
  longestMatch,
  numberValues,
  parseCedict,
  segmentBilingual,
  zhNumeralValue,
} from '../../src/index.js';
import { writeTermBaseFile } from '../../src/io/formats.js';
import { ROOT, runBitext, tempDir } from '../helpers.js';

const SAMPLE = path.join(ROOT, 'alignments/cyberspace-ii.md');
const GOLD = path.join(ROOT, 'tests/fixtures/align/cyberspace-ii.gold.align');

describe('the bundled sample (English src, Chinese tgt): every link must be right', () => {
  it('library: align() reproduces the hand-made gold alignment', async () => {
    const seg = segmentBilingual(readFileSync(SAMPLE, 'utf8'), { file: SAMPLE });
    const res = align(seg.sides.en.sentences, seg.sides.zh.sentences, { srcLang: 'en', tgtLang: 'zh', lexicon: await builtinLexicon() });
    const beads = linksToBeads(res.links, seg.sides.en.sentences.map((s) => s.id), seg.sides.zh.sentences.map((s) => s.id));
    const got = beads.map(([a, b]) => `[${a.join(',')}]:[${b.join(',')}]`);
    expect(got).toEqual(readFileSync(GOLD, 'utf8').trim().split('\n'));
    // the 3-1 link of the issue
    const l = res.links.find((x) => x.src.length === 3)!;
    expect(l.src[0].text).toMatch(/^In 2016, the 11th G20 Summit/);
    expect(l.tgt[0].text).toMatch(/^2016年，二十国集团领导人第十一次峰会/);
    expect(res.links.map((x) => x.id).slice(0, 3)).toEqual(['L1', 'L2', 'L3']);
    for (const x of res.links) {
      expect(x.status).toBe('auto');
      expect(x.score).toBeGreaterThanOrEqual(0);
      expect(x.score).toBeLessThanOrEqual(1);
    }
  }, 30000);

  it('CLI: bitext align writes the same links as .align and JSONL', () => {
    const dir = tempDir();
    const out = path.join(dir, 'sample.align');
    const r = runBitext(['align', SAMPLE, '-o', out, '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(GOLD, 'utf8'));
    const j = runBitext(['align', SAMPLE, '-o', '-']);
    expect(j.code).toBe(0);
    const lines = j.stdout.trim().split('\n');
    const header = JSON.parse(lines[0]);
    expect(header.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(lines.length).toBe(1 + 41);
    expect(j.stderr).toMatch(/41 links \(1-1: 33, 2-1: 7, 3-1: 1\)/);
  }, 60000);
});

describe('CLI: --glossary', () => {
  it('reads every glossary format through readGlossaryFiles (a .tbx term makes a link surer) and skips an unreadable file with a warning', async () => {
    const dir = tempDir();
    const en = path.join(dir, 'a.en');
    const zh = path.join(dir, 'a.zh');
    writeFileSync(en, 'Yesterday we visited Qorvexa Holdings.\nThe weather was fine.\n');
    writeFileSync(zh, '昨天我们参观了蔻维萨集团。\n天气很好。\n');
    const gloss = path.join(dir, 'gloss');
    const empty = path.join(dir, 'empty');
    mkdirSync(gloss);
    mkdirSync(empty);
    await writeTermBaseFile(path.join(gloss, 'names.tbx'), {
      concepts: [{ id: 'qorvexa', terms: [{ lang: 'zh', text: '蔻维萨集团', status: 'preferred' }, { lang: 'en', text: 'Qorvexa Holdings', status: 'preferred' }] }],
    });
    const run = (g: string) => {
      const r = runBitext(['align', '--presegmented', en, zh, '--src-lang', 'en', '--tgt-lang', 'zh', '--no-builtin-dict', '--glossary', g, '-o', '-']);
      expect(r.code).toBe(0);
      return { stderr: r.stderr, links: r.stdout.trim().split('\n').slice(1).map((l) => JSON.parse(l)) };
    };
    const without = run(empty);
    const withTbx = run(gloss);
    expect(withTbx.links[0].score).toBeGreaterThan(without.links[0].score);
    writeFileSync(path.join(gloss, 'broken.xlsx'), 'not a spreadsheet');
    const withBroken = run(gloss);
    expect(withBroken.stderr).toMatch(/broken\.xlsx.*glossary file skipped/);
    expect(withBroken.links[0].score).toBe(withTbx.links[0].score);
  }, 60000);
});

describe('DP over bead types', () => {
  it('finds 1-2 and 2-1 beads and a 1-0 bead when the scorer says so', () => {
    // gold: [0]:[0,1] [1,2]:[2] [3]:[] [4]:[3]
    const gold = [[[0], [0, 1]], [[1, 2], [2]], [[3], []], [[4], [3]]];
    const good = new Set(gold.map(([a, b]) => `${a.join(',')}:${b.join(',')}`));
    const types = beadTypes(4);
    const band = diagonalBand(Float64Array.from([0, 1, 2, 3, 4, 5]), Float64Array.from([0, 1, 2, 3, 4]), 5);
    const res = dpAlign(5, 4, types, band, (i0, j0, di, dj) => {
      const k = `${Array.from({ length: di }, (_, k) => i0 + k).join(',')}:${Array.from({ length: dj }, (_, k) => j0 + k).join(',')}`;
      return good.has(k) ? 1 : di && dj ? -1 : -0.5;
    });
    expect(res.beads.map((b) => [b.i1 - b.i0, b.j1 - b.j0])).toEqual([[1, 2], [2, 1], [1, 0], [1, 1]]);
  });

  it('bead types up to 4 sentences on a side: the twelve of the issue', () => {
    expect(beadTypes(4).map(([a, b]) => `${a}-${b}`).sort()).toEqual(['0-1', '1-0', '1-1', '1-2', '1-3', '1-4', '2-1', '2-2', '2-3', '3-1', '3-2', '4-1'].sort());
  });

  it('a band is monotone and always leaves a path (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 5 }), (n, m, w) => {
        const corners: Array<[number, number]> = [[0, 0]];
        let i = 0;
        let j = 0;
        while (i < n || j < m) {
          if (i < n) i++;
          if (j < m && (j * n < i * m || i === n)) j++;
          corners.push([i, j]);
        }
        const band = bandAroundPath(corners, n, m, w);
        const res = dpAlign(n, m, beadTypes(4), band, () => 0.1);
        const si = res.beads.reduce((a, b) => a + b.i1 - b.i0, 0);
        const sj = res.beads.reduce((a, b) => a + b.j1 - b.j0, 0);
        return si === n && sj === m;
      }),
      { numRuns: 60 },
    );
  });

  it('a band around a forward path: the one-sweep band is the corner-by-corner one (property)', () => {
    // a width per row takes the corner-by-corner loop; the same width everywhere, the sweep
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 12 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 })), { maxLength: 30 }),
        (n, m, w, steps) => {
          const corners: Array<[number, number]> = [];
          let i = 0;
          let j = 0;
          for (const [di, dj] of steps) corners.push([(i += di), (j += dj)]);
          const sweep = bandAroundPath(corners, n, m, w);
          const each = bandAroundPath(corners, n, m, w, new Uint8Array(Math.max(n, i) + 1).fill(w));
          return sweep.lo.join() === each.lo.join() && sweep.hi.join() === each.hi.join();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('anchors and lexicon', () => {
  it('a glossary merged over the built-in lexicon (its head lines, no Map) gives the features a merge of the Maps gives', async () => {
    const { runFeatureJob } = await import('../../src/align/features.js');
    const builtin = await builtinLexicon();
    // stems added to built-in head words, new head words (one a prefix of others, one longer than 8 characters), twice
    const a = buildLexicon([['丝路电商', 'Silk Road e-commerce'], ['电商', 'online retail'], ['人民', 'populace'], ['丝路电', 'silk current'], ['数字经济伙伴关系协定网络', 'DEPA network']]);
    const b = buildLexicon([['人民', 'people nation'], ['丝路电商', 'trade route'], ['网络空间命运共同体', 'community with a shared future in cyberspace']]);
    const layered = mergeLexicons(builtin, a, b)!;
    const plain = mergeLexicons({ from: builtin.from, to: builtin.to, entries: new Map(builtin.entries), maxLength: builtin.maxLength, readings: builtin.readings }, a, b)!;
    const texts = readFileSync(path.join(ROOT, 'alignments/cyberspace-ii.md'), 'utf8')
      .split('\n')
      .filter((l) => /\p{Script=Han}/u.test(l));
    texts.push('丝路电商和丝路电和数字经济伙伴关系协定网络，人民。', '构建网络空间命运共同体。');
    const job = { texts, lang: 'zh', chinese: true, otherLang: 'en', nameWords: ['Qingyang', 'Beijing'] };
    const fromLayered = runFeatureJob(job, layered);
    expect(fromLayered).toEqual(runFeatureJob(job, plain));
    // a new head word given stems by both (丝路电商), a built-in one given stems by both (人民)
    expect(fromLayered.keyNames).toEqual(expect.arrayContaining(['w:e-comme', 'w:rout', 'w:populac', 'w:nation']));
    expect([...layered.entries]).toEqual([...plain.entries]);
  });

  it("the built-in lexicon's image (what the build writes for the worker) gives the lexicon, index and features of the decoded data", async () => {
    const { builtinImage, lexiconFromImage, preparedBuiltinLexicon } = await import('../../src/align/builtin.js');
    const { runFeatureJob, matchIndexParts } = await import('../../src/align/features.js');
    const { headLinesOf } = await import('../../src/align/lexicon.js');
    const decoded = await preparedBuiltinLexicon();
    const image = builtinImage(decoded);
    const lex = lexiconFromImage(image)!;
    expect(lex).toBeDefined();
    expect(lex.maxLength).toBe(decoded.maxLength);
    expect([...lex.readings!]).toEqual([...decoded.readings!]);
    const [a, b] = [headLinesOf(lex)!, headLinesOf(decoded)!];
    expect(a.text === b.text).toBe(true);
    const bytes = (x: Uint8Array | Int32Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
    expect(bytes(a.starts).equals(bytes(b.starts)) && bytes(a.lens).equals(bytes(b.lens))).toBe(true);
    const [ia, ib] = [matchIndexParts(lex)!, matchIndexParts(decoded)!];
    for (const k of ['one', 'at', 'short', 'long'] as const) expect(bytes(ia[k]).equals(bytes(ib[k]))).toBe(true);
    expect([ia.shortMask, ia.shortCount, ia.longMask, ia.longCount, ia.punct]).toEqual([ib.shortMask, ib.shortCount, ib.longMask, ib.longCount, ib.punct]);
    expect(lex.entries.get('丝路')).toEqual(decoded.entries.get('丝路'));
    // the same features, alone and with a glossary merged over it (the merge copies the image's index)
    const texts = readFileSync(SAMPLE, 'utf8')
      .split('\n')
      .filter((l) => /\p{Script=Han}/u.test(l));
    const job = { texts, lang: 'zh', chinese: true, otherLang: 'en', nameWords: ['Qingyang', 'Beijing', 'Xi'] };
    expect(runFeatureJob(job, lex)).toEqual(runFeatureJob(job, decoded));
    const glossary = buildLexicon([['丝路电商', 'Silk Road e-commerce'], ['人民', 'populace']]);
    expect(runFeatureJob(job, mergeLexicons(lex, glossary))).toEqual(runFeatureJob(job, mergeLexicons(decoded, glossary)));
    // not an image of this format: undefined (the caller decodes the data instead), never a wrong lexicon
    const bad = image.slice();
    bad[0] ^= 1;
    expect(lexiconFromImage(bad)).toBeUndefined();
    expect(lexiconFromImage(image.subarray(0, image.length - 8))).toBeUndefined();
    expect(lexiconFromImage(new Uint8Array(10))).toBeUndefined();
    const version = image.slice();
    new Int32Array(version.buffer)[1] = 99;
    expect(lexiconFromImage(version)).toBeUndefined();
    // bytes at an odd offset of their buffer (as a file reader may give them): read from a copy
    const odd = new Uint8Array(image.length + 1);
    odd.set(image, 1);
    expect(lexiconFromImage(odd.subarray(1))?.maxLength).toBe(decoded.maxLength);
  });

  it('an English sentence gives the same tokens read from its bytes (ASCII) as read by the word pattern (non-ASCII)', async () => {
    const { spacedFeatures, KeySpace } = await import('../../src/align/features.js');
    const texts = [
      "In 2016, the 11th G20 Summit was held in China's Hangzhou.",
      'Thanks to China’s efforts, the digital economy became a core topic — twenty-three members agreed!',
      'Is 1,234.5 more than 14th? "Yes," said Qingyang; re-read it: 5G, APEC, RCEP.',
      'the summit THE Summit summit summits 12ab ab12 x-y',
    ];
    // a dash (U+2014) at the end makes a sentence non-ASCII without adding a word or a mark the features count
    const dashed = texts.map((t) => `${t} —`);
    const tokens = (ts: string[]) => {
      const f = spacedFeatures(ts, 'en', new KeySpace());
      return { ...f, lists: f.lists.map((l) => [...l]) };
    };
    expect(tokens(dashed)).toEqual(tokens(texts));
    // the two readings share one table of word forms: mixed in one document, the same tokens again
    const mixed = texts.map((t, k) => (k % 2 ? dashed[k] : t));
    expect(tokens([...mixed, ...dashed, ...texts])).toEqual(tokens([...texts, ...texts, ...texts]));
  });

  it('numbers in every written form meet', () => {
    expect(zhNumeralValue('二十三')).toBe(23);
    expect(zhNumeralValue('十一')).toBe(11);
    expect(zhNumeralValue('两千')).toBe(2000);
    expect(zhNumeralValue('二〇一六')).toBe(2016);
    expect(zhNumeralValue('三万五千')).toBe(35000);
    expect(zhNumeralValue('一亿二千万')).toBe(120000000);
    expect(zhNumeralValue('十')).toBe(10);
    expect(zhNumeralValue('〇五')).toBe(5);
    expect(zhNumeralValue('')).toBeUndefined();
    expect(zhNumeralValue('二年')).toBeUndefined();
    expect(numberValues('2016年，二十国集团领导人第十一次峰会', 'zh')).toEqual(expect.arrayContaining(['2016', '20', '11']));
    expect(numberValues('In 2016, the 11th G20 Summit', 'en')).toEqual(expect.arrayContaining(['2016', '11']));
    expect(numberValues('with 23 countries across five continents', 'en')).toEqual(expect.arrayContaining(['23', '5']));
    expect(numberValues('1,234.5 and 14th', 'en')).toEqual(expect.arrayContaining(['1234.5', '14']));
    // words that are names of Object.prototype's properties are not number words
    expect(numberValues('the constructor of __proto__ and hasOwnProperty', 'en')).toEqual([]);
    expect(numberValues('three, the third', 'en')).toEqual(['3', '3']);
  });

  it('CC-CEDICT lines parse and match on characters by longest match (丝路电商 stays whole)', () => {
    const pairs = parseCedict('# comment\n絲路 丝路 [si1 lu4] /Silk Road/\n電商 电商 [dian4 shang1] /e-commerce/\n絲路電商 丝路电商 [si1 lu4 dian4 shang1] /Silk Road e-commerce/\n');
    expect(pairs).toContainEqual(['丝路电商', 'Silk Road e-commerce']);
    const lex = buildLexicon(pairs);
    expect(longestMatch('“丝路电商”合作', lex).map((u) => u[2])).toEqual(['丝路电商']);
    expect(lex.entries.get('丝路电商')).toEqual(expect.arrayContaining(['silk', 'road']));
  });

  it('rejects a file that is not CC-CEDICT', () => {
    expect(() => parseCedict(Array.from({ length: 20 }, () => 'hello world').join('\n'), 'x.txt')).toThrow(/CC-CEDICT/);
  });

  it('confidence grows with lexical evidence and length fit (calibration monotonicity)', () => {
    for (let x = -0.5; x < 1.5; x += 0.1) expect(confidence(x + 0.1, -1, 1, 1)).toBeGreaterThan(confidence(x, -1, 1, 1));
    for (let l = -8; l < 0; l += 0.5) expect(confidence(0.8, l + 0.5, 1, 1)).toBeGreaterThan(confidence(0.8, l, 1, 1));
    expect(confidence(0, 0, 1, 0)).toBeLessThan(0.5);
  });
});

describe('bad input', () => {
  const mk = (texts: string[], p: string) => texts.map((text, i) => ({ id: `${p}.${i}`, text }));
  it('one side empty: every sentence unaligned, with a warning', () => {
    const r = align(mk(['One.', 'Two.'], 'en'), [], { srcLang: 'en', tgtLang: 'zh' });
    expect(r.links.map((l) => [l.src.length, l.tgt.length])).toEqual([[1, 0], [1, 0]]);
    expect(r.diagnostics[0].code).toBe('ALIGN_ONE_SIDE_EMPTY');
  });
  it('both empty: ALIGN_INPUT', () => {
    expect(() => align([], [], { srcLang: 'en', tgtLang: 'zh' })).toThrow(/nothing to align/);
  });
  it('one side 10× the other: warning and a complete result', () => {
    const en = mk(Array.from({ length: 200 }, (_, i) => `Sentence number ${i} is here.`), 'en');
    const zh = mk(Array.from({ length: 10 }, (_, i) => `第${i}句。`), 'zh');
    const r = align(en, zh, { srcLang: 'en', tgtLang: 'zh' });
    expect(r.diagnostics.map((d) => d.code)).toContain('ALIGN_LENGTH_MISMATCH');
    expect(r.links.reduce((a, l) => a + l.src.length, 0)).toBe(200);
    expect(r.links.reduce((a, l) => a + l.tgt.length, 0)).toBe(10);
  });
  it('a 1 MB sentence without punctuation does not hang', () => {
    const big = 'word '.repeat(200_000);
    const t0 = Date.now();
    const r = align(mk([big, 'Short one.'], 'en'), mk(['大句子', '短句。'], 'zh'), { srcLang: 'en', tgtLang: 'zh' });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.links.length).toBeGreaterThan(0);
  });
  it('CLI: both sides Chinese is SAME_LANGUAGE (exit 2)', () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.txt');
    const b = path.join(dir, 'b.txt');
    writeFileSync(a, '第一句。\n第二句。\n');
    writeFileSync(b, '第一句。\n第二句。\n');
    const r = runBitext(['align', a, b, '-o', path.join(dir, 'o.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/SAME_LANGUAGE/);
  });
  it('CLI: --presegmented with blank lines gives a result', () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.en');
    const b = path.join(dir, 'b.zh');
    writeFileSync(a, 'The first sentence.\n\nThe second sentence has 23 words.\n');
    writeFileSync(b, '第一句。\n第二句有23个词。\n');
    const out = path.join(dir, 'o.align');
    const r = runBitext(['align', '--presegmented', a, b, '-o', out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toMatch(/\[0\]:\[0\]\n/);
  });
});

describe('long documents (anchor-first banded search, length passes without anchors)', () => {
  it('follows a pair that drifts 250 sentences from the length diagonal', () => {
    let x = 7;
    const rnd = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296);
    const W = ['river', 'house', 'light', 'water', 'mountain', 'people', 'city', 'road'];
    const C = ['河', '房子', '光', '水', '山', '人民', '城市', '路'];
    const en: string[] = [];
    const zh: string[] = [];
    const goldZh: number[] = []; // zh index of en sentence i
    for (let i = 0; i < 2100; i++) {
      if (i === 1000) for (let k = 0; k < 250; k++) zh.push(`这是一句没有英文对应的补充说明${'字'.repeat(3 + (k % 9))}。`);
      const words = Array.from({ length: 4 + Math.floor(rnd() * 10) }, () => Math.floor(rnd() * W.length));
      en.push(`Line ${i + 1}: the ${words.map((w) => W[w]).join(' and the ')}.`);
      goldZh.push(zh.length);
      zh.push(`第${i + 1}行：${words.map((w) => C[w]).join('和')}。`);
    }
    const r = align(en.map((text, i) => ({ id: `en.${i}`, text })), zh.map((text, i) => ({ id: `zh.${i}`, text })), { srcLang: 'en', tgtLang: 'zh' });
    expect(r.stats.anchors).toBeGreaterThan(0);
    let right = 0;
    for (const l of r.links) {
      if (l.src.length === 1 && l.tgt.length === 1 && Number(l.tgt[0].id.slice(3)) === goldZh[Number(l.src[0].id.slice(3))]) right++;
    }
    expect(right / en.length).toBeGreaterThan(0.95);
    // dense anchors (a number in every sentence): the first pass's band is narrow near them and widens at the block
    // without translation (local repairs); the same links as the full width everywhere
    const wide = align(en.map((text, i) => ({ id: `en.${i}`, text })), zh.map((text, i) => ({ id: `zh.${i}`, text })), { srcLang: 'en', tgtLang: 'zh', params: { midBandMin: 10 } });
    expect(r.links.map((l) => `${l.src.map((s) => s.id)}:${l.tgt.map((t) => t.id)}`)).toEqual(wide.links.map((l) => `${l.src.map((s) => s.id)}:${l.tgt.map((t) => t.id)}`));
  }, 60000);

  it('without shared keys (no anchors) falls back to re-centred length passes and still covers every sentence', () => {
    let x = 11;
    const rnd = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296);
    const en: string[] = [];
    const zh: string[] = [];
    for (let i = 0; i < 2600; i++) {
      const k = 3 + Math.floor(rnd() * 12);
      en.push(Array.from({ length: k }, () => 'blorp').join(' ') + '.');
      zh.push('嗯'.repeat(Math.max(2, Math.round(k * 1.8))) + '。');
    }
    const r = align(en.map((text, i) => ({ id: `en.${i}`, text })), zh.map((text, i) => ({ id: `zh.${i}`, text })), { srcLang: 'en', tgtLang: 'zh' });
    expect(r.stats.anchors).toBe(0);
    expect(r.stats.lengthPasses).toBeGreaterThan(0);
    expect(r.links.reduce((a, l) => a + l.src.length, 0)).toBe(en.length);
    expect(r.links.reduce((a, l) => a + l.tgt.length, 0)).toBe(zh.length);
  }, 60000);
});
