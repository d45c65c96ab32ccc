// Term base and extraction figures (run with `npm run bench -- terms`, after `npm run build`):
//  1. loading (CSV parse + merge) and compiling (Aho–Corasick) a 50,000-term base — target < 1 s;
//     then matching throughput over sentences;
//  2. term extraction on 100,000 aligned links — target < 60 s and < 1 GB (as `bitext terms extract` runs it: pass 1 in
//     worker threads, `node bench/terms.bench.mjs 100000 0` for one thread). CPU and RSS count every thread.
// Links come from ../shared/eval/data/bible (KJV ↔ CUV, gold links, cycled to 100,000) when it is there, otherwise from
// the hand-aligned sample fixture cycled with numbered variants (fewer distinct words: a lighter load).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { setInterval, clearInterval } from 'node:timers';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTermBaseCsv, parseAlignmentJsonl, mergeTermBases, compileTermBase } from '../dist/index.js';
import { extractTermsParallel, defaultExtractThreads } from '../dist/io/terms-parallel.js';
import { mainThreadCpu } from './proc.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(ROOT, '../shared');
const N_LINKS = Number(process.argv[2] ?? 100_000);
/** Worker threads for pass 1 of extraction (second argument; 0 = the single-threaded library function). */
const THREADS = Number(process.argv[3] ?? defaultExtractThreads());

let peak = 0;
const sample = () => {
  const rss = process.memoryUsage().rss;
  if (rss > peak) peak = rss;
};
const timer = setInterval(sample, 50);
const mb = (b) => `${Math.round(b / 1048576)} MB`;
const gc = () => globalThis.gc?.();

// ---------------------------------------------------------------------------------------------------------------
// 1. A 50,000-term base: 25,000 concepts × (zh, en), with realistic lengths.
const HAN = '数字经济电子商务跨境物流移动支付云计算人工智能区域全面伙伴关系协定国际组织教育科学文化网络空间命运共同体基础设施港口铁路桥梁通信技术创新发展合作机制对话平台数据中心服务贸易规则';
const WORDS = 'digital economy commerce logistics payment cloud computing artificial intelligence regional partnership agreement international organization education network infrastructure port railway bridge technology innovation development cooperation mechanism dialogue platform data center service trade rule'.split(' ');
let seed = 42;
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const rows = ['concept,lang,term,status,pos,domain,definition,note,source'];
for (let i = 0; i < 25_000; i++) {
  const zl = 2 + rnd(7);
  let zh = '';
  for (let k = 0; k < zl; k++) zh += HAN[rnd(HAN.length)];
  const el = 1 + rnd(4);
  const en = Array.from({ length: el }, () => WORDS[rnd(WORDS.length)]).join(' ') + ` ${i}`;
  rows.push(`c${i},zh,${zh}${i},preferred,noun,bench,,,`, `c${i},en,${en},preferred,noun,bench,,,`);
}
const csv = rows.join('\n') + '\n';
gc();
let c0 = process.cpuUsage();
let t0 = performance.now();
const parsed = parseTermBaseCsv(csv, { file: 'bench.csv' });
const t1 = performance.now();
const merged = mergeTermBases([{ file: 'bench.csv', rows: parsed.rows }]);
const t2 = performance.now();
const matcher = compileTermBase(merged.termBase);
const t3 = performance.now();
const cpu = (c) => ((c.user + c.system) / 1000).toFixed(0);
console.log(`term base: ${parsed.rows.length} terms, ${merged.termBase.concepts.length} concepts`);
console.log(`  parse CSV ${(t1 - t0).toFixed(0)} ms, merge ${(t2 - t1).toFixed(0)} ms, compile ${(t3 - t2).toFixed(0)} ms — load + compile ${(t3 - t0).toFixed(0)} ms wall, ${cpu(process.cpuUsage(c0))} ms CPU (target < 1000)`);

const fixture = path.join(ROOT, 'tests/fixtures/terms/cyberspace-ii.sentences.jsonl');
const { alignment } = parseAlignmentJsonl(readFileSync(fixture, 'utf8'), { file: fixture });
const zhTexts = alignment.links.flatMap((l) => l.tgt.map((s) => s.text));
const enTexts = alignment.links.flatMap((l) => l.src.map((s) => s.text));
const small = compileTermBase({ concepts: merged.termBase.concepts.slice(0, 10) });
for (const [name, m] of [['10 terms', small], ['50,000 terms', matcher]]) {
  t0 = performance.now();
  let chars = 0;
  let hits = 0;
  for (let r = 0; r < 20; r++) {
    for (const t of zhTexts) {
      chars += t.length;
      hits += m.find(t, 'zh').length;
    }
    for (const t of enTexts) {
      chars += t.length;
      hits += m.find(t, 'en').length;
    }
  }
  const ms = performance.now() - t0;
  console.log(`  matching with ${name}: ${((chars / ms) * 1000 / 1e6).toFixed(2)} M chars/s (${hits} matches)`);
}
sample();
console.log(`  peak RSS so far ${mb(peak)}`);

// ---------------------------------------------------------------------------------------------------------------
// 2. Extraction on N_LINKS links.
function bibleLinks() {
  const dir = path.join(SHARED, 'eval/data/bible');
  if (!existsSync(path.join(dir, 'gold/006.align'))) return undefined;
  const en = readFileSync(path.join(dir, 'src/006'), 'utf8').split('\n');
  const zh = readFileSync(path.join(dir, 'tgt/006'), 'utf8').split('\n');
  const base = [];
  for (const line of readFileSync(path.join(dir, 'gold/006.align'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const [a, b] = line.split(':').map((s) => JSON.parse(s));
    if (!a.length || !b.length) continue;
    base.push({ src: a.map((i) => ({ id: `en.${i}`, text: en[i] })), tgt: b.map((i) => ({ id: `zh.${i}`, text: zh[i] })) });
  }
  return { name: 'bible 006 (KJV ↔ CUV)', base };
}
const source = bibleLinks() ?? { name: 'sample fixture (cycled)', base: alignment.links.map((l) => ({ src: l.src, tgt: l.tgt })) };
const links = [];
for (let i = 0; i < N_LINKS; i++) {
  const b = source.base[i % source.base.length];
  links.push({ id: String(i + 1), src: b.src, tgt: b.tgt, score: 1, status: 'auto' });
}
gc();
sample();
const before = peak;
t0 = performance.now();
c0 = process.cpuUsage();
const mainCpu = mainThreadCpu; // the worker threads' CPU is in the total
// Pass boundaries from the progress callback (pass k reports done in [(k-1)·n, k·n)).
const passAt = [];
const passCpu = [mainCpu()];
const onProgress = (done, total) => {
  const pass = Math.floor((done * 3) / Math.max(1, total));
  while (passAt.length < pass) {
    passAt.push(performance.now());
    passCpu.push(mainCpu());
  }
};
const cands = await extractTermsParallel(links, { srcLang: 'en', tgtLang: 'zh', top: 200, onProgress, threads: THREADS });
const secs = (performance.now() - t0) / 1000;
const passes = [t0, ...passAt.slice(0, 2), performance.now()].map((t, i, a) => (i ? ((t - a[i - 1]) / 1000).toFixed(1) : '')).slice(1);
/** Digest of the candidates (all fields, in order): a speed change must keep it. */
const digest = createHash('sha256').update(JSON.stringify(cands)).digest('hex').slice(0, 16);
const cpuSecs = (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1e6;
sample();
clearInterval(timer);
console.log(`extraction: ${links.length} links from ${source.name}, ${THREADS ? `pass 1 in ${THREADS} worker thread${THREADS > 1 ? 's' : ''}` : 'one thread'} (load average ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
console.log(`  ${secs.toFixed(1)} s wall, ${cpuSecs.toFixed(1)} s CPU (target < 60), peak RSS ${mb(peak)} (before: ${mb(before)}; target < 1 GB), ${cands.length} candidates, digest ${digest}`);
console.log(`  passes (wall, s): ${passes.join(' / ')}; main thread CPU (s): ${[...passCpu.slice(0, 3), mainCpu()].map((c, i, a) => (i ? (c - a[i - 1]).toFixed(1) : '')).slice(1).join(' / ')}`);
console.log(`  top 10: ${cands.slice(0, 10).map((c) => `${c.zh}↔${c.en}`).join(', ')}`);
