/**
 * A segmentation profile: what a language's sentences look like, as data. The segmenter (src/segment/split.ts)
 * reads a profile and never branches on the language tag itself.
 */
import type { Lang } from '../model/types.js';
import { primaryLanguage } from './tags.js';
import { EN } from './en.js';
import { ZH } from './zh.js';

export interface SegmentationProfile {
  /** Primary language tag. */
  lang: string;
  /** Words are separated by spaces (a line break inside a paragraph becomes a space). */
  spaceSeparated: boolean;
  /** Characters that end a sentence wherever they stand (subject to the follow-up rules). */
  enders: string;
  /** Ellipsis spellings; they end a sentence only when what follows starts a new one. */
  ellipses: string[];
  /** Treat ASCII "." as an ender (English); Chinese only counts it after a Han character. */
  asciiPeriodEnds: 'always' | 'after-han';
  /** Closing quotes and brackets that stay with the sentence they close. */
  closers: string;
  /** Opening quotes and brackets that may start a sentence. */
  openers: string;
  /** Characters after an ender (and its closers) that show the sentence goes on: ，、；： in Chinese. */
  continuers: string;
  /** A new sentence must start with a non-lowercase letter (English); in Chinese anything may follow. */
  requireNonLowerStart: boolean;
  /** Abbreviations (lower case, without the final period) that never end a sentence: Mr. Dr. e.g. */
  nonFinalAbbreviations: ReadonlySet<string>;
  /** Abbreviations that end a sentence only when the next word is a usual sentence opener: etc. Inc. U.S. */
  abbreviations: ReadonlySet<string>;
  /** Abbreviations that do not end a sentence when a number follows: No. 5, Art. 12, p. 3. */
  numberAbbreviations: ReadonlySet<string>;
  /** Words that usually open a sentence (capitalised form), used after an ambiguous abbreviation or initial. */
  sentenceStarters: ReadonlySet<string>;
  /** Unambiguous quotation pairs (opening + closing character) whose nesting is tracked: an ellipsis inside an open quotation does not end a sentence. */
  quotePairs: string[];
  /** Dashes that mark interrupted speech: dash + closing quote + opening quote is a boundary. */
  dashes: string;
  /**
   * Speech attribution after a quotation that opens the sentence ('"Can you print it?" Wang asked.',
   * '“倒计时的尽头是什么？”汪淼无力地问。'): a short tail matching this pattern stays in the sentence.
   */
  attribution?: RegExp;
}

const PROFILES: Record<string, SegmentationProfile> = { en: EN, zh: ZH };

/** The profile of a language; languages without their own profile use the English one (Latin-script rules). */
export function segmentationProfile(lang: Lang): SegmentationProfile {
  const p = PROFILES[primaryLanguage(lang)];
  if (p) return p;
  return primaryLanguage(lang) === 'ja' ? ZH : EN;
}
