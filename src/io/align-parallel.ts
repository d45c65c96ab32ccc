/**
 * The aligner on two threads. `alignSteps` (src/align/align.ts) asks for independent jobs: the features of each side,
 * then the lexical passes of the stretches between hard anchors. A worker thread (align-worker.ts) runs the Chinese
 * side's features — it loads the built-in lexicon from the start, while the caller reads its files; the main thread
 * needs only the readings (`builtinReadings`) — and this thread the other side, then warms up for the stretches
 * while it waits (warmupJobs). The stretches run on this thread: on two cores a second thread running them starts
 * cold at the same time as this one, and the two compile the same code while competing with the compiler threads
 * for the cores (Bible 006: the first pass took as long on two threads as on one, with a second of CPU more). On
 * four cores or more (`stretchWorker`), a second worker shares them: both threads take the next stretch from a
 * shared counter. The links are those of the single-thread `align()`.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { alignSteps, runAlignRequest, runStretch, warmupJobs, type AlignOptions, type AlignRequest, type AlignResult, type AlignSentence, type StretchResult } from '../align/align.js';
import { runFeatureJob, type LocalFeatures } from '../align/features.js';
import type { Lexicon } from '../align/lexicon.js';
import { BitextError, type ErrorCode } from '../errors.js';
import type { AlignWorkerData, AlignWorkerMessage, AlignWorkerReply } from './align-worker.js';

export interface AlignThreadsOptions {
  /** The worker loads the built-in CC-CEDICT lexicon as soon as it starts. */
  builtin: boolean;
  /** A second worker shares the stretches of a long document (default: when the machine has 4 cores or more). */
  stretchWorker?: boolean;
}

interface Waiting {
  resolve: (r: AlignWorkerReply) => void;
  reject: (e: Error) => void;
}

/** One worker thread and its answers by job id; a failure (error, exit, error answer) rejects every waiting job. */
class Channel {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private failure: BitextError | undefined;
  private closed = false;

  constructor(data: AlignWorkerData) {
    this.worker = new Worker(new URL('./align-worker.js', import.meta.url), { workerData: data });
    this.worker.on('message', (r: AlignWorkerReply) => {
      const w = this.waiting.get(r.id);
      if (!w) return;
      this.waiting.delete(r.id);
      if ('error' in r) w.reject(new BitextError((r.error.code as ErrorCode | undefined) ?? 'INTERNAL', `alignment worker: ${r.error.message}`, { hint: r.error.hint }));
      else w.resolve(r);
    });
    this.worker.on('error', (err) => this.fail(new BitextError('INTERNAL', `alignment worker failed: ${err.message}`, { cause: err })));
    this.worker.on('exit', (code) => {
      if (!this.closed) this.fail(new BitextError('INTERNAL', `alignment worker stopped (exit code ${code})`));
    });
  }

  post(msg: AlignWorkerMessage, transfer: ArrayBuffer[] = []): void {
    if (this.failure) throw this.failure;
    this.worker.postMessage(msg, transfer);
  }

  call(msg: Exclude<AlignWorkerMessage, { type: 'lexicon' | 'fail' }>, transfer: ArrayBuffer[] = []): Promise<AlignWorkerReply> {
    const p = new Promise<AlignWorkerReply>((resolve, reject) => this.waiting.set(msg.id, { resolve, reject }));
    p.catch(() => undefined); // awaited by the caller after its own share of the work
    this.post(msg, transfer);
    return p;
  }

  id(): number {
    return this.nextId++;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.waiting.values()) w.reject(new BitextError('INTERNAL', 'alignment worker closed'));
    this.waiting.clear();
    await this.worker.terminate();
  }

  private fail(e: BitextError): void {
    this.failure ??= e;
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
  }
}

/**
 * Two worker threads besides the main one, one at a time busy: the first loads the lexicon and runs a side's
 * features, and is stopped when they are done (its lexicon and heap go back to the system: peak memory); the second
 * runs every other stretch of the lexical passes of a long document. It is started when the features are asked for
 * and the aligner says the document is long (its start-up overlaps the features); a short document (the lexical
 * passes on the main thread) never starts it.
 */
export class AlignThreads {
  private features: Channel | undefined;
  private stretches: Channel | undefined;
  /** Per request (features, stretches…): ms the main thread waited for the worker after its own share (benchmarks: balance). */
  readonly waits: number[] = [];

  /** Start the features worker (early: its start-up and the lexicon load overlap the caller's reading). */
  constructor(options: AlignThreadsOptions) {
    this.features = new Channel({ builtin: options.builtin });
    this.stretchWorker = options.stretchWorker ?? availableParallelism() >= 4;
  }

  private readonly stretchWorker: boolean;

  /**
   * The lexicon of the Chinese side: the worker merges the built-in lexicon (when `builtin`; it must have been loaded,
   * see AlignThreadsOptions) with `extras`, in this order — the caller's lexicon must be the same merge, or the same
   * with the built-in lexicon's readings only (`builtinReadings`). Without this call: the built-in lexicon alone.
   */
  setLexicon(builtin: boolean, extras: Lexicon[]): void {
    this.featureChannel().post({ type: 'lexicon', builtin, extras });
  }

  /** Tests: make the next job of the features worker (or of the stretches worker, `stretchWorker`) fail. */
  failNextJob(message: string, which: 'features' | 'stretches' = 'features'): void {
    (which === 'features' ? this.featureChannel() : this.stretchChannel()).post({ type: 'fail', message });
  }

  /**
   * `align()` on two threads: the same result. `options.lexicon` may hold only the readings of the lexicon the worker
   * has (the Chinese side always runs in the worker). One call per instance.
   */
  async align(src: readonly AlignSentence[], tgt: readonly AlignSentence[], options: AlignOptions): Promise<AlignResult> {
    this.options = options;
    const steps = alignSteps(src, tgt, options);
    let r = steps.next();
    while (!r.done) r = steps.next(await this.run(r.value));
    return r.value;
  }

  private options: AlignOptions | undefined;

  /** Stop the workers (lets the process exit). */
  async close(): Promise<void> {
    await Promise.all([this.features?.close(), this.stretches?.close()]);
  }

  private featureChannel(): Channel {
    if (!this.features) throw new BitextError('INTERNAL', 'AlignThreads: the features worker is done (one align() per instance)');
    return this.features;
  }

  /** Worker threads started so far (tests: a short document, or a machine without `stretchWorker`, starts one). */
  get workersStarted(): number {
    return this.stretches ? 2 : 1;
  }

  private stretchChannel(): Channel {
    return (this.stretches ??= new Channel({ builtin: false }));
  }

  private async run(req: AlignRequest): Promise<LocalFeatures[] | StretchResult[]> {
    if (req.kind === 'features') {
      const ch = this.featureChannel();
      if (req.stretches && this.stretchWorker) this.stretchChannel();
      // the worker runs the Chinese side (it has the whole lexicon), else the target side
      const k = req.jobs.findIndex((j) => j.chinese);
      const w = k >= 0 ? k : req.jobs.length - 1;
      const remote = ch.call({ type: 'features', id: ch.id(), job: req.jobs[w], withLexicon: !!req.lexicon });
      const out: LocalFeatures[] = [];
      req.jobs.forEach((job, i) => {
        if (i !== w) out[i] = runFeatureJob(job, req.lexicon);
      });
      // a long document: warm up for its stretches while the worker finishes (this thread would wait anyway)
      if (req.stretches) {
        const i = w === 0 ? 1 : 0;
        try {
          for (const job of warmupJobs(out[i], this.options)) runStretch(job);
        } catch {
          // a warm-up has no result to lose: the alignment goes on without it
        }
      }
      const t0 = performance.now();
      const r = await remote;
      this.waits.push(Math.round(performance.now() - t0));
      if (!('features' in r)) throw new BitextError('INTERNAL', 'alignment worker: unexpected answer');
      out[w] = r.features;
      this.features = undefined;
      void ch.close();
      return out;
    }
    if (req.jobs.length < 2 || !this.stretchWorker) return runAlignRequest(req);
    // Stretches are handed out as the threads finish (a work queue): both threads take the next job number from a
    // shared counter (Atomics), so neither waits for the other's event loop; the worker gets every job (views of
    // shared memory, not copies), runs the ones it takes and answers once, with their results, when the queue is empty.
    const ch = this.stretchChannel();
    const jobs = req.jobs;
    const next = new Int32Array(new SharedArrayBuffer(4));
    const remote = ch.call({ type: 'stretches', id: ch.id(), jobs, next });
    const out: StretchResult[] = [];
    for (let k = Atomics.add(next, 0, 1); k < jobs.length; k = Atomics.add(next, 0, 1)) out[k] = runStretch(jobs[k]);
    const t0 = performance.now();
    const r = await remote;
    if (!('stretches' in r)) throw new BitextError('INTERNAL', 'alignment worker: unexpected answer');
    r.stretches.forEach((x, q) => (out[r.taken[q]] = x));
    this.waits.push(Math.round(performance.now() - t0));
    return out;
  }
}
