/**
 * Worker thread of runChecksOn (commands.ts): runs `bitext check` in-process off the app's thread and posts the
 * result (findings as plain objects) back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runChecksHere, type CheckJob, type CheckResult } from './commands.js';

const job = workerData as CheckJob;
runChecksHere(job.files, job.cwd, job.glossaryDir).then(
  (r) => parentPort!.postMessage(r),
  (err: unknown) => parentPort!.postMessage({ findings: [], skipped: [], error: `bitext check failed: ${(err as Error).message}` } satisfies CheckResult),
);
