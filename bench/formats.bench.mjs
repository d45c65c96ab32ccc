// Formats benchmark: write and re-read 100,000- and 1,000,000-link alignments as JSONL and TMX, streaming, and
// print time and peak memory (RSS) of each step. Each step runs in its own process so that its peak is its own;
// bounded memory means the peak at 1M stays close to the peak at 100k (and under 300 MB).
//   node bench/formats.bench.mjs            (after `npm run build`)
//   node bench/formats.bench.mjs 100000     (only one size)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);

/** Deterministic synthetic links: mostly 1-1, every 5th a 1-2, sentence lengths like real prose. */
function* makeLinks(n) {
  const en = ['The network is a space of its own', 'and every nation claims a part of it', 'Governance follows the same rules online and offline', 'Data flows across borders every second'];
  const zh = ['网络空间是一个独立的空间', '每个国家都主张其中的一部分', '线上线下适用同样的治理规则', '数据每秒都在跨境流动'];
  let s = 0;
  let t = 0;
  for (let i = 0; i < n; i++) {
    const src = [{ id: `en.${s++}`, text: `${en[i % 4]} (${i}).`, kind: 'sentence', start: i * 120, end: i * 120 + 45, line: i + 1 }];
    const tgt = [{ id: `zh.${t++}`, text: `${zh[i % 4]}（${i}）。`, kind: 'sentence', start: i * 50, end: i * 50 + 18, line: i + 1 }];
    if (i % 5 === 4) tgt.push({ id: `zh.${t++}`, text: '这是第二句。', kind: 'sentence' });
    yield { id: `L${i + 1}`, src, tgt, score: ((i * 7919) % 10000) / 10000, status: i % 11 === 0 ? 'confirmed' : 'auto' };
  }
}

const HEADER = { format: 'bitext-alignment', version: 1, srcLang: 'en', tgtLang: 'zh', sources: [{ role: 'bilingual', file: 'synthetic.md' }], tool: { name: 'bitext', version: 'bench' } };

async function child(step, n, dir) {
  const f = await import('../dist/index.js');
  const io = await import('../dist/io/index.js');
  const jsonl = path.join(dir, `a${n}.jsonl`);
  const tmx = path.join(dir, `a${n}.tmx`);
  const t0 = performance.now();
  let count = 0;
  if (step === 'write-jsonl') {
    async function* chunks() {
      yield f.serializeHeaderJsonl(HEADER) + '\n';
      let buf = [];
      for (const l of makeLinks(n)) {
        buf.push(f.serializeLinkJsonl(l));
        count++;
        if (buf.length === 1000) {
          yield buf.join('\n') + '\n';
          buf = [];
        }
      }
      if (buf.length) yield buf.join('\n') + '\n';
    }
    await io.writeFileAtomic(jsonl, chunks());
  } else if (step === 'read-jsonl') {
    for await (const item of io.streamAlignmentFile(jsonl)) if (item.type === 'link') count++;
  } else if (step === 'jsonl-to-tmx') {
    const items = io.streamAlignmentFile(jsonl);
    const first = await items.next();
    async function* links() {
      for await (const item of items) if (item.type === 'link') {
        count++;
        yield item.link;
      }
    }
    await io.writeFileAtomic(tmx, f.writeTmxStream(first.value.header, links(), { date: new Date(0) }));
  } else if (step === 'read-tmx') {
    for await (const item of io.streamAlignmentFile(tmx)) if (item.type === 'link') count++;
  }
  const ms = performance.now() - t0;
  const peakMB = process.resourceUsage().maxRSS / 1024;
  const out = step.includes('jsonl') && step !== 'jsonl-to-tmx' ? jsonl : tmx;
  process.stdout.write(JSON.stringify({ step, n, count, ms, peakMB, bytes: statSync(out).size }) + '\n');
}

function main() {
  const sizes = process.argv[2] ? [Number(process.argv[2])] : [100_000, 1_000_000];
  const dir = mkdtempSync(path.join(tmpdir(), 'bitext-formats-bench-'));
  console.log('step            links      time      links/s   peak RSS   file size');
  try {
    for (const n of sizes) {
      for (const step of ['write-jsonl', 'read-jsonl', 'jsonl-to-tmx', 'read-tmx']) {
        const r = spawnSync(process.execPath, [SELF, '--child', step, String(n), dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
        if (r.status !== 0) {
          console.log(`${step} ${n}: failed\n${r.stderr}`);
          process.exitCode = 1;
          continue;
        }
        const x = JSON.parse(r.stdout.trim().split('\n').pop());
        console.log(
          `${x.step.padEnd(14)} ${String(x.count).padStart(9)} ${(x.ms / 1000).toFixed(1).padStart(7)} s ${String(Math.round(x.count / (x.ms / 1000))).padStart(10)} ${x.peakMB.toFixed(0).padStart(7)} MB ${(x.bytes / 1048576).toFixed(0).padStart(7)} MB`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]), process.argv[5]);
else main();
