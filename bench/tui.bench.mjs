// Review app benchmark: start `bitext review big.jsonl` (100,000 links) as a real process in a tmux terminal and poll
// capture-pane until the first screen is drawn, several times; then move down link by link once the file is read.
// Prints the median time from process start to the first screen (wall as seen on the screen; wall and CPU time
// user+sys inside the app up to the write of that frame, noted by a probe preloaded with --import; peak RSS from
// /proc), and the time per move (key sent → new position on the screen).
//   node bench/tui.bench.mjs              (after `npm run build`; needs tmux, skipped without it)
//   node bench/tui.bench.mjs 100000 7     (links, runs)
// Twice: in a folder without a term base, and with the repository's glossary/ (read for the terms panel).
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'dist/cli/bin.js');
const N = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 7);
const MOVES = 20;
const SOCKET = `bitext-bench-${process.pid}`;
const tmux = (...args) => spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const TICK = 100; // USER_HZ of /proc/PID/stat on Linux

if (spawnSync('tmux', ['-V']).status !== 0) {
  console.log('tmux not found: skipped');
  process.exit(0);
}

const { serializeHeaderJsonl } = await import(path.join(ROOT, 'dist/index.js'));

/** Deterministic synthetic links (as the formats benchmark): mostly 1-1, every 5th a 1-2, prose-like lengths. */
function writeBig(file, n) {
  const en = ['The network is a space of its own', 'and every nation claims a part of it', 'Governance follows the same rules online and offline', 'Data flows across borders every second'];
  const zh = ['网络空间是一个独立的空间', '每个国家都主张其中的一部分', '线上线下适用同样的治理规则', '数据每秒都在跨境流动'];
  const header = { format: 'bitext-alignment', version: 1, srcLang: 'en', tgtLang: 'zh', sources: [{ role: 'bilingual', file: 'synthetic.md' }], tool: { name: 'bitext', version: 'bench' } };
  const lines = [serializeHeaderJsonl(header)];
  let s = 0;
  let t = 0;
  for (let i = 0; i < n; i++) {
    const src = [{ id: `en.${s++}`, text: `${en[i % 4]} (${i}).` }];
    const tgt = [{ id: `zh.${t++}`, text: `${zh[i % 4]}（${i}）。` }];
    if (i % 5 === 4) tgt.push({ id: `zh.${t++}`, text: '这是第二句。' });
    lines.push(JSON.stringify({ id: `L${i + 1}`, src, tgt, score: ((i * 7919) % 10000) / 10000, status: i % 11 === 0 ? 'confirmed' : 'auto' }));
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

/** CPU seconds (user+sys) and peak RSS (MB) of a live process (`main`: of its main thread only), from /proc. */
function procFigures(pid, main = false) {
  try {
    const stat = readFileSync(main ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(f[11]) + Number(f[12])) / TICK;
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpu, rss: hwm ? Number(hwm[1]) / 1024 : NaN };
  } catch {
    return { cpu: NaN, rss: NaN };
  }
}

/**
 * Preloaded into the app (node --import): when the first frame with the status bar is written to the terminal, note
 * the CPU time used so far and the time since the process started, exactly (polling /proc from outside comes late and
 * would count the background reading of the rest of the file).
 */
const PROBE = `
import { writeFileSync } from 'node:fs';
const out = process.env.BITEXT_BENCH_PROBE;
const write = process.stdout.write;
let done = false;
process.stdout.write = function (chunk, ...rest) {
  if (!done && String(chunk).includes('big.jsonl')) {
    done = true;
    const c = process.cpuUsage();
    writeFileSync(out, JSON.stringify({ cpu: (c.user + c.system) / 1000, wall: performance.now() }));
  }
  return write.call(this, chunk, ...rest);
};
`;

const screen = (name) => tmux('capture-pane', '-p', '-t', name).stdout ?? '';
async function waitFor(name, test, timeout = 30000) {
  const end = performance.now() + timeout;
  for (;;) {
    const s = screen(name);
    if (test(s)) return s;
    if (performance.now() > end) throw new Error(`timed out; screen:\n${s}`);
    await sleep(2);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

/** Start the app `runs` times in `cwd` and note each first screen; on the last run, also time moves. */
async function firstScreens(cwd, runs, probe, moves) {
  const r = { wall: [], app: [], cpu: [], rss: [], moves: [], moveCpu: NaN, peakRss: NaN };
  for (let run = 0; run < runs; run++) {
    const name = `r${run}`;
    // `exec` so that the pane's process is node itself (its /proc figures are the app's).
    const probeOut = path.join(cwd, `probe-${run}.json`);
    const cmd = `cd '${cwd}' && NO_COLOR=1 BITEXT_BENCH_PROBE='${probeOut}' exec '${process.execPath}' --import '${probe}' '${BIN}' review big.jsonl`;
    const t0 = performance.now();
    if (tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', cmd).status !== 0) throw new Error('tmux new-session failed');
    const pid = tmux('display-message', '-p', '-t', name, '#{pane_pid}').stdout.trim();
    await waitFor(name, (s) => /big\.jsonl\s+1\/\d+/.test(s));
    r.wall.push(performance.now() - t0);
    const p = procFigures(pid);
    const inApp = JSON.parse(readFileSync(probeOut, 'utf8'));
    r.app.push(inApp.wall);
    r.cpu.push(inApp.cpu);
    r.rss.push(p.rss);
    if (moves && run === runs - 1) {
      // Moves once the whole file is read (the position shows the total without `+`).
      await waitFor(name, (s) => s.includes(`1/${N} `), 60000);
      const before = procFigures(pid, true).cpu;
      for (let k = 0; k < MOVES; k++) {
        const t = performance.now();
        tmux('send-keys', '-t', name, 'j');
        await waitFor(name, (s) => s.includes(`${k + 2}/${N} `));
        r.moves.push(performance.now() - t);
      }
      r.moveCpu = ((procFigures(pid, true).cpu - before) * 1000) / MOVES;
      r.peakRss = procFigures(pid).rss;
    }
    tmux('send-keys', '-t', name, 'q');
    const end = performance.now() + 10000;
    while (tmux('has-session', '-t', name).status === 0 && performance.now() < end) await sleep(20);
    tmux('kill-session', '-t', name);
  }
  return r;
}

const printFirst = (label, r) =>
  console.log(
    `first screen, ${label}: median ${median(r.wall).toFixed(0)} ms wall on the screen (${range(r.wall)}; ` +
      `${median(r.app).toFixed(0)} ms from process start to the frame's write), ` +
      `CPU ${median(r.cpu).toFixed(0)} ms (${range(r.cpu)}), peak RSS ${median(r.rss).toFixed(0)} MB`,
  );

const dir = mkdtempSync(path.join(tmpdir(), 'bitext-tui-bench-'));
try {
  const file = path.join(dir, 'big.jsonl');
  writeBig(file, N);
  const probe = path.join(dir, 'probe.mjs');
  writeFileSync(probe, PROBE);
  // The same file in a working folder with the repository's glossary/ (the terms panel's term base).
  const withGlossary = path.join(dir, 'with-glossary');
  mkdirSync(path.join(withGlossary, 'glossary'), { recursive: true });
  linkSync(file, path.join(withGlossary, 'big.jsonl'));
  for (const f of readdirSync(path.join(ROOT, 'glossary'))) copyFileSync(path.join(ROOT, 'glossary', f), path.join(withGlossary, 'glossary', f));

  console.log(`review of ${N.toLocaleString('en')} links in tmux (100×30), ${RUNS} runs, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const plain = await firstScreens(dir, RUNS, probe, true);
  printFirst('no glossary', plain);
  printFirst('with glossary/', await firstScreens(withGlossary, RUNS, probe, false));
  console.log(
    `move (j) after the file is read: median ${median(plain.moves).toFixed(1)} ms wall per key (key → screen, incl. tmux polling), ` +
      `CPU of the app's main thread ${plain.moveCpu.toFixed(1)} ms per move; peak RSS with the whole file ${plain.peakRss.toFixed(0)} MB`,
  );
  console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  tmux('kill-server');
  rmSync(dir, { recursive: true, force: true });
}
