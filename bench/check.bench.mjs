// bitext check at scale: 1,000,000 links (streamed from a JSONL file) against a 10,000-term base.
// Target: under 30 s and under 1 GB. Prints links/s and peak memory. Figures, not pass/fail.
//   node --expose-gc bench/check.bench.mjs [LINKS] [TERMS]
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { setInterval, clearInterval } from 'node:timers';
import { createHash } from 'node:crypto';
import { CheckSession } from '../dist/check/index.js';
import { compileTermBase } from '../dist/terms/index.js';
import { streamAlignmentBatches } from '../dist/io/check-read.js';
import { ParallelCheckSession } from '../dist/io/check-parallel.js';
import { mainThreadCpu, threadStat } from './proc.mjs';

const LINKS = Number(process.argv[2] ?? 1_000_000);
const TERMS = Number(process.argv[3] ?? 10_000);

// --eval: false-alarm census on correct human translations: the hand-aligned MAC-Dev gold (6 novel chapters,
// zh→en, in ../shared/eval/data when present), every check, findings per check. Read from there, never copied.
if (process.argv[2] === '--eval') {
  const { runChecksSync } = await import('../dist/check/index.js');
  const base = new URL('../../shared/eval/data/mac-dev-2021/', import.meta.url).pathname;
  if (!existsSync(base)) {
    console.log('check --eval: ../shared/eval/data/mac-dev-2021 is not here; skipped');
    process.exit(0);
  }
  const { readdirSync } = await import('node:fs');
  const items = [];
  for (const g of readdirSync(base + 'gold').filter((f) => f.endsWith('.align')).sort()) {
    const n = g.replace('.align', '');
    const zh = readFileSync(`${base}zh/${n}`, 'utf8').split('\n');
    const en = readFileSync(`${base}en/${n}`, 'utf8').split('\n');
    const header = { format: 'bitext-alignment', version: 1, srcLang: 'zh', tgtLang: 'en', sources: [], tool: { name: 'gold', version: '0' } };
    readFileSync(`${base}gold/${g}`, 'utf8').trim().split('\n').forEach((l, i) => {
      const [a, b] = l.split(':').map((x) => JSON.parse(x));
      const link = { id: `l${i}`, src: a.map((k) => ({ id: `zh.${k}`, text: zh[k] })), tgt: b.map((k) => ({ id: `en.${k}`, text: en[k] })), score: 1, status: 'confirmed' };
      items.push({ link, line: i + 2, file: `mac-${n}`, header });
    });
  }
  const r = runChecksSync(items);
  const by = {};
  for (const f of r.findings) by[f.check] = (by[f.check] ?? 0) + 1;
  console.log(`check --eval: MAC-Dev gold, ${r.links} links: ${r.counts.error} errors, ${r.counts.warning} warnings, ${r.counts.info} info`);
  console.log('  ' + Object.entries(by).map(([k, v]) => `${k} ${v}`).join(', '));
  process.exit(0);
}

// Deterministic pseudo-random numbers (mulberry32).
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(42);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const HAN = '数字经济合作发展国际组织技术创新网络平台服务建设推动全球区域贸易规则电子商务基础设施互联互通数据中心云计算人工智能教育会议倡议框架伙伴关系领导人峰会治理机制多边对话交流能力环境格局';
const WORDS = 'digital economy cooperation development international organization technology innovation network platform service construction global regional trade rule infrastructure connectivity data center cloud education conference initiative framework partnership summit governance mechanism dialogue exchange capacity environment pattern'.split(' ');

// Filler text uses other characters than the terms, so that a link contains the terms it was given, not random ones.
const FILL = '的了在是我有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手用主行方又如前所本见经头面公同已老从动长知民样现分将外但身些与高意进把法此实回理美点月明其种声全工己话儿者向情部正名定女问力机给等很业最间新什打便位因重被走电门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山太水市眼体别处总才场师书';
function hanWord(n, alphabet = FILL) {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

// 10,000 concepts: a zh term (3–5 characters) and an en term (2–3 words), some with a deprecated variant.
const concepts = [];
const seenZh = new Set();
while (concepts.length < TERMS) {
  const zh = hanWord(3 + Math.floor(rand() * 3), HAN);
  if (seenZh.has(zh)) continue;
  seenZh.add(zh);
  const en = `${pick(WORDS)} ${pick(WORDS)}${rand() < 0.5 ? ' ' + pick(WORDS) : ''} ${concepts.length}x`;
  const terms = [{ lang: 'zh', text: zh, status: 'preferred' }, { lang: 'en', text: en, status: 'preferred' }];
  if (rand() < 0.1) terms.push({ lang: 'en', text: en.replace(/x$/, 'y'), status: 'deprecated' });
  concepts.push({ id: `c${concepts.length}`, terms });
}

const file = path.join(tmpdir(), `bitext-check-bench-${LINKS}-${TERMS}.jsonl`);
if (!existsSync(file)) {
  const t0 = performance.now();
  const out = createWriteStream(file);
  out.write(JSON.stringify({ format: 'bitext-alignment', version: 1, srcLang: 'zh', tgtLang: 'en', sources: [], tool: { name: 'bench', version: '0' } }) + '\n');
  for (let i = 0; i < LINKS; i++) {
    const c = concepts[Math.floor(rand() * concepts.length)];
    const n = 1 + Math.floor(rand() * 2000);
    const year = 1990 + Math.floor(rand() * 35);
    let zh = `${year}年，${hanWord(6)}${c.terms[0].text}${hanWord(8)}${n}个${hanWord(10)}。`;
    let en = `In ${year}, the ${pick(WORDS)} ${pick(WORDS)} of ${c.terms[1].text} reached ${n} ${pick(WORDS)} ${pick(WORDS)}s across ${pick(WORDS)} ${pick(WORDS)} and ${pick(WORDS)} ${pick(WORDS)}.`;
    const r = rand();
    if (r < 0.01) en = en.replace(String(n) + ' ', String(n + 1) + ' '); // wrong number
    else if (r < 0.015) en = en.slice(0, Math.floor(en.length / 3)); // cut off
    else if (r < 0.02) en = en.replace(c.terms[1].text, 'something else'); // term missing
    else if (r < 0.022) zh = zh.replace('。', '“。');
    const link = { id: `l${i}`, src: [{ id: `zh.${i}`, text: zh }], tgt: [{ id: `en.${i}`, text: en }], score: Math.round((rand() < 0.03 ? rand() * 0.5 : 0.5 + rand() * 0.5) * 1000) / 1000, status: rand() < 0.9 ? 'auto' : 'confirmed' };
    if (!out.write(JSON.stringify(link) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  console.log(`generated ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

let peak = 0;
// CPU per thread (bench/proc.mjs), last value seen per thread, so that the
// worker thread, gone after finish(), is counted too: the busiest threads are the critical path.
const threadTicks = new Map();
const sampleThreads = () => {
  try {
    for (const tid of readdirSync(`/proc/self/task`)) {
      const st = threadStat(tid);
      if (st) threadTicks.set(tid, st);
    }
  } catch {
    // not Linux
  }
};
let sampleCount = 0;
const sample = () => {
  const m = process.memoryUsage.rss(); // rss() only: memoryUsage() walks the heap spaces (1.4 s of CPU over a 1M run)
  if (m > peak) peak = m;
  if (++sampleCount % 2 === 0) sampleThreads();
};
const timer = setInterval(sample, 50);
global.gc?.();
sampleThreads();
const threadStart = new Map([...threadTicks].map(([k, v]) => [k, v.ticks]));
const t0 = performance.now();
const cpu0 = process.cpuUsage();
// BITEXT_CHECK_THREADS=0: one thread (CheckSession); default: the term and number checks in a worker thread, as
// `bitext check` does for large inputs (ParallelCheckSession; the worker compiles the term base, the main thread
// starts reading at once).
const parallel = process.env.BITEXT_CHECK_THREADS !== '0';
const matcher = parallel ? undefined : compileTermBase({ concepts });
const tCompile = performance.now() - t0;
const session = parallel ? new ParallelCheckSession({ termBase: { concepts } }) : new CheckSession({ matcher });
let header;
for await (const batch of streamAlignmentBatches(file)) {
  for (const item of batch) {
    if (item.type === 'header') {
      header = item.header;
      continue;
    }
    const wait = session.add({ link: item.link, line: item.line, file: 'bench.jsonl', header });
    if (wait) await wait;
  }
}
const report = await session.finish();
const secs = (performance.now() - t0) / 1000;
// CPU of the main thread alone (bench/proc.mjs): with the worker
// keeping up, it is the critical path, i.e. about the wall time on an otherwise idle 2-core machine.
const mainCpuSecs = mainThreadCpu();
sampleThreads();
const threadBefore = new Map(threadTicks);
const cpu = process.cpuUsage(cpu0);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
sample();
clearInterval(timer);
const hwm = (() => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
})();
global.gc?.();
const live = process.memoryUsage();
console.log(`  after the run and a full GC: heap used ${(live.heapUsed / 1048576).toFixed(0)} MB, external+array buffers ${((live.external + live.arrayBuffers) / 1048576).toFixed(0)} MB, RSS ${(live.rss / 1048576).toFixed(0)} MB`);
const byCheck = {};
for (const f of report.findings) byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
console.log(`check: ${report.links.toLocaleString('en')} links, ${TERMS.toLocaleString('en')} terms (${parallel ? 'term and number checks, and compiling the term base, in a worker thread' : `compile ${(tCompile / 1000).toFixed(1)} s, one thread`})`);
console.log(`  ${secs.toFixed(1)} s wall, ${cpuSecs.toFixed(1)} s CPU (main thread ${mainCpuSecs.toFixed(1)} s, other threads ${(cpuSecs - mainCpuSecs).toFixed(1)} s); ${Math.round(report.links / secs).toLocaleString('en')} links/s (${Math.round(report.links / cpuSecs).toLocaleString('en')} per CPU second); peak RSS ${(Math.max(peak, hwm) / 1048576).toFixed(0)} MB`);
const busiest = [...threadBefore].map(([tid, v]) => ({ tid, name: v.name, secs: (v.ticks - (threadStart.get(tid) ?? 0)) / 100 })).filter((t) => t.secs > 0).sort((a, b) => b.secs - a.secs);
if (session.sharedBatches !== undefined) console.log(`  batches whose number checks the main thread ran while the worker was behind: ${session.sharedBatches} of ${Math.ceil(report.links / 1024)}`);
if (busiest.length) console.log(`  threads by CPU: ${busiest.slice(0, 4).map((t) => `${t.tid === String(process.pid) ? 'main' : t.name} ${t.secs.toFixed(1)} s`).join(', ')}`);
console.log(`  findings: ${Object.entries(byCheck).map(([k, v]) => `${k} ${v}`).join(', ')}`);
for (const n of report.notes) console.log(`  note: ${n}`);
// A digest of every finding (all fields, in report order), so that a speed change can be shown not to change the output.
const digest = createHash('sha256');
for (const f of report.findings) digest.update(JSON.stringify(f) + '\n');
console.log(`  findings digest: ${digest.digest('hex').slice(0, 16)}`);
