/**
 * Re-joining a word hyphenated at a line or page break ("frame-" + "works" → "frameworks") versus keeping a real
 * hyphenated compound ("data-" + "sharing" → "data-sharing"). Decided by evidence, in this order:
 *  1. the document itself: how often the hyphenated form ("data-sharing") and the joined form ("datasharing",
 *     also with -s/-es/-ed/-ing variants) occur elsewhere; the more frequent wins, a tie keeps the hyphen;
 *  2. the first part is a single letter, an acronym or a number (e-, COVID-, G20-): keep;
 *  3. the second part is a word commonly used as a compound's second part (based, related, sharing…): keep;
 *  4. the first part is a prefix that takes a hyphen (self-, cross-, high-, post-…) and the second part is a word
 *     seen on its own in the document: keep;
 *  5. both parts are words seen on their own elsewhere in the document: keep;
 *  6. otherwise the hyphen is a typesetting break: join.
 */
import { HYPHEN_FIRST_PARTS, HYPHEN_SECOND_PARTS } from '../lang/en.js';

export interface HyphenEvidence {
  /** Lower-cased hyphenated compounds → count ("e-commerce"). */
  compounds: Map<string, number>;
  /** Lower-cased words standing alone (not part of a compound) → count. */
  words: Map<string, number>;
}

const COMPOUND = /[A-Za-z]+(?:-[A-Za-z]+)+/g;
// A word not glued to a hyphen on either side (the fragment before a break, "frame-\n", counts: see `occurrences`).
const WORD = /(?<![A-Za-z-])[A-Za-z]+(?![A-Za-z]|-[A-Za-z])/g;

export function collectHyphenEvidence(text: string): HyphenEvidence {
  const compounds = new Map<string, number>();
  const words = new Map<string, number>();
  for (const m of text.matchAll(COMPOUND)) {
    const k = m[0].toLowerCase();
    compounds.set(k, (compounds.get(k) ?? 0) + 1);
  }
  for (const m of text.matchAll(WORD)) {
    const k = m[0].toLowerCase();
    words.set(k, (words.get(k) ?? 0) + 1);
  }
  return { compounds, words };
}

function count(map: Map<string, number>, key: string): number {
  return map.get(key) ?? 0;
}

function joinedVariants(joined: string): string[] {
  const v = [joined, joined + 's', joined + 'es', joined + 'ed', joined + 'ing'];
  for (const suf of ['s', 'es', 'ed', 'ing', 'd']) if (joined.endsWith(suf) && joined.length > suf.length + 3) v.push(joined.slice(0, -suf.length));
  return v;
}

/**
 * Keep the hyphen between `left` (the letters before the hyphen at the break) and `right` (the word after it)?
 * The break's own fragments are discounted from the evidence (they occur once each in the text as "left-" and "right").
 */
export function keepHyphen(left: string, right: string, ev: HyphenEvidence): boolean {
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  const compound = count(ev.compounds, `${l}-${r}`);
  const joined = joinedVariants(l + r).reduce((n, k) => n + count(ev.words, k), 0);
  if (compound > 0 || joined > 0) return compound >= joined;
  if (left.length === 1 || /^[A-Z0-9]+$/.test(left) || /\d/.test(left)) return true;
  if (HYPHEN_SECOND_PARTS.has(r)) return true;
  const rightAlone = count(ev.words, r) - 1 > 0;
  const leftAlone = count(ev.words, l) - 1 > 0;
  if (HYPHEN_FIRST_PARTS.has(l) && rightAlone) return true;
  if (leftAlone && rightAlone) return true;
  return false;
}
