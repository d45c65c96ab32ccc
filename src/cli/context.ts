/**
 * What a command gets: its arguments and the streams to write to. Results for machines go to `stdout`,
 * messages for people to `stderr`. Tests construct a context with string buffers.
 */
import { BitextError } from '../errors.js';
import { primaryLanguage } from '../lang/tags.js';

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

/**
 * The order of a bilingual document's two sides (`segmentBilingual`'s `order`, zh and en) after --src-lang/--tgt-lang:
 * the named language first (or the other one before a named target); a language other than zh or en is a usage error.
 */
export function bilingualOrder(command: string, order: string[], srcLang: string | undefined, tgtLang: string | undefined): Array<'zh' | 'en'> {
  const first = srcLang ? primaryLanguage(srcLang) : tgtLang ? (primaryLanguage(tgtLang) === 'zh' ? 'en' : 'zh') : undefined;
  if (first === 'zh' || first === 'en') return [first, first === 'zh' ? 'en' : 'zh'];
  if (first) throw usageError(`${command}: a bilingual document has Chinese and English; --src-lang/--tgt-lang must be zh or en (got ${srcLang ?? tgtLang})`);
  return order as Array<'zh' | 'en'>;
}
