/**
 * Argument parsing for every command, on Node's built-in util.parseArgs (no dependency, fast start-up).
 * A command declares its options once; `--help` text is generated from the same declaration.
 */
import { parseArgs } from 'node:util';
import { usageError, type CliContext } from './context.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  /** Shown in --help; e.g. 'FILE' for a string option. */
  arg?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  usage: string;
  description: string;
  options: Record<string, OptionSpec>;
  /** Extra help text after the options (examples). */
  epilog?: string;
  minPositionals?: number;
  maxPositionals?: number;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  quiet: { type: 'boolean', short: 'q', description: 'no progress or summaries on stderr' },
  debug: { type: 'boolean', description: 'show stack traces of errors' },
};

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  /** true when --help was given: the help was printed and the command should return 0. */
  helpShown: boolean;
}

export function formatHelp(spec: CommandSpec): string {
  const all = { ...spec.options, ...COMMON_OPTIONS };
  const rows = Object.entries(all).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.arg ?? 'VALUE'}` : ''}`;
    const def = o.default !== undefined && o.default !== false ? ` (default: ${o.default})` : '';
    return [flag, o.description + def] as const;
  });
  const width = Math.min(34, Math.max(...rows.map((r) => r[0].length)) + 2);
  const lines = [`Usage: ${spec.usage}`, '', spec.description, '', 'Options:'];
  for (const [flag, desc] of rows) lines.push(`  ${flag.padEnd(width)}${desc}`);
  if (spec.epilog) lines.push('', spec.epilog.trimEnd());
  return lines.join('\n') + '\n';
}

export function parseCommandArgs(argv: string[], spec: CommandSpec, ctx: CliContext): Parsed {
  const all = { ...spec.options, ...COMMON_OPTIONS };
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, o] of Object.entries(all)) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    const msg = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw usageError(`${spec.name}: ${msg}`, `See bitext ${spec.name} --help.`);
  }
  const values: Parsed['values'] = { ...parsed.values } as Parsed['values'];
  for (const [name, o] of Object.entries(all)) {
    if (values[name] === undefined && o.default !== undefined) values[name] = o.default;
  }
  if (values.help) {
    ctx.stdout.write(formatHelp(spec));
    return { values, positionals: parsed.positionals, helpShown: true };
  }
  if (values.quiet) ctx.quiet = true;
  if (values.debug) ctx.debug = true;
  const n = parsed.positionals.length;
  if (spec.minPositionals !== undefined && n < spec.minPositionals) {
    throw usageError(`${spec.name}: missing argument`, `Usage: ${spec.usage}`);
  }
  if (spec.maxPositionals !== undefined && n > spec.maxPositionals) {
    throw usageError(`${spec.name}: too many arguments (${parsed.positionals.slice(spec.maxPositionals).join(' ')})`, `Usage: ${spec.usage}`);
  }
  return { values, positionals: parsed.positionals, helpShown: false };
}

/** Validate a string option against allowed values. */
export function oneOf<T extends string>(command: string, option: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw usageError(`${command}: --${option} must be one of ${allowed.join(', ')} (got ${String(value)})`);
  }
  return value as T;
}
