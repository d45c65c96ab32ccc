/**
 * What a command gets: its arguments and the streams to write to. Results for machines go to `stdout`,
 * messages for people to `stderr`. Tests construct a context with string buffers.
 */
import { BitextError } from '../errors.js';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliContext {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: OutStream;
  stderr: OutStream;
  stdinIsTTY: boolean;
  /** --quiet: no progress, no summaries on stderr (errors still print). */
  quiet: boolean;
  debug: boolean;
}

export interface Command {
  name: string;
  /** One line for `bitext --help`. */
  summary: string;
  run(argv: string[], ctx: CliContext): Promise<number>;
}

/** Message to stderr unless --quiet. */
export function info(ctx: CliContext, message: string): void {
  if (!ctx.quiet) ctx.stderr.write(message.endsWith('\n') ? message : message + '\n');
}

export function warn(ctx: CliContext, message: string): void {
  ctx.stderr.write(`warning: ${message}${message.endsWith('\n') ? '' : '\n'}`);
}

export function usageError(message: string, hint?: string): BitextError {
  return new BitextError('USAGE', message, { hint: hint ?? 'See --help.' });
}
