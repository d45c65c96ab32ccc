/**
 * bitext check: consistency checks over aligned corpora (JSONL), for people (text, HTML) and CI (exit code, JSON,
 * SARIF, JUnit, GitHub annotations). Streams the links: memory is bounded by the corpus checks' compact state.
 */
import os from 'node:os';
import path from 'node:path';
import { promises as fsp } from 'node:fs';
import { BitextError } from '../../errors.js';
import type { Severity } from '../../model/types.js';
import { oneOf, parseCommandArgs, type CommandSpec } from '../args.js';
import { info, warn, type CliContext, type Command } from '../context.js';
import { createProgress } from '../progress.js';
import { fileExists, listFiles, readTextFile, writeFileAtomic, writeFileIfChanged } from '../../io/files.js';
import { streamAlignmentBatches } from '../../io/check-read.js';
import { VERSION } from '../../version.js';
import {
  CHECKS,
  CONFIG_FILE,
  CheckSession,
  applyBaseline,
  countFindings,
  failsAt,
  formatGithub,
  formatHtml,
  formatJson,
  formatJunit,
  formatSarif,
  formatText,
  makeBaseline,
  parseBaseline,
  parseCheckConfig,
  serializeBaseline,
  type CheckConfig,
  type CheckReport,
  type FailOn,
} from '../../check/index.js';

const FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'html'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
export const DEFAULT_BASELINE = '.bitext-baseline.json';

/** Inputs larger than this (bytes, all files) are checked with a worker thread when `--threads` is not given. */
const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;

async function totalSize(files: string[]): Promise<number> {
  let n = 0;
  for (const f of files) n += await fsp.stat(f).then((st) => st.size, () => 0);
  return n;
}

const spec: CommandSpec = {
  name: 'check',
  usage: 'bitext check [ALIGNED...] [--glossary DIR] [--format text|json|sarif|junit|github|html] [--fail-on error|warning|never] [-o FILE]',
  description:
    'Check aligned translations (JSONL files or folders of them; default: alignments/*.jsonl) for term compliance, inconsistent\n' +
    'translations, numbers, completeness and unconfirmed low-confidence links. Exit code: 0 clean, 1 findings at or above\n' +
    '--fail-on, 2 usage or input error.',
  options: {
    glossary: { type: 'string', short: 'g', arg: 'DIR', description: 'term base folder or file (default: glossary/ when it exists)' },
    format: { type: 'string', short: 'f', arg: 'FORMAT', description: `report format: ${FORMATS.join(', ')} (default: text)` },
    'fail-on': { type: 'string', arg: 'LEVEL', description: 'exit 1 when a finding is at or above: error, warning, info, never (default: error)' },
    output: { type: 'string', short: 'o', arg: 'FILE', description: 'write the report to FILE instead of stdout' },
    config: { type: 'string', short: 'c', arg: 'FILE', description: `config file (default: ${CONFIG_FILE} when it exists)` },
    baseline: { type: 'string', short: 'b', arg: 'FILE', description: `baseline of accepted findings (default: ${DEFAULT_BASELINE} when it exists)` },
    'update-baseline': { type: 'boolean', description: 'write the current findings to the baseline and exit 0' },
    'no-baseline': { type: 'boolean', description: 'ignore the baseline: report every finding' },
    'list-checks': { type: 'boolean', description: 'list the checks with their ids and default severities' },
    only: { type: 'string', multiple: true, arg: 'ID', description: 'run only this check (repeatable)' },
    'src-lang': { type: 'string', arg: 'LANG', description: 'source language when a file header lacks it (default: zh)' },
    'tgt-lang': { type: 'string', arg: 'LANG', description: 'target language when a file header lacks it (default: en)' },
    threads: { type: 'string', arg: 'N', description: 'run the term and number checks in N worker threads: 0 or 1 (default: 1 when the inputs exceed 8 MB and there are 2+ cores)' },
  },
  epilog: [
    'Examples:',
    '  bitext check                                   # alignments/*.jsonl against glossary/',
    '  bitext check out/report.jsonl --fail-on warning',
    '  bitext check --format sarif -o check.sarif     # GitHub code scanning',
    '  bitext check --format junit -o check.xml       # GitLab/Jenkins test reports',
    '  bitext check --format html -o check.html       # one page for a reviewer',
    '  bitext check --update-baseline                 # accept today\'s findings; later runs fail only on new ones',
    '',
    `Config file ${CONFIG_FILE}: {"checks": {"target-identical": "off", "length-ratio": "info"}, "failOn": "warning"}`,
  ].join('\n'),
  maxPositionals: 10_000,
};

function listChecks(): string {
  const w = Math.max(...CHECKS.map((c) => c.id.length)) + 2;
  const rows = CHECKS.map((c) => `${c.id.padEnd(w)}${c.defaultSeverity.padEnd(9)}${c.group.padEnd(14)}${c.title}${c.needsTermBase ? ' (needs a term base)' : ''}`);
  return [`${'id'.padEnd(w)}${'severity'.padEnd(9)}${'group'.padEnd(14)}title`, ...rows].join('\n') + '\n';
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await fsp.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** Display path: relative to cwd with forward slashes when inside it. */
function display(cwd: string, p: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, p));
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(cwd, p)).split(path.sep).join('/');
}

async function resolveInputs(ctx: CliContext, positionals: string[]): Promise<string[]> {
  const out: string[] = [];
  const given = positionals.length ? positionals : ['alignments'];
  for (const p of given) {
    const abs = path.resolve(ctx.cwd, p);
    if (await isDir(abs)) {
      const files = await listFiles(abs, ['.jsonl', '.ndjson']);
      if (files.length === 0 && positionals.length) throw new BitextError('FILE_NOT_FOUND', 'no .jsonl alignment files in this folder', { file: p, hint: 'Run bitext align first, or name the files.' });
      out.push(...files);
    } else {
      if (!(await fileExists(abs))) {
        if (positionals.length === 0) break;
        throw new BitextError('FILE_NOT_FOUND', 'no such file', { file: p, hint: 'Check the path.' });
      }
      out.push(abs);
    }
  }
  if (out.length === 0) {
    throw new BitextError('USAGE', 'nothing to check: no alignment files given and no alignments/*.jsonl here', { hint: 'Name the aligned JSONL files (bitext check FILE.jsonl), or run bitext align first.' });
  }
  return [...new Set(out)];
}

async function loadMatcher(ctx: CliContext, glossary: string | undefined, explicit: boolean) {
  const target = path.resolve(ctx.cwd, glossary ?? 'glossary');
  let files: string[];
  if (await isDir(target)) files = await listFiles(target, (await import('../../io/glossary.js')).GLOSSARY_EXTS);
  else if (await fileExists(target)) files = [target];
  else if (explicit) throw new BitextError('FILE_NOT_FOUND', 'no such term base file or folder', { file: glossary, hint: 'Check the --glossary path.' });
  else return undefined;
  if (files.length === 0) {
    if (explicit) throw new BitextError('FILE_NOT_FOUND', 'no term base files (.csv, .tsv, .tbx, .xlsx) in this folder', { file: glossary });
    return undefined;
  }
  // Loaded only when there is a term base: keeps `bitext check` quick to start without one.
  const [{ compileTermBase }, { readGlossaryFiles }] = await Promise.all([import('../../terms/index.js'), import('../../io/glossary.js')]);
  const read = await readGlossaryFiles(files, (f) => display(ctx.cwd, f));
  for (const p of read.parsed) for (const d of p.diagnostics) if (d.severity !== 'info') warn(ctx, `${display(ctx.cwd, d.file ?? p.path)}${d.line ? `:${d.line}` : ''}: ${d.message}`);
  for (const d of read.mergeDiagnostics) if (d.severity === 'warning' && !ctx.quiet) warn(ctx, `${d.file ? display(ctx.cwd, d.file) : ''}${d.line ? `:${d.line}` : ''}${d.file ? ': ' : ''}${d.message}`);
  return { compile: () => compileTermBase(read.termBase), termBase: read.termBase, concepts: read.termBase.concepts.length, files: files.length };
}

async function loadConfig(ctx: CliContext, file: string | undefined): Promise<{ config: CheckConfig; dir: string }> {
  const explicit = file !== undefined;
  const p = path.resolve(ctx.cwd, file ?? CONFIG_FILE);
  if (!explicit && !(await fileExists(p))) return { config: {}, dir: ctx.cwd };
  const text = (await readTextFile(p, { allowEmpty: true })).text;
  return { config: parseCheckConfig(text, display(ctx.cwd, p)), dir: path.dirname(p) };
}

function render(format: Format, report: CheckReport, options: { color: boolean; failOn: FailOn }): string {
  const o = { version: VERSION, color: options.color, failOn: options.failOn };
  switch (format) {
    case 'json':
      return formatJson(report, o);
    case 'sarif':
      return formatSarif(report, o);
    case 'junit':
      return formatJunit(report, o);
    case 'github':
      return formatGithub(report, o);
    case 'html':
      return formatHtml(report, o);
    default:
      return formatText(report, o);
  }
}

const command: Command = {
  name: 'check',
  summary: 'check translation consistency, terms, numbers, completeness (CI-ready)',
  async run(argv, ctx) {
    const { values, positionals, helpShown } = parseCommandArgs(argv, spec, ctx);
    if (helpShown) return 0;
    if (values['list-checks']) {
      ctx.stdout.write(listChecks());
      return 0;
    }
    const { config, dir: configDir } = await loadConfig(ctx, values.config as string | undefined);
    const format = oneOf('check', 'format', (values.format as string | undefined) ?? 'text', FORMATS);
    const failOn = oneOf('check', 'fail-on', (values['fail-on'] as string | undefined) ?? config.failOn ?? 'error', FAIL_ON) as FailOn;
    const only = values.only as string[] | undefined;
    if (only) for (const id of only) if (!CHECKS.some((c) => c.id === id)) throw new BitextError('USAGE', `unknown check "${id}"`, { hint: 'bitext check --list-checks lists the check ids.' });

    const inputs = await resolveInputs(ctx, positionals);
    const glossaryOpt = (values.glossary as string | undefined) ?? (config.glossary ? path.resolve(configDir, config.glossary) : undefined);
    const terms = await loadMatcher(ctx, glossaryOpt, values.glossary !== undefined || config.glossary !== undefined);
    if (terms) info(ctx, `term base: ${terms.concepts} concepts from ${terms.files} file${terms.files === 1 ? '' : 's'}`);

    const threadsOpt = values.threads as string | undefined;
    if (threadsOpt !== undefined && threadsOpt !== '0' && threadsOpt !== '1') throw new BitextError('USAGE', `--threads must be 0 or 1 (got "${threadsOpt}")`);
    const runOptions = {
      config,
      only,
      srcLang: values['src-lang'] as string | undefined,
      tgtLang: values['tgt-lang'] as string | undefined,
    };
    // Large inputs on two or more cores: the costly per-link checks (terms, numbers) in a worker thread; same report.
    const parallel = threadsOpt !== undefined ? threadsOpt === '1' : os.availableParallelism() >= 2 && (await totalSize(inputs)) > PARALLEL_MIN_BYTES;
    // In parallel the worker compiles the term base; the main thread does not need the matcher.
    const session = parallel
      ? new (await import('../../io/check-parallel.js')).ParallelCheckSession({ ...runOptions, termBase: terms?.termBase })
      : new CheckSession({ ...runOptions, matcher: terms?.compile() });
    const progress = createProgress(ctx, 'checking');
    let n = 0;
    try {
      for (const file of inputs) {
        const shown = display(ctx.cwd, file);
        let header;
        session.addFile(shown);
        for await (const batch of streamAlignmentBatches(file)) {
          for (const item of batch) {
            if (item.type === 'header') {
              header = item.header;
              session.addFile(shown, header);
              continue;
            }
            const wait = session.add({ link: item.link, line: item.line, file: shown, header });
            if (wait) await wait;
            if (++n % 5000 === 0) progress.update(n);
          }
        }
      }
    } catch (err) {
      // An input error: stop the worker thread (when there is one), or it would keep the process alive.
      if ('close' in session) await session.close();
      throw err;
    }
    progress.done();
    let report = await session.finish();

    const baselineExplicit = values.baseline !== undefined || config.baseline !== undefined;
    const baselinePath = values.baseline !== undefined ? path.resolve(ctx.cwd, values.baseline as string) : config.baseline ? path.resolve(configDir, config.baseline) : path.resolve(ctx.cwd, DEFAULT_BASELINE);
    if (values['update-baseline']) {
      const wrote = await writeFileIfChanged(baselinePath, serializeBaseline(makeBaseline(report.findings)));
      info(ctx, `${wrote ? 'wrote' : 'unchanged:'} ${display(ctx.cwd, baselinePath)} (${report.findings.length} accepted finding${report.findings.length === 1 ? '' : 's'})`);
      return 0;
    }
    if (!values['no-baseline'] && (baselineExplicit || (await fileExists(baselinePath)))) {
      if (!(await fileExists(baselinePath))) throw new BitextError('FILE_NOT_FOUND', 'no such baseline file', { file: display(ctx.cwd, baselinePath), hint: 'Create it with bitext check --update-baseline.' });
      const text = (await readTextFile(baselinePath)).text;
      const baseline = parseBaseline(text, display(ctx.cwd, baselinePath));
      const applied = applyBaseline(report.findings, baseline);
      report = { ...report, findings: applied.findings, counts: countFindings(applied.findings), suppressed: applied.suppressed };
      if (applied.fixed > 0) info(ctx, `${applied.fixed} finding${applied.fixed === 1 ? '' : 's'} of the baseline no longer occur${applied.fixed === 1 ? 's' : ''}: run bitext check --update-baseline to drop them`);
    }

    for (const s of report.skipped) if (!only) info(ctx, `skipped ${s.check}: ${s.reason}`);
    for (const note of report.notes) warn(ctx, note);
    const color = format === 'text' && !values.output && !!ctx.stdout.isTTY && !ctx.env.NO_COLOR;
    const out = render(format, report, { color, failOn });
    if (values.output) {
      await writeFileAtomic(path.resolve(ctx.cwd, values.output as string), out);
      info(ctx, `wrote ${values.output}`);
    } else {
      ctx.stdout.write(out);
    }
    if (format !== 'text' || values.output) info(ctx, `bitext check: ${summary(report)}`);
    return failsAt(report, failOn as Severity | 'never') ? 1 : 0;
  },
};

function summary(r: CheckReport): string {
  const c = r.counts;
  return `${c.error} error(s), ${c.warning} warning(s), ${c.info} info in ${r.files.length} file(s), ${r.links} links` + (r.suppressed ? `; ${r.suppressed} hidden by the baseline` : '');
}

export default command;
