/**
 * Completeness: one side ends a sentence and the other stops mid-sentence (a translation cut off at a page break or by
 * an editor). The end of each side is compared after stripping closing quotes and brackets.
 */
import type { Check, PreparedLink } from '../types.js';
import { clip } from '../text.js';

const CLOSER_CHAR = /^[\s"'\u2019\u201d\u300d\u300f\uff09)\]\u3011\u300b\u3009*_]$/u;
const FINAL_CHAR = /^[.!?\u3002\uff0e\uff01\uff1f\u2026;\uff1b:\uff1a]$/u;
/** Stops mid-word: a letter, a digit, an ideograph, or a hyphen (a word cut at a page break, "frame-"). */
const OPEN_CHAR = /^[\p{L}\p{N}\-\u00ad]$/u;

/**
 * Class of each BMP code unit, filled on first use from the three patterns above: bit 1 closer, 2 final, 4 open
 * (astral code points are asked of OPEN_CHAR directly). The end of a side is then found by a backward scan instead
 * of a `…+$` regex, which V8 tries at every run of spaces.
 */
let charClass: Uint8Array | undefined;
function classTable(): Uint8Array {
  if (charClass) return charClass;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    t[c] = (CLOSER_CHAR.test(ch) ? 1 : 0) | (FINAL_CHAR.test(ch) ? 2 : 0) | (OPEN_CHAR.test(ch) ? 4 : 0);
  }
  return (charClass = t);
}

/** Offset after the last code unit that is not a space or a closing quote/bracket (0 when there is none). */
function endBeforeClosers(text: string): number {
  const t = classTable();
  let e = text.length;
  while (e > 0 && (t[text.charCodeAt(e - 1)] & 1) !== 0) e--;
  return e;
}

/**
 * 'final': ends a sentence; 'open': stops on a word (cut off); 'other': a comma, a dash, an ellipsis mark… — the
 * sentence runs on into the next link or breaks off on purpose (interrupted speech "let's see—'"), not a cut.
 */
function ends(text: string): 'final' | 'open' | 'other' | 'none' {
  const e = endBeforeClosers(text);
  if (e === 0) return 'none';
  const c = text.charCodeAt(e - 1);
  if (c >= 0xdc00 && c <= 0xdfff && e >= 2) {
    const h = text.charCodeAt(e - 2);
    if (h >= 0xd800 && h <= 0xdbff) return OPEN_CHAR.test(text.slice(e - 2, e)) ? 'open' : 'other';
  }
  const k = classTable()[c];
  if (k & 2) return 'final';
  if (k & 4) return 'open';
  return 'other';
}

/** The last word (or last CJK character) before trailing spaces and closers. */
function lastWordSpan(text: string): [number, number] {
  const end = endBeforeClosers(text);
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
  description: 'One side ends with sentence-final punctuation and the other stops on a word: that side is probably cut off (a page break, a lost line). Headings are not checked; an ending on a comma, a dash or an ellipsis (speech broken off on purpose) is not reported.',
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
