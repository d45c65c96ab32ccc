export * from './decode.js';
export { detectLang, parseBlocks } from './blocks.js';
export { collectHyphenEvidence, keepHyphen, type HyphenEvidence } from './hyphen.js';
