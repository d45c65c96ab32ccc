// Public API of src/lang: language knowledge as data and small helpers.
export * from './tags.js';
export { segmentationProfile, type SegmentationProfile } from './profile.js';
export { EN, HYPHEN_FIRST_PARTS, HYPHEN_SECOND_PARTS } from './en.js';
export { ZH } from './zh.js';
export { isHan, isLatinLetter, isCjkChar, isSpace } from './script.js';
export * from './numbers.js';
