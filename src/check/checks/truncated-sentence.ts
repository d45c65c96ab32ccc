/**
 * Completeness: one side ends a sentence and the other stops mid-sentence (a translation cut off at a page break or by
 * an editor). The end of each side is compared after stripping closing quotes and brackets.
 */
import type { Check, PreparedLink } from '../types.js';
import { clip } from '../text.js';

const CLOSERS = /[\s"'\u2019\u201d\u300d\u300f\uff09)\]\u3011\u300b\u3009*_]+$/u;
const FINAL = /[.!?\u3002\uff0e\uff01\uff1f\u2026;\uff1b:\uff1a]$/u;

function ends(text: string): 'final' | 'open' | 'none' {
  const t = text.replace(CLOSERS, '');
  if (t === '') return 'none';
  if (FINAL.test(t)) return 'final';
  return 'open';
}

/** The last word (or last CJK character) before trailing spaces and closers. */
function lastWordSpan(text: string): [number, number] {
  const end = text.replace(CLOSERS, '').length;
  const m = /(?:[\p{L}\p{N}'’-]+|.)$/u.exec(text.slice(0, end));
  const len = m ? (/\p{Script=Han}/u.test(m[0]) ? 1 : m[0].length) : 1;
  return [Math.max(0, end - len), end];
}

function lastWords(text: string): string {
  const t = text.trim();
  return t.length <= 40 ? t : '…' + t.slice(t.length - 39);
}

export const truncatedSentence: Check = {
  id: 'truncated-sentence',
  title: 'Sentence cut off',
  description: 'One side ends with sentence-final punctuation and the other does not: the shorter side is probably cut off (a page break, a lost line) or runs on into the next link. Headings are not checked.',
  group: 'completeness',
  defaultSeverity: 'warning',
  link(p: PreparedLink) {
    if (p.heading || p.src.trim() === '' || p.tgt.trim() === '') return undefined;
    const s = ends(p.src);
    const t = ends(p.tgt);
    if (s === 'final' && t === 'open') {
      return [{ message: `the translation stops mid-sentence: "${lastWords(p.tgt)}" (the source ends its sentence)`, tgtSpan: lastWordSpan(p.tgt), data: { side: 'target', ending: clip(p.tgt.slice(-40), 40) } }];
    }
    if (s === 'open' && t === 'final') {
      return [{ message: `the source stops mid-sentence: "${lastWords(p.src)}" (the translation ends its sentence)`, srcSpan: lastWordSpan(p.src), data: { side: 'source' } }];
    }
    return undefined;
  },
};
