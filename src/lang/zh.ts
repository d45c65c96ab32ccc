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
};
