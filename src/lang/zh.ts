/** Chinese as data: sentence enders, closing and opening punctuation. */
import type { SegmentationProfile } from './profile.js';

export const ZH: SegmentationProfile = {
  lang: 'zh',
  spaceSeparated: false,
  // 。！？ full width, ASCII !? (mixed punctuation is common), full-width ideographic full stop variants.
  enders: '。！？!?｡',
  ellipses: ['……', '…', '...'],
  asciiPeriodEnds: 'after-han',
  closers: '”’」』）》〉】〕〗］｝)"\']',
  openers: '“‘「『（《〈【〔〖［｛("\'[',
  // After 。” a ，、；： shows the quoted sentence is part of a longer one.
  continuers: '，、；：,;:',
  requireNonLowerStart: false,
  nonFinalAbbreviations: new Set(),
  abbreviations: new Set(),
  numberAbbreviations: new Set(),
  sentenceStarters: new Set(),
  quotePairs: ['“”', '「」', '『』', '‘’', '《》', '〈〉', '（）'],
  dashes: '—–',
  // No speech-attribution rule: Chinese closes a quoted sentence with 。！？ inside the quotation, so “……？”汪淼问。
  // is two sentences by its own punctuation (as hand-aligned corpora split it).
};
