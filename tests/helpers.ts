// Shared test helpers: run the real CLI as a subprocess (the built dist/, as `npx bitext` would).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(new URL('..', import.meta.url).pathname);
export const BIN = path.join(ROOT, 'src/cli/bitext.mjs');
/** ../shared next to the checkout (absent on a user's clone: tests that need it skip). */
export const SHARED = path.resolve(ROOT, '../shared');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runBitext(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'bitext-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}
