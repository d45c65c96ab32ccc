#!/usr/bin/env node
// `npm run eval`: alignment quality on the gold sets in ../shared/eval/data (MAC-Dev zh→en, Text+Berg de→fr,
// Bible en→zh). Strict and lax precision/recall/F1 with the Vecalign/Bertalign convention (empty links are left out
// of recall). Texts are read from ../shared only; nothing is copied into the repo.
// Usage: node bench/eval.mjs [--set mac|tb|bible|all] [--docs 001,006] [--no-dict] [--check-scorer] [--bands]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.resolve(ROOT, '../shared/eval/data');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const flag = (name) => args.includes(name);

if (!existsSync(DATA)) {
  console.log(`eval: ${DATA} is not here (it exists only next to the development checkout); nothing to evaluate.`);
  process.exit(0);
}

/** Parse a `[i,j]:[k]` file into [[src ids],[tgt ids]] links. */
export function parseAlign(text) {
  const out = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t) continue;
    const m = /^(\[[^\]]*\])\s*:\s*(\[[^\]]*\])/.exec(t);
    if (!m) throw new Error(`bad .align line: ${t}`);
    out.push([JSON.parse(m[1]), JSON.parse(m[2])]);
  }
  return out;
}

const key = (l) => `${l[0].join(',')}:${l[1].join(',')}`;

/** Strict and lax P/R/F1 counts (Vecalign/Bertalign convention: gold links with an empty side are not in recall). */
export function scoreCounts(pred, gold) {
  const goldNonEmpty = gold.filter((l) => l[0].length && l[1].length);
  const goldSet = new Set(gold.map(key));
  const predNonEmpty = pred.filter((l) => l[0].length && l[1].length);
  const predSet = new Set(pred.map(key));
  let tpP = 0;
  for (const l of pred) if (goldSet.has(key(l))) tpP++;
  let tpR = 0;
  for (const l of goldNonEmpty) if (predSet.has(key(l))) tpR++;
  // lax: a link is right when it shares a source and a target sentence with a gold link
  const pairs = (links) => {
    const s = new Set();
    for (const [a, b] of links) for (const i of a) for (const j of b) s.add(`${i}:${j}`);
    return s;
  };
  const gp = pairs(goldNonEmpty);
  const pp = pairs(predNonEmpty);
  const hit = (l, set) => l[0].some((i) => l[1].some((j) => set.has(`${i}:${j}`)));
  let lxP = 0;
  for (const l of pred) if (l[0].length && l[1].length ? hit(l, gp) : goldSet.has(key(l))) lxP++;
  let lxR = 0;
  for (const l of goldNonEmpty) if (hit(l, pp)) lxR++;
  // precision is over every predicted link (an empty one is right only when gold has it too), recall over non-empty gold
  return { nPred: pred.length, nGold: goldNonEmpty.length, tpP, tpR, lxP, lxR };
}

function prf(c) {
  const p = c.nPred ? c.tpP / c.nPred : 0;
  const r = c.nGold ? c.tpR / c.nGold : 0;
  const lp = c.nPred ? c.lxP / c.nPred : 0;
  const lr = c.nGold ? c.lxR / c.nGold : 0;
  const f = (a, b) => (a + b ? (2 * a * b) / (a + b) : 0);
  return { p, r, f: f(p, r), lp, lr, lf: f(lp, lr) };
}

function add(a, b) {
  for (const k of Object.keys(b)) a[k] = (a[k] ?? 0) + b[k];
  return a;
}

const fmt = (x) => x.toFixed(3);
const readLines = (f) => {
  const t = readFileSync(f, 'utf8').replace(/\r?\n$/, '');
  return t === '' ? [] : t.split(/\r?\n/);
};

/** Merge consecutive links whose sentences all lie in one verse (Bible scoring). */
function mergeByVerse(links, srcVerse, tgtVerse) {
  const out = [];
  const verseOf = (l) => {
    const vs = new Set([...l[0].map((i) => 's' + srcVerse[i]), ...l[1].map((j) => 's' + tgtVerse[j])]);
    return vs.size === 1 ? [...vs][0] : null;
  };
  for (const l of links) {
    const prev = out[out.length - 1];
    const v = verseOf(l);
    if (prev && v !== null && prev.v === v) {
      prev.l = [[...prev.l[0], ...l[0]], [...prev.l[1], ...l[1]]];
    } else out.push({ l: [[...l[0]], [...l[1]]], v });
  }
  return out.map((o) => o.l);
}

async function main() {
  if (flag('--check-scorer')) {
    const dir = path.join(DATA, 'mac-dev-2021');
    const tot = {};
    for (const f of readdirSync(path.join(dir, 'gold')).sort()) {
      add(tot, scoreCounts(parseAlign(readFileSync(path.join(dir, 'published-bertalign-output', f), 'utf8')), parseAlign(readFileSync(path.join(dir, 'gold', f), 'utf8'))));
    }
    const s = prf(tot);
    console.log(`scorer check, Bertalign's published MAC-Dev output: strict P/R/F1 ${fmt(s.p)}/${fmt(s.r)}/${fmt(s.f)}  lax ${fmt(s.lp)}/${fmt(s.lr)}/${fmt(s.lf)} (expected 0.909/0.914/0.911, lax 0.996/1.000/0.998)`);
    return;
  }
  const lib = await import(path.join(ROOT, 'dist/index.js'));
  let lexicon;
  if (opt('--dict')) {
    const text = readFileSync(opt('--dict'), 'utf8');
    lexicon = lib.buildLexicon(lib.parseCedict(text));
    if (!flag('--no-names')) lexicon = { ...lexicon, readings: lib.parseCedictReadings(text) };
  } else if (!flag('--no-dict') && typeof lib.builtinLexicon === 'function') lexicon = await lib.builtinLexicon();
  const params = opt('--params') ? JSON.parse(opt('--params')) : undefined;
  const which = opt('--set', 'all');
  const sets = [
    { id: 'mac', name: 'MAC-Dev zh→en', dir: 'mac-dev-2021', src: 'zh', tgt: 'en', srcLang: 'zh', tgtLang: 'en', gold: (n) => `gold/${n}.align` },
    { id: 'tb', name: 'Text+Berg de→fr', dir: 'text+berg', src: 'de', tgt: 'fr', srcLang: 'de', tgtLang: 'fr', gold: (n) => `gold/${n}` },
    { id: 'bible', name: `Bible ${opt('--docs', '001')} en→zh (verse-merged)`, dir: 'bible', src: 'src', tgt: 'tgt', srcLang: 'en', tgtLang: 'zh', gold: (n) => `gold/${n}.align`, docs: opt('--docs', '001').split(',') },
  ].filter((s) => which === 'all' ? s.id !== 'bible' || flag('--bible') : s.id === which);
  const bands = flag('--bands');
  for (const set of sets) {
    const dir = path.join(DATA, set.dir);
    const docs = set.docs ?? readdirSync(path.join(dir, set.src)).filter((f) => /^\d+$/.test(f)).sort();
    const tot = {};
    const band = [];
    const t0 = performance.now();
    const per = [];
    for (const n of docs) {
      const srcT = readLines(path.join(dir, set.src, n));
      const tgtT = readLines(path.join(dir, set.tgt, n));
      const mk = (t, i, l) => ({ id: `${l}.${i}`, text: t });
      const res = lib.align(srcT.map((t, i) => mk(t, i, 's')), tgtT.map((t, i) => mk(t, i, 't')), { srcLang: set.srcLang, tgtLang: set.tgtLang, lexicon, params, learn: !flag('--no-learn') });
      let pred = res.links.map((l) => [l.src.map((s) => Number(s.id.slice(2))), l.tgt.map((s) => Number(s.id.slice(2)))]);
      let gold = parseAlign(readFileSync(path.join(dir, set.gold(n)), 'utf8'));
      if (set.id === 'bible') {
        const sv = readLines(path.join(dir, 'src.verse'));
        const tv = readLines(path.join(dir, 'tgt.verse'));
        pred = mergeByVerse(pred, sv, tv);
        gold = mergeByVerse(gold, sv, tv);
      }
      const c = scoreCounts(pred, gold);
      add(tot, c);
      per.push(`${n}:${fmt(prf(c).f)}`);
      if (bands) {
        const goldSet = new Set(gold.map(key));
        for (const l of res.links) {
          if (!l.src.length || !l.tgt.length) continue;
          const b = Math.min(9, Math.floor(l.score * 10));
          band[b] ??= [0, 0];
          band[b][0]++;
          if (goldSet.has(key([l.src.map((s) => Number(s.id.slice(2))), l.tgt.map((s) => Number(s.id.slice(2)))]))) band[b][1]++;
        }
      }
    }
    const s = prf(tot);
    const ms = performance.now() - t0;
    console.log(`${set.name.padEnd(32)} strict P/R/F1 ${fmt(s.p)}/${fmt(s.r)}/${fmt(s.f)}  lax F1 ${fmt(s.lf)}  (${docs.length} docs, ${tot.nGold} gold links, ${ms.toFixed(0)} ms${lexicon ? '' : ', no dictionary'})  ${per.join(' ')}`);
    if (bands) {
      console.log('  confidence band: links, strict precision');
      for (let b = 0; b < 10; b++) if (band[b]) console.log(`  [${(b / 10).toFixed(1)}, ${((b + 1) / 10).toFixed(1)}${b === 9 ? ']' : ')'}: ${String(band[b][0]).padStart(5)}  ${fmt(band[b][1] / band[b][0])}`);
    }
  }
}

await main();
