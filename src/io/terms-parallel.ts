/**
 * Term extraction on several cores: pass 1 (ICU word segmentation, the candidates and the anchors of each link, 40%
 * of the time) runs in worker threads on ranges of links, which send back packed typed arrays; the packs are merged in link
 * order (strings interned in order) and the rest runs as `extractTerms` runs it — the same candidates as
 * `extractTerms` (src/terms stays single-threaded and pure).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { extractionTexts, extractTerms, extractTermsFrom, LinkAnalysis, type ExtractOptions, type PackedLinks, type TermCandidate } from '../terms/extract.js';
import type { Link } from '../model/types.js';
import type { TermsWorkerLexicon, TermsWorkerResult, TermsWorkerTask } from './terms-worker.js';

/** Links per task: small enough to balance the threads, large enough that messages cost nothing. */
const CHUNK = 2000;

/**
 * Worker threads for extraction, started ahead (module loading overlaps the caller's reading of its files); for one
 * extraction, which stops them once pass 1 is done (their memory is given back before passes 2 and 3).
 */
export class ExtractWorkers {
  readonly workers: Worker[];
  constructor(threads: number) {
    this.workers = Array.from({ length: threads }, () => new Worker(new URL('./terms-worker.js', import.meta.url)));
  }
  private closed = false;
  /** Stops the workers (once; later calls do nothing). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Threads used by default: one per core, two at most (pass 1 is a third of the work). */
export function defaultExtractThreads(): number {
  return Math.min(2, os.availableParallelism());
}

export interface ParallelExtractOptions extends ExtractOptions {
  /** Worker threads for pass 1 (default `defaultExtractThreads()`; 0 = run `extractTerms` on this thread). */
  threads?: number;
  /** Workers started ahead (`threads` is then their number); stopped after pass 1. */
  workers?: ExtractWorkers;
}

/** `extractTerms` with its first pass in worker threads (corpora only: small inputs run on this thread). */
export async function extractTermsParallel(links: Link[], options: ParallelExtractOptions): Promise<TermCandidate[]> {
  const { threads: threadsOpt, workers: given, ...extractOptions } = options;
  const threads = given ? given.workers.length : (threadsOpt ?? defaultExtractThreads());
  const texts = threads > 0 ? extractionTexts(links, extractOptions) : undefined;
  if (!texts) {
    await given?.close();
    return extractTerms(links, extractOptions);
  }
  const pool = given ?? new ExtractWorkers(threads);
  let analysis: LinkAnalysis;
  try {
    analysis = await runPass1(pool.workers, texts, extractOptions);
  } finally {
    await pool.close();
  }
  return extractTermsFrom(links, extractOptions, analysis);
}

/**
 * Ranges of CHUNK links handed to the workers as each one becomes free; the packs merged in link order as they
 * arrive (a pack that comes early waits for the ones before it).
 */
function runPass1(workers: Worker[], texts: { zh: string[]; en: string[] }, options: ExtractOptions): Promise<LinkAnalysis> {
  const { onProgress, lexicon } = options;
  const total = texts.zh.length;
  const tasks = Math.ceil(total / CHUNK);
  const analysis = new LinkAnalysis();
  const waiting = new Map<number, PackedLinks>();
  let next = 0;
  let merged = 0;
  return new Promise((resolve, reject) => {
    const cleanups: Array<() => void> = [];
    let settled = false;
    const finish = (err?: unknown): void => {
      if (settled) return;
      settled = true;
      for (const c of cleanups) c();
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve(analysis);
    };
    const give = (w: Worker): void => {
      if (next >= tasks) return;
      const seq = next++;
      const task: TermsWorkerTask = { seq, zh: texts.zh.slice(seq * CHUNK, (seq + 1) * CHUNK), en: texts.en.slice(seq * CHUNK, (seq + 1) * CHUNK) };
      w.postMessage(task);
    };
    for (const w of workers) {
      const onMessage = (r: TermsWorkerResult): void => {
        give(w);
        waiting.set(r.seq, r.pack);
        for (let p = waiting.get(merged); p; p = waiting.get(merged)) {
          waiting.delete(merged++);
          try {
            analysis.append(p);
          } catch (err) {
            finish(err);
            return;
          }
          onProgress?.(analysis.links, total * 3);
        }
        if (merged === tasks) finish();
      };
      const onError = (err: Error): void => finish(err);
      const onExit = (code: number): void => finish(new Error(`term extraction worker stopped with exit code ${code}`));
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      cleanups.push(() => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      });
    }
    if (tasks === 0) finish();
    else {
      if (lexicon) for (const w of workers) w.postMessage({ lexicon: { entries: lexicon.entries, maxLength: lexicon.maxLength } } satisfies TermsWorkerLexicon);
      for (const w of workers) give(w);
    }
  });
}
