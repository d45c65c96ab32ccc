/**
 * Rule-based sentence boundary detection on one paragraph, driven by a language profile (src/lang/*.ts):
 * a boundary is an ender (or an ellipsis) followed by its closing quotes/brackets and by the start of a new
 * sentence. In the spirit of SRX break/no-break rules and of the Punkt heuristics for abbreviations
 * (Kiss & Strunk 2006: abbreviation lists, initials, orthographic evidence of the next word), without the
 * statistics; dialogue rules (ellipsis inside a quotation, stutter, speech attribution, interrupted speech) follow
 * the sentence split of hand-aligned literary corpora. Linear in the length of the text.
 */
import type { Lang } from '../model/types.js';
import { segmentationProfile, type SegmentationProfile } from '../lang/profile.js';
import { isDigit, isHan, isLower, isSpace, isUpper } from '../lang/script.js';

const DOTTED_ACRONYM = /^(?:[A-Za-z]\.)+[A-Za-z]$/;
const ROMAN = /^(?:[IVXLC]{1,6}|[ivxlc]{1,6})$/;
const QUOTE_CLOSERS = '"\'”’」』»›';

type Kind = 'period' | 'strong' | 'ellipsis' | 'interrupt';

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

/** Nesting depth of the profile's quotation pairs, advanced monotonically along the text. */
class QuoteDepth {
  private pos = 0;
  private depth: number[];
  constructor(
    private text: string,
    private pairs: string[],
  ) {
    this.depth = pairs.map(() => 0);
  }
  /** Is some quotation open just before position `to`? */
  openAt(to: number): boolean {
    for (; this.pos < to; this.pos++) {
      const c = this.text[this.pos];
      for (let q = 0; q < this.pairs.length; q++) {
        if (c === this.pairs[q][0]) {
          // A title mark counts only when its closing mark follows soon (a stray 《 must not swallow the paragraph).
          const title = c === '《' || c === '〈';
          if (!title || this.text.slice(this.pos + 1, this.pos + 100).includes(this.pairs[q][1])) this.depth[q]++;
        }
        else if (c === this.pairs[q][1] && this.depth[q] > 0) this.depth[q]--;
      }
    }
    return this.depth.some((d, q) => d > 0 && this.pairs[q][0] !== '《' && this.pairs[q][0] !== '（');
  }
  /** Inside a title 《…》 (book, law, document): enders there belong to the title. Call after openAt(to). */
  inTitle(): boolean {
    return this.depth.some((d, q) => d > 0 && (this.pairs[q][0] === '《' || this.pairs[q][0] === '〈'));
  }
}

/**
 * Sentence ranges [start, end) in `text` (one paragraph), trimmed of surrounding white space; together they cover
 * every non-space character of the text.
 */
export function splitSentences(text: string, lang: Lang): Array<[number, number]> {
  const P = segmentationProfile(lang);
  const n = text.length;
  const out: Array<[number, number]> = [];
  const quotes = new QuoteDepth(text, P.quotePairs);
  let sentStart = 0;
  while (sentStart < n && isSpaceAt(text, sentStart)) sentStart++;
  let i = sentStart;
  while (i < n) {
    const c = text[i];
    let len = 0;
    let kind: Kind | undefined;
    for (const el of P.ellipses) {
      if (text.startsWith(el, i)) {
        len = el.length;
        kind = 'ellipsis';
        break;
      }
    }
    if (!kind) {
      if (c === '.' || c === '．') {
        // Chinese text sometimes has an ASCII or full-width stop for 。: it ends a sentence only right after a Han character.
        if (P.asciiPeriodEnds === 'always') kind = c === '.' ? 'period' : undefined;
        else if (i > 0 && isHan(text.charCodeAt(i - 1)) && !/[A-Za-z0-9０-９]/.test(text[i + 1] ?? '')) kind = 'strong';
      } else if (P.enders.includes(c)) kind = 'strong';
      else if (P.dashes.includes(c) && QUOTE_CLOSERS.includes(text[i + 1] ?? '')) kind = 'interrupt';
      if (kind) len = 1;
    }
    if (!kind) {
      i++;
      continue;
    }
    const openBefore = quotes.openAt(i);
    if (quotes.inTitle()) {
      i++;
      continue;
    }
    // The run of enders ("?!", "！？", "。。", "?...", ". . . ."), then closing quotes and brackets.
    let j = i + len;
    for (;;) {
      if (j < n && (P.enders.includes(text[j]) || text[j] === '.' || text[j] === '…')) j++;
      else if (text[j] === ' ' && text[j + 1] === '.' && kind === 'ellipsis') j += 2;
      else break;
    }
    // "。 ”": a space slipped in before the closing quote of an open quotation.
    if (openBefore && text[j] === ' ' && '”’」』'.includes(text[j + 1] ?? '')) j++;
    const closersFrom = j;
    while (j < n && P.closers.includes(text[j])) j++;
    let k = j;
    while (k < n && isSpaceAt(text, k)) k++;
    if (k >= n) break; // end of paragraph: the last sentence closes below
    if (!boundary(text, i, closersFrom, j, k, kind, sentStart, openBefore, P)) {
      i = j > i ? j : i + 1;
      continue;
    }
    // Speech attribution after a quotation that opens the sentence: '"Why?" Wang asked.' stays one sentence.
    if (P.attribution && j > closersFrom && QUOTE_CLOSERS.includes(text[j - 1]) && P.openers.includes(text[sentStart]) && P.attribution.test(text.slice(k, k + 80))) {
      i = k;
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

/** Is there a sentence boundary between the ender run [i, j) (closers from `closersFrom`) and the next text at k? */
function boundary(text: string, i: number, closersFrom: number, j: number, k: number, kind: Kind, sentStart: number, openBefore: boolean, P: SegmentationProfile): boolean {
  const next = text[k];
  if (P.continuers.includes(next)) return false;
  if (P.spaceSeparated && k === j && !(kind === 'interrupt' && P.openers.includes(next))) return false; // "3.5", "example.com", 'left."She'
  const { word, first } = wordAfter(text, k, P);
  if (P.requireNonLowerStart && isLower(first)) return false;
  if (kind === 'interrupt') return P.openers.includes(next) && j > closersFrom; // '…though—' 'Is that right?'
  if (kind === 'ellipsis') {
    // Inside a quotation an ellipsis is a pause ("“您能…… 说具体些吗？”"), unless the quotation closes with it.
    if (openBefore && j === closersFrom) return false;
    // A stutter: "我…… 我……", "I... I've", "什…… 什么".
    const before = /([\p{L}\p{N}]+)$/u.exec(text.slice(Math.max(0, i - 20), i))?.[1] ?? '';
    if (before && word) {
      const a = before.toLowerCase();
      const b = word.toLowerCase();
      if (P.spaceSeparated ? b.startsWith(a) || a.startsWith(b) : a[a.length - 1] === b[0]) return false;
    }
    return true;
  }
  if (kind !== 'period') return true;
  const tok = tokenBefore(text, i);
  if (!tok) return true;
  const low = tok.toLowerCase();
  // A number or letter that opens the sentence is a list label: "1. Open the file.", "IV. Results", "b. …".
  if (tokenStartsSentence(text, i - tok.length, sentStart, P) && (/^\d{1,3}$/.test(tok) || ROMAN.test(tok) || /^[A-Za-z]$/.test(tok))) return false;
  if (P.nonFinalAbbreviations.has(low)) return false;
  // A quotation or bracket closing right after the period ends the sentence: 'at one o'clock A.M." "Wow'.
  if (j > closersFrom) return true;
  if (P.numberAbbreviations.has(low) && isDigit(first.charCodeAt(0))) return false;
  // etc. Inc. Ltd. No.: a boundary before a capital ("… and ports, etc. The …"), not before a number or a bracket,
  // nor before another abbreviation ("Huawei Co. Ltd.").
  if (P.abbreviations.has(low)) return isUpper(first) && !(text[k + word.length] === '.' && P.abbreviations.has(word.toLowerCase()));
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
