/**
 * `bitext check` on two cores: the main thread reads the links and runs the corpus checks and the cheap per-link
 * checks (CheckSession); a worker thread runs the costly per-link ones (term matching and numbers,
 * `DEFERRABLE_CHECKS`) on batches of link texts. Results come back in batch order and are added to the session,
 * which sorts the findings at the end, so the report is the one a single-threaded session gives.
 */
import { Worker } from 'node:worker_threads';
import { CheckSession, DEFERRABLE_CHECKS, linkCheckRunner, type RunOptions } from '../check/run.js';
import type { CheckReport, FindingDraft, LinkItem, PreparedLink } from '../check/types.js';
import type { TermBase } from '../model/types.js';
import type { CompileOptions } from '../terms/matcher.js';
import type { CheckWorkerBatch, CheckWorkerData, CheckWorkerResult } from './check-worker.js';

/** Links per message. */
const BATCH = 1024;
/** Batches sent and not yet answered before `add` asks the caller to wait. */
const IN_FLIGHT = 4;
/**
 * Deferred checks the main thread may run itself (they need no term base): when the worker is behind, the main thread
 * runs them on the next batch instead of waiting idle, and the worker runs only the rest of that batch (work sharing:
 * the two threads balance themselves whatever the mix of texts).
 */
const SHAREABLE = ['number-missing', 'number-extra'];
/** Batches in flight from which the main thread shares the work; BITEXT_CHECK_SHARE_AT overrides it (tests: 0, every batch). */
const SHARE_AT = (() => {
  const v = Number(process.env.BITEXT_CHECK_SHARE_AT);
  return process.env.BITEXT_CHECK_SHARE_AT && Number.isInteger(v) && v >= 0 ? v : IN_FLIGHT;
})();

export interface ParallelCheckOptions extends Omit<RunOptions, 'deferred'> {
  /**
   * The term base: the worker compiles it (in parallel with the reading). `matcher` may then be left out: the main
   * thread, which runs no term check itself, does not compile it too.
   */
  termBase?: TermBase;
  compileOptions?: CompileOptions;
}

interface Pending {
  seq: number;
  links: PreparedLink[];
  result?: CheckWorkerResult;
  /** Drafts of the shared checks, run on the main thread (per link, one entry per `shared` id), when it ran them. */
  local?: (FindingDraft[] | undefined)[][];
}

/** The language tags of a batch: one string when every link has the same (the usual case: 1 string sent, not 1,024). */
function oneOrEach(links: PreparedLink[], key: 'srcLang' | 'tgtLang'): string | string[] {
  const first = links[0][key];
  for (let i = 1; i < links.length; i++) if (links[i][key] !== first) return links.map((p) => p[key]);
  return first;
}

export class ParallelCheckSession {
  private readonly session: CheckSession;
  private readonly worker: Worker | undefined;
  private batch: PreparedLink[] = [];
  private readonly pending: Pending[] = [];
  private seq = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(options: ParallelCheckOptions) {
    // Without a compiled matcher, the term checks are enabled by a stand-in: their rules run in the worker only.
    const matcher = options.matcher ?? (options.termBase ? { find: () => [], concepts: new Map(options.termBase.concepts.map((c) => [c.id, c])) } : undefined);
    this.session = new CheckSession({ ...options, matcher, deferred: DEFERRABLE_CHECKS });
    if (this.session.deferredChecks.length === 0) return;
    const data: CheckWorkerData = { checks: this.session.deferredChecks, termBase: options.termBase, compileOptions: options.compileOptions, config: options.config };
    const deferred = this.session.deferredChecks;
    this.shared = deferred.filter((id) => SHAREABLE.includes(id));
    this.rest = deferred.filter((id) => !SHAREABLE.includes(id));
    // Where each deferred check's drafts are found: [from the main thread?, index there].
    this.where = deferred.map((id) => (this.shared.includes(id) ? [true, this.shared.indexOf(id)] : [false, this.rest.indexOf(id)]));
    if (this.shared.length && this.rest.length) this.runShared = linkCheckRunner(this.shared, { config: options.config });
    this.worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: data });
    this.worker.on('message', (r: CheckWorkerResult) => {
      const p = this.pending.find((x) => x.seq === r.seq);
      if (p) p.result = r;
      this.drain();
    });
    this.worker.on('error', (err) => {
      this.failure = err;
      this.wake?.();
    });
    this.worker.on('exit', (code) => {
      if (code !== 0 && !this.failure) this.failure = new Error(`check worker stopped with exit code ${code}`);
      this.wake?.();
    });
  }

  get checks(): string[] {
    return this.session.checks;
  }

  addFile(file: string, header?: LinkItem['header']): void {
    this.session.addFile(file, header);
  }

  /** Check one link. When a promise is returned, await it before adding more (the worker is behind). */
  add(item: LinkItem): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    const p = this.session.add(item);
    if (!p || !this.worker) return undefined;
    this.batch.push(p);
    if (this.batch.length < BATCH) return undefined;
    this.send();
    return this.pending.length > IN_FLIGHT ? this.waitFor(IN_FLIGHT) : undefined;
  }

  /** All findings, as `CheckSession.finish` gives them. */
  async finish(): Promise<CheckReport> {
    if (this.closed) throw new Error('ParallelCheckSession: finish() after close()');
    if (this.worker) {
      if (this.batch.length) this.send();
      try {
        await this.waitFor(0);
      } finally {
        await this.worker.terminate();
      }
    }
    return this.session.finish();
  }

  /** Stop the worker without a report (the caller gave up, e.g. on an input error): lets the process exit. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.worker) await this.worker.terminate();
  }

  private closed = false;
  private shared: string[] = [];
  private rest: string[] = [];
  private where: [boolean, number][] = [];
  private runShared: ReturnType<typeof linkCheckRunner> | undefined;
  /** Batches whose shared checks the main thread ran (for tests and figures). */
  sharedBatches = 0;

  private send(): void {
    const links = this.batch;
    this.batch = [];
    const seq = this.seq++;
    const msg: CheckWorkerBatch = { seq, src: links.map((p) => p.src), tgt: links.map((p) => p.tgt), srcLang: oneOrEach(links, 'srcLang'), tgtLang: oneOrEach(links, 'tgtLang') };
    const pending: Pending = { seq, links };
    // The worker is behind (the caller would wait): run the shared checks of this batch here.
    if (this.runShared && this.pending.length >= SHARE_AT) {
      const run = this.runShared;
      pending.local = links.map((p) => run(p));
      msg.only = this.rest;
      this.sharedBatches++;
    }
    this.pending.push(pending);
    this.worker!.postMessage(msg);
  }

  /** Hand answered batches to the session, oldest first (the worker answers in order). */
  private drain(): void {
    while (this.pending.length && this.pending[0].result) {
      const { links, result, local } = this.pending.shift()!;
      for (let i = 0; i < links.length; i++) {
        const d = result!.drafts[i];
        if (!local) {
          if (d) this.session.addDeferred(links[i], d);
          continue;
        }
        const l = local[i];
        if (!d && l.every((x) => x === undefined)) continue;
        this.session.addDeferred(links[i], this.where.map(([here, j]) => (here ? l[j] : d ? d[j] : undefined)));
      }
    }
    this.wake?.();
  }

  private async waitFor(maxPending: number): Promise<void> {
    while (this.pending.length > maxPending) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
    if (this.failure) throw this.failure;
  }
}
