// Public API of src/align: the sentence aligner (pure, no I/O).
export { align, linksToBeads, confidence, DEFAULT_PARAMS } from './align.js';
export type { AlignSentence, AlignOptions, AlignResult, AlignStats, ScoreParams } from './align.js';
export { buildLexicon, mergeLexicons, parseCedict, parseCedictReadings, parseWordList, termBasePairs, longestMatch, glossStems } from './lexicon.js';
export type { Lexicon, BuildLexiconOptions } from './lexicon.js';
export { beadTypes, dpAlign, diagonalBand, bandAroundPath } from './dp.js';
export type { BeadType, Band, DpResult } from './dp.js';
export { numberValues, zhNumeralValue, lengthOf } from './text.js';
export { builtinLexicon, builtinReadings, decodeBuiltin } from './builtin.js';
