/**
 * Worker thread of `ParallelCheckSession` (src/io/check-parallel.ts): compiles its own copy of the term base, then
 * runs the deferred per-link checks (term matching, numbers) on batches of link texts and posts the drafts back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { linkCheckRunner, type DeferredInput } from '../check/run.js';
import type { CheckConfig, FindingDraft } from '../check/types.js';
import { compileTermBase, type CompileOptions } from '../terms/matcher.js';
import type { TermBase } from '../model/types.js';

export interface CheckWorkerData {
  checks: string[];
  termBase?: TermBase;
  compileOptions?: CompileOptions;
  config?: CheckConfig;
}

/** One batch: parallel arrays, one entry per link. */
export interface CheckWorkerBatch {
  seq: number;
  /**
   * Run only these of the worker's checks (ids, a subset of `CheckWorkerData.checks`, in its order); all of them when
   * absent. The main thread ran the others on this batch itself (it had to wait for the worker anyway).
   */
  only?: string[];
  src: string[];
  tgt: string[];
  /** Per link, or one tag for every link of the batch. */
  srcLang: string | string[];
  tgtLang: string | string[];
}

export interface CheckWorkerResult {
  seq: number;
  /** Per link: null when no deferred check found anything, else one entry per check. */
  drafts: ((FindingDraft[] | undefined)[] | null)[];
}

const data = workerData as CheckWorkerData;
const matcher = data.termBase ? compileTermBase(data.termBase, data.compileOptions) : undefined;
const runAll = linkCheckRunner(data.checks, { matcher, config: data.config });
/** Runners of check subsets (`CheckWorkerBatch.only`), made on first use. */
const runners = new Map<string, ReturnType<typeof linkCheckRunner>>();
const input: DeferredInput = { src: '', tgt: '', srcLang: '', tgtLang: '' };

parentPort!.on('message', (b: CheckWorkerBatch) => {
  let run = runAll;
  if (b.only) {
    const key = b.only.join(' ');
    let r = runners.get(key);
    if (!r) runners.set(key, (r = linkCheckRunner(b.only, { matcher, config: data.config })));
    run = r;
  }
  const drafts: CheckWorkerResult['drafts'] = new Array(b.src.length);
  const srcLang = typeof b.srcLang === 'string' ? b.srcLang : undefined;
  const tgtLang = typeof b.tgtLang === 'string' ? b.tgtLang : undefined;
  for (let i = 0; i < b.src.length; i++) {
    input.src = b.src[i];
    input.tgt = b.tgt[i];
    input.srcLang = srcLang ?? b.srcLang[i];
    input.tgtLang = tgtLang ?? b.tgtLang[i];
    const r = run(input);
    drafts[i] = r.some((d) => d !== undefined) ? r : null;
  }
  parentPort!.postMessage({ seq: b.seq, drafts } satisfies CheckWorkerResult);
});
