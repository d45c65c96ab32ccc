/**
 * Worker thread of `extractTermsParallel` (src/io/terms-parallel.ts): pass 1 of term extraction (`analyzeLinks`:
 * segmentation, candidates and anchors) on ranges of link texts; each pack goes back with its typed arrays
 * transferred. A message with the lexicon (when there is one) comes before the first range.
 */
import { parentPort } from 'node:worker_threads';
import { reviveGlosses } from '../align/builtin.js';
import { analyzeLinks, type ExtractLexicon, type PackedLinks } from '../terms/extract.js';

/** One range of links: the Chinese and English text of each. */
export interface TermsWorkerTask {
  seq: number;
  zh: string[];
  en: string[];
}

/** The dictionary of the anchors, for the ranges that follow. */
export interface TermsWorkerLexicon {
  lexicon: ExtractLexicon;
}

export interface TermsWorkerResult {
  seq: number;
  pack: PackedLinks;
}

let lexicon: ExtractLexicon | undefined;

parentPort!.on('message', (t: TermsWorkerTask | TermsWorkerLexicon) => {
  if ('lexicon' in t) {
    // the built-in lexicon's gloss lists are split on first use; cloning dropped that behaviour (see reviveGlosses)
    lexicon = { ...t.lexicon, entries: reviveGlosses(t.lexicon.entries) };
    return;
  }
  const pack = analyzeLinks(t.zh, t.en, lexicon);
  const transfer = [pack.ends.buffer, ...Object.values(pack.lists).map((a) => a.buffer)];
  parentPort!.postMessage({ seq: t.seq, pack } satisfies TermsWorkerResult, transfer as ArrayBuffer[]);
});
