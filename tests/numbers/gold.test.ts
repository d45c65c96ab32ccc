// compareNumbers on hand-aligned real translations (../shared/eval/data, absent on a user's clone: skipped then):
// how often it reports a correct link (false alarms), and how often it catches a number changed on purpose.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareNumbers, extractNumbers } from '../../src/lang/index.js';
import { SHARED } from '../helpers.js';

const DATA = path.join(SHARED, 'eval/data');

interface Pair {
  src: string;
  tgt: string;
}

/** Gold links of one document, both sides joined, links with an empty side left out. */
function goldPairs(srcFile: string, tgtFile: string, goldFile: string, srcLang: string, tgtLang: string): Pair[] {
  const src = readFileSync(srcFile, 'utf8').split('\n');
  const tgt = readFileSync(tgtFile, 'utf8').split('\n');
  const out: Pair[] = [];
  for (const line of readFileSync(goldFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const [a, b] = line.split(':').map((x) => JSON.parse(x) as number[]);
    if (!a.length || !b.length) continue;
    out.push({ src: a.map((i) => src[i]).join(srcLang === 'zh' ? '' : ' '), tgt: b.map((i) => tgt[i]).join(tgtLang === 'zh' ? '' : ' ') });
  }
  return out;
}

const ZH_NEXT: Record<string, string> = { 一: '二', 二: '三', 两: '三', 三: '四', 四: '五', 五: '六', 六: '七', 七: '八', 八: '九', 九: '七' };
const EN_NEXT: Record<string, string> = { one: 'two', two: 'three', three: 'four', four: 'five', five: 'six', six: 'seven', seven: 'eight', eight: 'nine', nine: 'seven', ten: 'eleven' };

/** The same written form with another value: 2016 → 2017, 一百二十七 → 一百二十八, "seven and twenty" → "eight and twenty". */
function changeNumber(raw: string): string | undefined {
  const d = /\d(?=\D*$)/.exec(raw);
  if (d) return raw.slice(0, d.index) + String((Number(d[0]) + 1) % 10) + raw.slice(d.index + 1);
  for (let i = raw.length - 1; i >= 0; i--) if (ZH_NEXT[raw[i]]) return raw.slice(0, i) + ZH_NEXT[raw[i]] + raw.slice(i + 1);
  const w = /\b(one|two|three|four|five|six|seven|eight|nine|ten)\b/i.exec(raw);
  if (w) return raw.slice(0, w.index) + EN_NEXT[w[1].toLowerCase()] + raw.slice(w.index + w[1].length);
  return undefined;
}

/** Share of links reported, and share of the other links caught after one number of the target is changed. */
function measure(pairs: Pair[], srcLang: string, tgtLang: string): { links: number; reported: number; perturbed: number; caught: number } {
  let reported = 0;
  let perturbed = 0;
  let caught = 0;
  for (const p of pairs) {
    const r = compareNumbers(p.src, srcLang, p.tgt, tgtLang);
    if (r.missingInTarget.length || r.extraInTarget.length) {
      reported++;
      continue;
    }
    // Change the first strong matched number of the target: its last digit, Chinese digit or English unit word.
    let changed: string | undefined;
    for (const [, t] of r.matched) {
      if (t.weak) continue;
      const raw = changeNumber(t.raw);
      if (raw === undefined) continue;
      changed = p.tgt.slice(0, t.start) + raw + p.tgt.slice(t.end);
      break;
    }
    if (changed === undefined) continue;
    perturbed++;
    const r2 = compareNumbers(p.src, srcLang, changed, tgtLang);
    if (r2.missingInTarget.length || r2.extraInTarget.length) caught++;
  }
  return { links: pairs.length, reported, perturbed, caught };
}

describe.skipIf(!existsSync(DATA))('on gold alignments of real translations', () => {
  it('MAC-Dev (zh→en, six novels): reports under 2% of the correct links', () => {
    const pairs: Pair[] = [];
    for (const n of ['001', '002', '003', '004', '005', '006']) {
      pairs.push(...goldPairs(`${DATA}/mac-dev-2021/zh/${n}`, `${DATA}/mac-dev-2021/en/${n}`, `${DATA}/mac-dev-2021/gold/${n}.align`, 'zh', 'en'));
    }
    const m = measure(pairs, 'zh', 'en');
    console.log(`MAC-Dev: ${m.links} links, ${m.reported} reported (${((100 * m.reported) / m.links).toFixed(2)}%); changed numbers caught ${m.caught}/${m.perturbed}`);
    expect(m.reported / m.links).toBeLessThan(0.02);
    expect(m.caught / m.perturbed).toBeGreaterThan(0.9);
  });

  it('Bible 001 (en→zh, archaic English number words): reports under 1% of the links, catches changed numbers', () => {
    const pairs = goldPairs(`${DATA}/bible/src/001`, `${DATA}/bible/tgt/001`, `${DATA}/bible/gold/001.align`, 'en', 'zh');
    const m = measure(pairs, 'en', 'zh');
    console.log(`Bible 001: ${m.links} links, ${m.reported} reported (${((100 * m.reported) / m.links).toFixed(2)}%); changed numbers caught ${m.caught}/${m.perturbed}`);
    expect(m.reported / m.links).toBeLessThan(0.01);
    expect(m.caught / m.perturbed).toBeGreaterThan(0.9);
  });

  it('finds the numbers of Bible verses written in Chinese numerals (一百二十七 ↔ an hundred and seven and twenty)', () => {
    const zh = readFileSync(`${DATA}/bible/tgt/001`, 'utf8').split('\n');
    const n = zh.reduce((k, s) => k + extractNumbers(s, 'zh').filter((m) => !m.weak && m.value >= 11).length, 0);
    expect(n).toBeGreaterThan(100);
  });
});
