/**
 * Worker thread of the two-thread aligner (src/io/align-parallel.ts): answers jobs of the aligner's requests
 * (`alignSteps`): a side's features (the features worker), or the stretches of a lexical pass that it takes in turn
 * with the main thread (a second worker, on 4+ cores); results go back as transferred typed arrays. The features
 * worker loads its own built-in lexicon as soon as it starts (while the main thread reads and segments the files).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { mergeLexicons, type Lexicon } from '../align/lexicon.js';
import { runFeatureJob, type FeatureJob, type LocalFeatures } from '../align/features.js';
import { loadPreparedBuiltin } from './builtin-image.js';
import type { StretchJob, StretchResult } from '../align/align.js';
import { BitextError } from '../errors.js';

export interface AlignWorkerData {
  /** Load the built-in CC-CEDICT lexicon at start. */
  builtin: boolean;
}

export type AlignWorkerMessage =
  /** The lexicon of the Chinese side: the built-in one (when `builtin`) merged with these, in this order. */
  | { type: 'lexicon'; builtin: boolean; extras: Lexicon[] }
  | { type: 'features'; id: number; job: FeatureJob; withLexicon: boolean }
  /** Stretch jobs taken in turn with the main thread: the next job number is Atomics.add(next, 0, 1). */
  | { type: 'stretches'; id: number; jobs: StretchJob[]; next: Int32Array }
  /** Tests: the next job fails with this message (the error path of the main thread). */
  | { type: 'fail'; message: string };

export type AlignWorkerReply =
  | { id: number; features: LocalFeatures }
  /** The results of the jobs this thread took, and their numbers. */
  | { id: number; stretches: StretchResult[]; taken: number[] }
  | { id: number; error: { message: string; code?: string; hint?: string } };

const data = workerData as AlignWorkerData;
const port = parentPort!;
// the built-in lexicon is loaded at start, with its longest-match index (while the caller reads its files): from the
// image the build wrote, else decoded and indexed; `lexicon` is it merged with the caller's extras
const builtin = data.builtin ? loadPreparedBuiltin() : Promise.resolve(undefined);
// keep a failed load for the job that needs it (an unhandled rejection would end the thread without an answer)
builtin.catch(() => undefined);
let lexicon: Promise<Lexicon | undefined> = builtin;
// the aligner's passes (stretch jobs): loaded at start by a worker without the built-in lexicon (the stretches worker),
// on its first stretch by the other one (the features worker never has one: its start goes to the lexicon)
let passes = data.builtin ? undefined : import('../align/align.js');
passes?.catch(() => undefined);
let failNext: string | undefined;

function transferOf(x: LocalFeatures | StretchResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const v of Object.values(x)) if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.push(v.buffer);
  return out;
}

port.on('message', async (msg: AlignWorkerMessage) => {
  if (msg.type === 'lexicon') {
    lexicon = (msg.builtin ? builtin : Promise.resolve(undefined)).then((b) => mergeLexicons(b, ...msg.extras));
    lexicon.catch(() => undefined);
    return;
  }
  if (msg.type === 'fail') {
    failNext = msg.message;
    return;
  }
  try {
    if (failNext) throw new Error(failNext);
    if (msg.type === 'features') {
      const lex = msg.withLexicon ? await lexicon : undefined;
      const features = runFeatureJob(msg.job, lex);
      port.postMessage({ id: msg.id, features } satisfies AlignWorkerReply, transferOf(features));
    } else {
      const { runStretch } = await (passes ??= import('../align/align.js'));
      const stretches: StretchResult[] = [];
      const taken: number[] = [];
      for (let k = Atomics.add(msg.next, 0, 1); k < msg.jobs.length; k = Atomics.add(msg.next, 0, 1)) {
        taken.push(k);
        stretches.push(runStretch(msg.jobs[k]));
      }
      port.postMessage({ id: msg.id, stretches, taken } satisfies AlignWorkerReply, stretches.flatMap(transferOf));
    }
  } catch (err) {
    const e = err as Error;
    port.postMessage({ id: msg.id, error: { message: e.message, code: err instanceof BitextError ? err.code : undefined, hint: err instanceof BitextError ? err.hint : undefined } } satisfies AlignWorkerReply);
  }
});
