/**
 * Worker thread of `extractTermsParallel` (src/io/terms-parallel.ts): pass 1 of term extraction (`analyzeLinks`:
 * segmentation and candidates) on ranges of link texts; each pack goes back with its typed arrays transferred.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeLinks, type PackedLinks } from '../terms/extract.js';

/** One range of links: the Chinese and English text of each. */
export interface TermsWorkerTask {
  seq: number;
  zh: string[];
  en: string[];
}

export interface TermsWorkerResult {
  seq: number;
  pack: PackedLinks;
}

parentPort!.on('message', (t: TermsWorkerTask) => {
  const pack = analyzeLinks(t.zh, t.en);
  const transfer = [pack.ends.buffer, ...Object.values(pack.lists).map((a) => a.buffer)];
  parentPort!.postMessage({ seq: t.seq, pack } satisfies TermsWorkerResult, transfer as ArrayBuffer[]);
});
