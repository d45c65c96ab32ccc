// The two-thread aligner (src/io/align-parallel.ts, run from the built dist/ since its worker is a .js file): the same
// links as the single-thread align(), and a worker failure surfaces as a BitextError (no hang, no stray thread).
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runBitext, tempDir } from '../helpers.js';

const dist = (f: string) => import(path.join(ROOT, 'dist', f));

/** A long synthetic pair (above the long-document size): every sentence carries a number of its own (anchors), some English sentences are two Chinese ones. */
function longPair(n: number): { src: Array<{ id: string; text: string }>; tgt: Array<{ id: string; text: string }> } {
  let x = 7;
  const rnd = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296);
  const W = ['river', 'king', 'people', 'house', 'water', 'light', 'city', 'land', 'Jerusalem', 'Moses'];
  const C = ['河', '王', '人民', '房子', '水', '光', '城', '地', '耶路撒冷', '摩西'];
  const src: Array<{ id: string; text: string }> = [];
  const tgt: Array<{ id: string; text: string }> = [];
  for (let i = 0; i < n; i++) {
    const k = 3 + Math.floor(rnd() * 8);
    const ws = Array.from({ length: k }, () => Math.floor(rnd() * W.length));
    src.push({ id: `s${i}`, text: `${ws.map((w) => W[w]).join(' ')} ${1000 + i}.` });
    const zh = ws.map((w) => C[w]).join('');
    if (i % 7 === 3) {
      tgt.push({ id: `t${tgt.length}`, text: `${zh.slice(0, 2)}，` });
      tgt.push({ id: `t${tgt.length}`, text: `${zh.slice(2)}${1000 + i}。` });
    } else tgt.push({ id: `t${tgt.length}`, text: `${zh}${1000 + i}。` });
  }
  return { src, tgt };
}

const key = (res: { links: Array<{ src: Array<{ id: string }>; tgt: Array<{ id: string }>; score: number }> }) =>
  res.links.map((l) => `${l.src.map((s) => s.id).join(',')}|${l.tgt.map((s) => s.id).join(',')}|${l.score}`);

describe('two threads (AlignThreads)', () => {
  it('gives the links of align() on a long document cut into stretches, with the lexicon in the worker and only readings here', async () => {
    const lib = await dist('index.js');
    const al = await dist('align/align.js');
    const { AlignThreads } = await dist('io/align-parallel.js');
    const { src, tgt } = longPair(2600);
    const lexicon = await lib.builtinLexicon();
    const opts = { srcLang: 'en', tgtLang: 'zh', lexicon };
    // the document is long and has hard anchors: the lexical passes run on two stretches
    const steps = al.alignSteps(src, tgt, opts);
    const kinds: string[] = [];
    for (let r = steps.next(); !r.done; r = steps.next(al.runAlignRequest(r.value))) kinds.push(`${r.value.kind}:${r.value.jobs.length}`);
    expect(kinds).toEqual(['features:2', 'stretches:2', 'stretches:2']);
    const one = lib.align(src, tgt, opts);
    // the stretches on this thread (the default on fewer than 4 cores), then shared with a second worker
    for (const stretchWorker of [false, true]) {
      const pool = new AlignThreads({ builtin: true, stretchWorker });
      let two;
      try {
        two = await pool.align(src, tgt, { ...opts, lexicon: await lib.builtinReadings() });
      } finally {
        await pool.close();
      }
      expect(key(two)).toEqual(key(one));
      expect(pool.workersStarted).toBe(stretchWorker ? 2 : 1);
      expect(two.stats.byType).toEqual(one.stats.byType);
    }
    expect(one.links.length).toBeGreaterThan(2000);
    // Chinese source (the worker runs the source side): same links too
    const pool2 = new AlignThreads({ builtin: true });
    try {
      const a = lib.align(tgt.slice(0, 300), src.slice(0, 260), { srcLang: 'zh', tgtLang: 'en', lexicon });
      const b = await pool2.align(tgt.slice(0, 300), src.slice(0, 260), { srcLang: 'zh', tgtLang: 'en', lexicon: await lib.builtinReadings() });
      expect(key(b)).toEqual(key(a));
      // a short document: its lexical passes run on this thread, the stretches worker is never started
      expect(pool2.workersStarted).toBe(1);
    } finally {
      await pool2.close();
    }
  }, 60000);

  it('warmupJobs: one side against itself in the settings of each pass, which runStretch runs (a warm-up only)', async () => {
    const al = await dist('align/align.js');
    const feat = await dist('align/features.js');
    const { src } = longPair(800);
    const job = (n: number) => ({ texts: src.slice(0, n).map((s) => s.text), lang: 'en', chinese: false, otherLang: 'zh' });
    const jobs = al.warmupJobs(feat.runFeatureJob(job(800), undefined));
    // short jobs first (both passes), then the warm-up proper
    expect(jobs.map((j: { confidence: boolean }) => j.confidence)).toEqual([false, true, false, true]);
    expect(jobs.map((j: { S: { len: Float64Array } }) => j.S.len.length)).toEqual([24, 24, 300, 300]);
    for (const j of jobs) {
      const r = al.runStretch(j);
      expect(r.beads.length).toBeGreaterThan(0);
      // every row of the slice is in a bead
      expect(r.beads[r.beads.length - 3]).toBe(j.S.len.length);
      // the path runs along the band's edge: local repairs run too (their pair cache is the other kind)
      expect(r.repairs).toBeGreaterThan(0);
    }
    // too short a side to warm up on: nothing
    expect(al.warmupJobs(feat.runFeatureJob(job(40), undefined))).toEqual([]);
  });

  it('a failing worker (features or stretches) ends align() with a BitextError', async () => {
    const errors = await dist('errors.js');
    const { AlignThreads } = await dist('io/align-parallel.js');
    const { src, tgt } = longPair(2600);
    for (const which of ['features', 'stretches'] as const) {
      const pool = new AlignThreads({ builtin: false, stretchWorker: true });
      pool.failNextJob('injected failure', which);
      try {
        const err = await pool.align(src, tgt, { srcLang: 'en', tgtLang: 'zh' }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(errors.BitextError);
        expect((err as { code: string }).code).toBe('INTERNAL');
        expect((err as Error).message).toMatch(/alignment worker: injected failure/);
      } finally {
        await pool.close();
      }
    }
  }, 60000);

  it('CLI: an input error ends the command (exit 2) and its worker threads with it', () => {
    const r = runBitext(['align', 'no-such-file.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/FILE_NOT_FOUND/);
  }, 30000);

  it('CLI: --threads 0 and the default (a worker) write the same links', () => {
    const dir = tempDir();
    const { src, tgt } = longPair(2600);
    const a = path.join(dir, 'a.en');
    const b = path.join(dir, 'b.zh');
    writeFileSync(a, src.map((s) => s.text).join('\n') + '\n');
    writeFileSync(b, tgt.map((s) => s.text).join('\n') + '\n');
    const outs = ['0', '1'].map((t) => {
      const out = path.join(dir, `out${t}.align`);
      const r = runBitext(['align', '--presegmented', '--src-lang', 'en', '--tgt-lang', 'zh', a, b, '-o', out, '--threads', t, '-q']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return readFileSync(out, 'utf8');
    });
    expect(outs[1]).toBe(outs[0]);
    expect(outs[0].split('\n').length).toBeGreaterThan(2000);
  }, 60000);
});
