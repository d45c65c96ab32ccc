// Public API of src/segment: documents → sentences.
export { segmentBilingual, segmentMonolingual, segmentPresegmented, segmentPair, countSentences, summarizeSegmentation, MAX_SENTENCE_LENGTH } from './segment.js';
export type { BilingualSegmentation, PairInput } from './segment.js';
export { splitSentences } from './split.js';
