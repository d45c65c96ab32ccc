/**
 * Rule-based sentence boundary detection on one paragraph, driven by a language profile (src/lang/*.ts):
 * a boundary is an ender (or an ellipsis) followed by its closing quotes/brackets and by the start of a new
 * sentence. In the spirit of SRX break/no-break rules and of the Punkt heuristics for abbreviations
 * (Kiss & Strunk 2006: abbreviation lists, initials, ortho-graphic evidence of the next word), without the
 * statistics. Linear in the length of the text.
 */
import type { Lang } from '../model/types.js';
import { segmentationProfile, type SegmentationProfile } from '../lang/profile.js';
import { isDigit, isHan, isLower, isSpace, isUpper } from '../lang/script.js';

const DOTTED_ACRONYM = /^(?:[A-Za-z]\.)+[A-Za-z]$/;
const ROMAN = /^(?:[IVXLC]{1,6}|[ivxlc]{1,6})$/;

function isSpaceAt(text: string, i: number): boolean {
  return i < text.length && isSpace(text.charCodeAt(i));
}

/** The word right before position `i` (letters and inner dots), e.g. "U.S" before the final ".", "Mr" in "Mr.". */
function tokenBefore(text: string, i: number): string {
  let s = i;
  while (s > 0 && i - s < 40 && /[A-Za-z0-9.]/.test(text[s - 1])) s--;
  return text.slice(s, i).replace(/^\.+/, '');
}

/** First word after `k`, skipping opening quotes/brackets. */
function wordAfter(text: string, k: number, P: SegmentationProfile): { word: string; first: string } {
  let s = k;
  while (s < text.length && P.openers.includes(text[s])) s++;
  const m = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u.exec(text.slice(s, s + 60));
  return { word: m ? m[0] : '', first: text[s] ?? '' };
}

function isWordStartUpperOrOther(first: string): boolean {
  // A new English sentence starts with anything but a lower-case letter.
  return !isLower(first);
}

/**
 * Sentence ranges [start, end) in `text` (one paragraph), trimmed of surrounding white space; together they cover
 * every non-space character of the text.
 */
export function splitSentences(text: string, lang: Lang): Array<[number, number]> {
  const P = segmentationProfile(lang);
  const n = text.length;
  const out: Array<[number, number]> = [];
  let sentStart = 0;
  while (sentStart < n && isSpaceAt(text, sentStart)) sentStart++;
  let i = sentStart;
  while (i < n) {
    const c = text[i];
    let len = 0;
    let kind: 'period' | 'strong' | 'ellipsis' | undefined;
    for (const el of P.ellipses) {
      if (text.startsWith(el, i)) {
        len = el.length;
        kind = 'ellipsis';
        break;
      }
    }
    if (!kind) {
      if (c === '.') {
        if (P.asciiPeriodEnds === 'always') kind = 'period';
        else if (i > 0 && isHan(text.charCodeAt(i - 1)) && !/[A-Za-z0-9]/.test(text[i + 1] ?? '')) kind = 'strong';
      } else if (P.enders.includes(c)) kind = 'strong';
      if (kind) len = 1;
    }
    if (!kind) {
      i++;
      continue;
    }
    // The run of enders ("?!", "！？", "。。", "?..."), then closing quotes and brackets.
    let j = i + len;
    while (j < n && (P.enders.includes(text[j]) || text[j] === '.' || text[j] === '…')) j++;
    while (j < n && P.closers.includes(text[j])) j++;
    let k = j;
    while (k < n && isSpaceAt(text, k)) k++;
    if (k >= n) break; // end of paragraph: the last sentence closes below
    if (!boundary(text, i, j, k, kind, sentStart, P)) {
      i = j;
      continue;
    }
    out.push([sentStart, trimEnd(text, sentStart, j)]);
    sentStart = k;
    i = k;
  }
  if (sentStart < n) {
    const e = trimEnd(text, sentStart, n);
    if (e > sentStart) out.push([sentStart, e]);
  }
  return out;
}

function trimEnd(text: string, s: number, e: number): number {
  while (e > s && isSpaceAt(text, e - 1)) e--;
  return e;
}

/** Is there a sentence boundary between the ender run [i, j) and the next text at k? */
function boundary(text: string, i: number, j: number, k: number, kind: 'period' | 'strong' | 'ellipsis', sentStart: number, P: SegmentationProfile): boolean {
  const next = text[k];
  if (P.continuers.includes(next)) return false;
  if (P.spaceSeparated && k === j) return false; // "3.5", "example.com", 'left."She' — no space, no boundary
  const { word, first } = wordAfter(text, k, P);
  if (P.requireNonLowerStart && !isWordStartUpperOrOther(first)) return false;
  if (kind !== 'period') return true;
  const tok = tokenBefore(text, i);
  if (!tok) return true;
  const low = tok.toLowerCase();
  // A number or letter that opens the sentence is a list label: "1. Open the file.", "IV. Results", "b. …".
  if (tokenStartsSentence(text, i - tok.length, sentStart, P) && (/^\d{1,3}$/.test(tok) || ROMAN.test(tok) || /^[A-Za-z]$/.test(tok))) return false;
  if (P.nonFinalAbbreviations.has(low)) return false;
  if (P.numberAbbreviations.has(low) && isDigit(first.charCodeAt(0))) return false;
  // etc. Inc. Ltd. No.: a boundary before a capital ("… and ports, etc. The …"), not before a number or a bracket.
  if (P.abbreviations.has(low)) return isUpper(first);
  // Initials (J. R. R. Tolkien) and dotted acronyms (U.S., a.m.): a boundary only before a usual sentence opener.
  if (/^[A-Z]$/.test(tok) || DOTTED_ACRONYM.test(tok)) return P.sentenceStarters.has(word);
  return true;
}

function tokenStartsSentence(text: string, tokStart: number, sentStart: number, P: SegmentationProfile): boolean {
  for (let q = sentStart; q < tokStart; q++) {
    if (!isSpaceAt(text, q) && !P.openers.includes(text[q])) return false;
  }
  return true;
}
