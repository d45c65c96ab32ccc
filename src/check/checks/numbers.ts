/**
 * Numbers: every number of the source has its counterpart in the target, across written forms (Arabic digits,
 * Chinese numerals, 万/亿 scaling, ordinals, percentages, dates, English number words). The matching is
 * src/lang/numbers.ts `compareNumbers` (multiset matching of mentions denoting the same quantity; weak mentions such
 * as 一个/"first"/5G are never reported).
 */
import type { Check, PreparedLink, FindingDraft } from '../types.js';
import { compareNumbers, type NumberComparison, type NumberMention } from '../../lang/numbers.js';

let last: { p?: PreparedLink; r?: NumberComparison } = {};
function compare(p: PreparedLink): NumberComparison {
  if (last.p === p && last.r) return last.r;
  const r = compareNumbers(p.src, p.srcLang, p.tgt, p.tgtLang);
  last = { p, r };
  return r;
}

function show(m: NumberMention): string {
  const v = m.kind === 'percent' ? `${m.value}%` : String(m.value);
  return m.raw.replace(/\s+/g, ' ') === v ? `"${m.raw}"` : `"${m.raw}" (${v})`;
}

export const numberMissing: Check = {
  id: 'number-missing',
  title: 'Number missing or different in the translation',
  description: 'A number of the source (in any form: 23, 二十三, 1.2万, 第十四次, 百分之三十, 2015年5月) has no counterpart in the translation: it was left out or changed.',
  group: 'numbers',
  defaultSeverity: 'error',
  link(p) {
    if (p.src.trim() === '' || p.tgt.trim() === '') return undefined;
    const r = compare(p);
    if (r.missingInTarget.length === 0) return undefined;
    const out: FindingDraft[] = [];
    for (const m of r.missingInTarget) {
      const instead = r.extraInTarget.length ? `; the translation has ${r.extraInTarget.slice(0, 3).map(show).join(', ')}` : '';
      out.push({ message: `the number ${show(m)} is not in the translation${instead}`, srcSpan: [m.start, m.end], ...(r.extraInTarget[0] ? { tgtSpan: [r.extraInTarget[0].start, r.extraInTarget[0].end] as [number, number] } : {}), data: { value: m.value, kind: m.kind, raw: m.raw } });
    }
    return out;
  },
};

export const numberExtra: Check = {
  id: 'number-extra',
  title: 'Number in the translation not in the source',
  description: 'The translation has a number that the source does not have in any form: it was added, or it is a wrong number (then number-missing reports the source side too). Small numbers spelled out in words ("the two sides" for 双方) are not reported.',
  group: 'numbers',
  defaultSeverity: 'info',
  link(p) {
    if (p.src.trim() === '' || p.tgt.trim() === '') return undefined;
    const r = compare(p);
    // Small numbers spelled out are usually explicitation (双方 → "the two sides", 两国 → "both countries"): not reported.
    const extra = r.extraInTarget.filter((m) => /\d/.test(m.raw) || m.value >= 10 || m.kind === 'percent');
    if (extra.length === 0) return undefined;
    return extra.map((m) => ({ message: `the number ${show(m)} in the translation is not in the source`, tgtSpan: [m.start, m.end] as [number, number], data: { value: m.value, kind: m.kind, raw: m.raw } }));
  },
};
