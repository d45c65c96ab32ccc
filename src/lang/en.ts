/** English as data: sentence enders, abbreviations, usual sentence openers, hyphenated-compound evidence. */
import type { SegmentationProfile } from './profile.js';

/** Titles and Latin abbreviations that are followed by more of the same sentence. */
const NON_FINAL = [
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'mt', 'ft', 'gen', 'col', 'lt', 'capt', 'sgt', 'cmdr', 'adm', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'messrs', 'mme', 'mlle',
  'e.g', 'i.e', 'cf', 'viz', 'vs', 'v', 'approx', 'ca', 'incl', 'esp', 'resp', 'dept', 'univ', 'assn', 'fig', 'figs', 'eq', 'eqs', 'ref', 'refs', 'ed', 'eds', 'trans', 'vol', 'vols',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];

/** Abbreviations that may also end a sentence ("… and Ltd. The next …"). Dotted acronyms (U.S., a.m.) and initials are recognised by shape in split.ts. */
const MAY_END = [
  'etc', 'inc', 'ltd', 'co', 'corp', 'llc', 'plc', 'jr', 'sr', 'bros', 'al', 'ph.d', 'no', 'nos', 'art', 'arts', 'sec', 'para', 'paras', 'ch', 'chap', 'p', 'pp', 'ibid',
];

/** Abbreviations that never end a sentence when a number follows (No. 5, Art. 12, p. 3, Sec. 2). */
const BEFORE_NUMBER = ['no', 'nos', 'art', 'arts', 'sec', 'para', 'paras', 'ch', 'chap', 'p', 'pp', 'fig', 'figs', 'vol', 'vols', 'op', 'ed'];

/** Capitalised words that usually open a sentence; after "etc." or an initial they signal a real sentence end. */
const STARTERS = [
  'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You', 'There', 'Here', 'His', 'Her', 'Their', 'Our', 'My', 'Your',
  'In', 'On', 'At', 'By', 'For', 'From', 'With', 'As', 'To', 'Of', 'After', 'Before', 'During', 'Since', 'Under', 'Over', 'Through', 'Thanks', 'According',
  'But', 'And', 'Or', 'So', 'Yet', 'However', 'Moreover', 'Furthermore', 'Therefore', 'Thus', 'Meanwhile', 'Also', 'Still', 'Then', 'Now', 'When', 'While', 'If', 'Although', 'Because',
  'Subsequently', 'Finally', 'First', 'Second', 'Third', 'Today', 'Yesterday', 'Such', 'Some', 'Many', 'Most', 'All', 'Each', 'Every', 'No', 'Not', 'What', 'Why', 'How', 'Where', 'Who', 'Which',
];

/** Verbs of saying, for speech attribution after a quotation ('"Why?" Wang asked.'). */
const SPEECH_VERBS = [
  'said', 'asked', 'replied', 'answered', 'cried', 'shouted', 'whispered', 'muttered', 'murmured', 'exclaimed', 'protested', 'snapped', 'called', 'added', 'insisted',
  'demanded', 'yelled', 'screamed', 'laughed', 'sighed', 'thought', 'wondered', 'explained', 'repeated', 'agreed', 'admitted', 'observed', 'remarked', 'responded', 'retorted',
  'suggested', 'groaned', 'gasped', 'urged', 'pleaded', 'says', 'asks', 'replies',
];

export const EN: SegmentationProfile = {
  lang: 'en',
  spaceSeparated: true,
  enders: '.!?',
  ellipses: ['...', '…', '. . .'],
  asciiPeriodEnds: 'always',
  closers: '"\'”’)]}»›',
  openers: '"\'“‘([{«‹',
  continuers: ',;:',
  requireNonLowerStart: true,
  nonFinalAbbreviations: new Set(NON_FINAL),
  abbreviations: new Set(MAY_END),
  numberAbbreviations: new Set(BEFORE_NUMBER),
  sentenceStarters: new Set(STARTERS),
  quotePairs: ['“”'],
  dashes: '—–-',
  // Wang asked. / Sha Ruishan said quietly. / He replied. — one to three capitalised words, an optional adverb, a verb of saying, the end.
  attribution: new RegExp(`^(?:[A-Z][\\w'’-]*\\s+){1,3}(?:\\w+ly\\s+)?(?:${SPEECH_VERBS.join('|')})(?:\\s+\\w+ly)?[.!?]`),
};

/**
 * Evidence for keeping the hyphen of a word broken at a line or page end ("data-" + "sharing"):
 * second parts that are words of their own in hyphenated compounds.
 */
export const HYPHEN_SECOND_PARTS: ReadonlySet<string> = new Set([
  'based', 'related', 'oriented', 'driven', 'led', 'owned', 'run', 'made', 'free', 'friendly', 'specific', 'wide', 'level', 'scale', 'term', 'time', 'quality', 'sharing', 'making', 'building',
  'like', 'style', 'type', 'sized', 'size', 'class', 'rate', 'border', 'pandemic', 'commerce', 'mail', 'government', 'business', 'intensive', 'centric', 'focused', 'sensitive', 'aware', 'enabled',
  'facing', 'looking', 'reaching', 'ranging', 'lasting', 'standing', 'known', 'being', 'up', 'down', 'out', 'off', 'over', 'in', 'on', 'to', 'by',
]);

/** First parts that keep their hyphen when the second part is a word (self-reliance, cross-border, high-quality). */
export const HYPHEN_FIRST_PARTS: ReadonlySet<string> = new Set([
  'self', 'ex', 'all', 'well', 'half', 'cross', 'high', 'low', 'long', 'short', 'full', 'post', 'non', 'anti', 'co', 'multi', 'inter', 'intra', 'semi', 'mid', 'pan', 'sub', 'super', 'ultra', 'large', 'small', 'mid', 'state', 'world', 'first', 'second', 'third', 'two', 'three', 'one',
]);
