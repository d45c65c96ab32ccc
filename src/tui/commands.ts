/**
 * Running the other bitext commands from inside the app (home screen actions, findings for the review screen): the
 * command's own module with a captured context, so the app does exactly what the CLI does (same options, config,
 * baseline, glossary defaults) without a subprocess.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../model/types.js';
import type { CliContext } from '../cli/context.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCaptured(argv: string[], cwd: string): Promise<Captured> {
  const { runCli } = await import('../cli/main.js');
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    argv,
    cwd,
    env: process.env,
    stdout: { write: (c: string) => (stdout += c), isTTY: false },
    stderr: { write: (c: string) => (stderr += c), isTTY: false },
    stdinIsTTY: false,
    quiet: false,
    debug: false,
  };
  const code = await runCli(ctx);
  return { code, stdout, stderr };
}

export interface CheckResult {
  findings: Finding[];
  /** Why there are no findings to show (the check command failed). */
  error?: string;
  skipped: { check: string; reason: string }[];
}

/**
 * `bitext check FILES --format json`, in a worker thread: on a 100,000-link file the checks take seconds of CPU, which
 * on the app's thread made every key wait for the check's next pause (moves of ~100 ms instead of a few). The worker
 * (check-worker.js next to this module, as tsc writes it to dist/tui) runs the same in-process command; where it is
 * not there (the app run from src/ by the tests) the check runs here. Findings name files as the check command does
 * (relative to cwd); `absFile` maps them back.
 */
export async function runChecksOn(files: string[], cwd: string, glossaryDir?: string): Promise<CheckResult> {
  const script = new URL('./check-worker.js', import.meta.url);
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return runChecksHere(files, cwd, glossaryDir);
  return new Promise<CheckResult>((resolve) => {
    const worker = new Worker(script, { workerData: { files, cwd, glossaryDir } satisfies CheckJob });
    // Quitting the app does not wait for a check still running.
    worker.unref();
    worker.once('message', (r: CheckResult) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', (err) => resolve({ findings: [], skipped: [], error: `bitext check failed: ${err.message}` }));
    worker.once('exit', (code) => resolve({ findings: [], skipped: [], error: `bitext check stopped (exit ${code})` }));
  });
}

export interface CheckJob {
  files: string[];
  cwd: string;
  glossaryDir?: string;
}

/** `bitext check FILES --format json` on this thread (the worker's body). */
export async function runChecksHere(files: string[], cwd: string, glossaryDir?: string): Promise<CheckResult> {
  const argv = ['check', ...files, '--format', 'json', '--fail-on', 'never'];
  if (glossaryDir) argv.push('--glossary', glossaryDir);
  const r = await runCaptured(argv, cwd);
  if (r.code !== 0 && r.code !== 1) return { findings: [], skipped: [], error: firstLine(r.stderr) || `bitext check exited with ${r.code}` };
  try {
    const doc = JSON.parse(r.stdout) as { findings: Array<Finding & { src?: string; tgt?: string }>; skipped?: { check: string; reason: string }[] };
    return { findings: doc.findings, skipped: doc.skipped ?? [] };
  } catch {
    return { findings: [], skipped: [], error: 'bitext check did not give a JSON report' };
  }
}

export function absFile(cwd: string, file: string): string {
  return path.resolve(cwd, file);
}

/** The last message line (a command's summary), without the "bitext:" prefix and warnings. */
export function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^bitext: (error: )?/, '').trim())
    .filter((l) => l && !l.startsWith('warning:'));
  return lines[lines.length - 1] ?? '';
}

export function firstLine(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^bitext: (error: )?/, '').trim())
    .filter((l) => l && !l.startsWith('warning:'))[0] ?? '';
}
