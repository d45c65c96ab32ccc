// Sentence boundaries against a hand-made split: the MAC-Dev corpus (6 chapters of Chinese novels and their English
// translations, one annotated sentence per line) in ../shared/eval/data. Read from there (never copied); skipped
// on a clone without it. The lines of each chapter are joined into one paragraph and re-split; boundary F1 must
// stay above a floor (measured: zh 0.986, en 0.995).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/segment/index.js';
import { SHARED } from '../helpers.js';

const MAC = path.join(SHARED, 'eval/data/mac-dev-2021');

function boundaryF1(lang: 'zh' | 'en'): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const f of readdirSync(path.join(MAC, lang)).filter((x) => /^\d+$/.test(x))) {
    const lines = readFileSync(path.join(MAC, lang, f), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    const sep = lang === 'zh' ? '' : ' ';
    const gold = new Set<number>();
    let pos = 0;
    for (const l of lines.slice(0, -1)) {
      pos += l.length;
      gold.add(pos);
      pos += sep.length;
    }
    const pred = splitSentences(lines.join(sep), lang).slice(0, -1).map(([, e]) => e);
    for (const p of pred) if (gold.has(p)) tp++; else fp++;
    fn += gold.size - pred.filter((p) => gold.has(p)).length;
  }
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  const f1 = (2 * p * r) / (p + r);
  console.log(`MAC-Dev ${lang} sentence boundaries: P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)} (${tp + fn} gold boundaries)`);
  return f1;
}

describe.skipIf(!existsSync(MAC))('sentence boundaries on MAC-Dev (hand-split literary text)', () => {
  it('Chinese boundary F1 ≥ 0.97', () => expect(boundaryF1('zh')).toBeGreaterThanOrEqual(0.97));
  it('English boundary F1 ≥ 0.98', () => expect(boundaryF1('en')).toBeGreaterThanOrEqual(0.98));
});
