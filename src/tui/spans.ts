/**
 * Units a translator picks a term span from with the arrow keys: words (letters/digits with inner hyphens and
 * apostrophes) in space-separated languages, single characters (no spaces or punctuation) in Chinese/Japanese.
 */
import { isScriptioContinua } from '../lang/tags.js';

export interface Span {
  /** First unit. */
  start: number;
  /** Number of units. */
  length: number;
}

/** [start, end) offsets of the pickable units of `text`. */
export function pickUnits(text: string, lang: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = isScriptioContinua(lang) ? /[\p{L}\p{N}]/gu : /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
  for (const m of text.matchAll(re)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}
