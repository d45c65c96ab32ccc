#!/usr/bin/env node
// `npm run eval`: alignment quality on the gold sets in ../shared/eval/data (MAC-Dev zh→en, Text+Berg de→fr,
// Bible en→zh). Strict and lax precision/recall/F1 with the Vecalign/Bertalign convention (empty links are left out
// of recall). Texts are read from ../shared only; nothing is copied into the repo.
// Usage: node bench/eval.mjs [--set mac|tb|bible|long|all] [--docs 001,006] [--no-dict] [--check-scorer] [--bands]
// [--params JSON]. `--set long`: the long-document path (anchors, stretches, bands) under stress — pairs of more than
// 4,000 sentences made from the gold sets: MAC-Dev and Text+Berg each twice in a row, with and without the dictionary,
// Bible 006 and 001 with untranslated blocks cut out (gold links re-indexed), and without the dictionary; strict F1 of
// all links, no verse merging.
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
  if (which === 'long') {
    longPairs(lib, lexicon, params);
    return;
  }
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

/** `--set long`: strict F1 of long pairs made from the gold sets (see the usage line). */
function longPairs(lib, lexicon, params) {
  const run = (name, [S, T, G], srcLang, tgtLang, lex) => {
    const t0 = performance.now();
    const res = lib.align(S.map((text, i) => ({ id: `s.${i}`, text })), T.map((text, i) => ({ id: `t.${i}`, text })), { srcLang, tgtLang, lexicon: lex, params });
    const pred = res.links.map((l) => [l.src.map((s) => Number(s.id.slice(2))), l.tgt.map((s) => Number(s.id.slice(2)))]);
    console.log(`${name.padEnd(34)} F1 ${prf(scoreCounts(pred, G)).f.toFixed(4)}  (${S.length} × ${T.length}, ${res.stats.anchors ?? 0} anchors, ${res.stats.localRepairs ?? 0} local repairs, ${(performance.now() - t0).toFixed(0)} ms)`);
  };
  // the documents of a set one after the other, `times` times, gold links shifted
  const concat = (dir, s, t, goldOf, times) => {
    const S = [];
    const T = [];
    const G = [];
    for (let r = 0; r < times; r++) {
      for (const n of readdirSync(path.join(DATA, dir, s)).filter((f) => /^\d+$/.test(f)).sort()) {
        for (const [x, y] of parseAlign(readFileSync(path.join(DATA, dir, goldOf(n)), 'utf8'))) G.push([x.map((i) => i + S.length), y.map((j) => j + T.length)]);
        S.push(...readLines(path.join(DATA, dir, s, n)));
        T.push(...readLines(path.join(DATA, dir, t, n)));
      }
    }
    return [S, T, G];
  };
  // source sentences [sa, sb) and target sentences [ta, tb) cut out: their partners' links lose them
  const cut = ([S, T, G], sa, sb, ta, tb) => {
    const keepS = (i) => i < sa || i >= sb;
    const keepT = (j) => j < ta || j >= tb;
    const G2 = [];
    for (const [x, y] of G) {
      const x2 = x.filter(keepS).map((i) => (i < sa ? i : i - (sb - sa)));
      const y2 = y.filter(keepT).map((j) => (j < ta ? j : j - (tb - ta)));
      if (x2.length || y2.length) G2.push([x2, y2]);
    }
    return [S.filter((_, i) => keepS(i)), T.filter((_, j) => keepT(j)), G2];
  };
  const bible = (n) => [readLines(path.join(DATA, 'bible/src', n)), readLines(path.join(DATA, 'bible/tgt', n)), parseAlign(readFileSync(path.join(DATA, `bible/gold/${n}.align`), 'utf8'))];
  const mac = concat('mac-dev-2021', 'zh', 'en', (n) => `gold/${n}.align`, 2);
  run('MAC-Dev ×2', mac, 'zh', 'en', lexicon);
  run('MAC-Dev ×2, no dictionary', mac, 'zh', 'en', undefined);
  run('Text+Berg ×2', concat('text+berg', 'de', 'fr', (n) => `gold/${n}`, 2), 'de', 'fr', undefined);
  const b6 = bible('006');
  const b1 = bible('001');
  run('Bible 006', b6, 'en', 'zh', lexicon);
  run('Bible 006, 300 + 400 sentences cut', cut(b6, 10000, 10300, 30000, 30400), 'en', 'zh', lexicon);
  run('Bible 006, no dictionary', b6, 'en', 'zh', undefined);
  run('Bible 001, 50 + 100 sentences cut', cut(b1, 2000, 2050, 4000, 4100), 'en', 'zh', lexicon);
  run('Bible 001, no dictionary', b1, 'en', 'zh', undefined);
}

await main();
