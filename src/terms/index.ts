// Public API of src/terms: term base (merge, validate), matcher (Aho–Corasick, Chinese on characters), extraction.
export { compileTermBase, type TermMatch, type TermMatcher, type FindOptions, type CompileOptions } from './matcher.js';
export { mergeTermBases, parseTermStatus, termKey, preferredTerms, conceptIdFor, type TermRowLike } from './termbase.js';
export { normalizeChinese, normalizeCharText, stemEnglishWord, tokenizeWords, wordKey, type WordToken } from './normalize.js';
export { AhoCorasick, type AcHit } from './ahocorasick.js';
export { extractTerms, extractTermsFrom, extractionTexts, analyzeLinks, LinkAnalysis, type PackedLinks, type TermCandidate, type ExtractOptions, type ExtractLexicon } from './extract.js';
