#!/usr/bin/env node
// Aligner speed: sentences per second and peak RSS for Bible 001 (5,000 × 6,301) and 006 (30,000 × 42,687) from
// ../shared/eval/data (skipped when absent) and a synthetic 200k-sentence pair. Each case runs in a fresh process
// so that peak RSS is its own (the Bible cases three times, then their median); #… after the link count fingerprints
// the links (same output → same #).
// Usage: node bench/align.bench.mjs [--case bible001|bible006|synthetic] [--threads 0|1]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mainThreadCpu } from './proc.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, '../shared/eval/data/bible');

async function runCase(name) {
  const lib = await import(path.join(ROOT, 'dist/index.js'));
  let src;
  let tgt;
  let srcLang = 'en';
  let tgtLang = 'zh';
  if (name.startsWith('bible')) {
    const n = name.slice(5);
    const lines = (f) => readFileSync(f, 'utf8').replace(/\n$/, '').split('\n');
    src = lines(path.join(DATA, 'src', n));
    tgt = lines(path.join(DATA, 'tgt', n));
  } else {
    // synthetic: 100k English-like and 100k Chinese-like sentences with shared numbers, lengths in ratio
    let x = 12345;
    const rnd = () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296);
    const W = ['the', 'court', 'river', 'king', 'people', 'house', 'water', 'light', 'city', 'land'];
    const C = '国人水王城光河地家民';
    src = [];
    tgt = [];
    for (let i = 0; i < 100000; i++) {
      const k = 3 + Math.floor(rnd() * 15);
      src.push(Array.from({ length: k }, () => W[Math.floor(rnd() * W.length)]).join(' ') + ` ${i % 97}.`);
      tgt.push(Array.from({ length: Math.max(2, Math.round(k * 1.6)) }, () => C[Math.floor(rnd() * C.length)]).join('') + `${i % 97}。`);
    }
  }
  // the path the CLI uses (src/cli/commands/align.ts): a worker thread started first loads the built-in lexicon
  // and runs the Chinese side (src/io/align-parallel.ts); the main thread loads only the readings, runs the other
  // side and the lexical passes (a second worker shares them on 4+ cores). --threads 0: the single-thread library
  // call, with the lexicon loaded before the clock starts.
  const threads = process.argv.includes('--threads') ? Number(process.argv[process.argv.indexOf('--threads') + 1]) : 1;
  let lexicon;
  let pool;
  if (!threads) lexicon = await lib.builtinLexicon();
  const m0 = mainThreadCpu();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  if (threads) {
    const { AlignThreads } = await import(path.join(ROOT, 'dist/io/align-parallel.js'));
    pool = new AlignThreads({ builtin: true });
    lexicon = await lib.builtinReadings();
  }
  const tLex = performance.now() - t0;
  const S = src.map((text, i) => ({ id: 's' + i, text }));
  const T = tgt.map((text, i) => ({ id: 't' + i, text }));
  const opts = { srcLang, tgtLang, lexicon };
  let res;
  let waits = '';
  try {
    res = threads ? await pool.align(S, T, opts) : lib.align(S, T, opts);
    if (pool) waits = `, main thread waited ms ${JSON.stringify(pool.waits)}`;
  } finally {
    await pool?.close();
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const mainS = Number.isNaN(m0) ? undefined : mainThreadCpu() - m0;
  const rss = process.resourceUsage().maxRSS / 1024;
  // fingerprint of the links (sentence ids and scores): a speed change that keeps the output keeps this
  const h = createHash('sha256');
  for (const l of res.links) h.update(l.src.map((s) => s.id).join(',') + '|' + l.tgt.map((s) => s.id).join(',') + '|' + l.score + '\n');
  console.log(
    `${name.padEnd(10)} ${threads ? '2 threads' : '1 thread '} ${String(src.length).padStart(6)} × ${String(tgt.length).padEnd(6)} ${(ms / 1000).toFixed(2).padStart(6)} s wall, ${cpuS.toFixed(2)} s CPU${mainS === undefined ? '' : ` (main thread ${mainS.toFixed(2)} s)`}  ` +
      `${Math.round((src.length + tgt.length) / (ms / 1000)).toLocaleString('en-US').padStart(9)} sentences/s  peak RSS ${rss.toFixed(0)} MB  (${res.links.length} links #${h.digest('hex').slice(0, 12)}, main-thread lexicon ${Math.round(tLex)} ms, ${res.stats.lengthPasses ?? 0} length + ${res.stats.lexicalPasses ?? 0} lexical passes; ms ${JSON.stringify(res.stats.timings)}${waits})`,
  );
}


const i = process.argv.indexOf('--case');
if (i >= 0) await runCase(process.argv[i + 1]);
else {
  const cases = existsSync(DATA) ? ['bible001', 'bible006', 'synthetic'] : ['synthetic'];
  if (!existsSync(DATA)) console.log(`align bench: ${DATA} is absent; Bible cases skipped`);
  // the Bible cases three times each (fresh processes), with their median: a single run on a shared host can be 10–15%
  // off either way (the machine's speed drifts from minute to minute)
  const runsOf = (c) => (c.startsWith('bible') ? 3 : 1);
  for (const c of cases) {
    const walls = [];
    const rss = [];
    for (let k = 0; k < runsOf(c); k++) {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--case', c, ...process.argv.slice(2)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      process.stdout.write(r.stdout);
      const w = /([0-9.]+) s wall/.exec(r.stdout);
      const m = /peak RSS ([0-9]+) MB/.exec(r.stdout);
      if (w) walls.push(Number(w[1]));
      if (m) rss.push(Number(m[1]));
    }
    if (walls.length > 1) {
      const sorted = [...walls].sort((a, b) => a - b);
      const mid = sorted[Math.floor(sorted.length / 2)];
      console.log(`${c.padEnd(10)} median of ${walls.length} runs ${mid.toFixed(2)} s wall (${sorted[0].toFixed(2)}–${sorted[sorted.length - 1].toFixed(2)}), peak RSS at most ${Math.max(...rss)} MB`);
    }
  }
}
