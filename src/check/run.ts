/**
 * The runner: feeds each link to every enabled check (per-link rules and streaming corpus rules), applies the
 * configured severities, fingerprints the findings and sorts them. Pure: the caller supplies the links (an array, a
 * generator, or an async stream of a million links read in bounded memory).
 */
import type { AlignmentHeader, Concept, Finding, Lang, Link, Severity } from '../model/types.js';
import { continua } from './text.js';
import { CHECKS } from './registry.js';
import type { Check, CheckConfig, CheckContext, CheckReport, CheckTermMatcher, FindingDraft, LinkItem, PreparedLink } from './types.js';
import { fingerprintFinding } from './baseline.js';

/** `joinSentences` of src/lang/tags.ts (space-separated languages joined with a space, CJK directly), one sentence without copying. */
function joinSide(sentences: readonly { text: string }[], lang: Lang): string {
  if (sentences.length === 1) return sentences[0].text;
  return sentences.map((s) => s.text).join(continua(lang) ? '' : ' ');
}

export interface RunOptions {
  /** Source/target languages when a file's header does not say (default 'zh' → 'en'). */
  srcLang?: Lang;
  tgtLang?: Lang;
  /** The compiled term base (src/terms compileTermBase); without it the term checks are skipped. */
  matcher?: CheckTermMatcher & { concepts?: Map<string, Concept> };
  config?: CheckConfig;
  /** Default 0.5 (or config.reviewThreshold, or the file header's reviewThreshold). */
  reviewThreshold?: number;
  /** Run only these checks (ids), before the config's on/off. */
  only?: string[];
  /** Called every 10,000 links. */
  onProgress?(links: number): void;
}

export const DEFAULT_REVIEW_THRESHOLD = 0.5;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function severityAtLeast(s: Severity, level: Severity): boolean {
  return SEVERITY_RANK[s] <= SEVERITY_RANK[level];
}

interface Active {
  check: Check;
  severity: Severity;
  state: unknown;
  order: number;
}

/** Incremental runner: `add` links (any number of files, in order), then `finish`. */
export class CheckSession {
  private readonly active: Active[];
  private readonly ctxByFile = new Map<string, CheckContext>();
  private readonly fileOrder = new Map<string, number>();
  private readonly findings: Finding[] = [];
  readonly skipped: { check: string; reason: string }[] = [];
  private links = 0;
  private readonly config: CheckConfig;

  constructor(private readonly options: RunOptions = {}) {
    this.config = options.config ?? {};
    const overrides = this.config.checks ?? {};
    this.active = [];
    CHECKS.forEach((check, order) => {
      if (options.only && !options.only.includes(check.id)) return;
      const o = overrides[check.id];
      if (o === 'off') return;
      if (check.needsTermBase && !options.matcher) {
        this.skipped.push({ check: check.id, reason: 'no term base (put one in glossary/ or pass --glossary)' });
        return;
      }
      this.active.push({ check, severity: o ?? check.defaultSeverity, state: check.begin ? check.begin() : undefined, order });
    });
  }

  /** Ids of the checks that run. */
  get checks(): string[] {
    return this.active.map((a) => a.check.id);
  }

  private readonly withHeader = new Set<string>();

  private context(file: string, header: AlignmentHeader | undefined): CheckContext {
    let ctx = this.ctxByFile.get(file);
    // A file registered before its header was read gets its languages when the header comes.
    if (ctx && (this.withHeader.has(file) || !header)) return ctx;
    if (header) this.withHeader.add(file);
    const h = header ?? ({} as Partial<AlignmentHeader>);
    const headerThreshold = typeof h.reviewThreshold === 'number' ? h.reviewThreshold : undefined;
    ctx = {
      file,
      srcLang: (typeof h.srcLang === 'string' && h.srcLang) || this.options.srcLang || 'zh',
      tgtLang: (typeof h.tgtLang === 'string' && h.tgtLang) || this.options.tgtLang || 'en',
      matcher: this.options.matcher,
      concepts: this.options.matcher?.concepts,
      config: this.config,
      reviewThreshold: this.config.reviewThreshold ?? this.options.reviewThreshold ?? headerThreshold ?? DEFAULT_REVIEW_THRESHOLD,
    };
    const known = this.ctxByFile.get(file);
    if (known) {
      Object.assign(known, ctx);
      return known;
    }
    this.ctxByFile.set(file, ctx);
    this.fileOrder.set(file, this.fileOrder.size);
    return ctx;
  }

  /** Register a file even when it has no links (so reports list it). */
  addFile(file: string, header?: AlignmentHeader): void {
    this.context(file, header);
  }

  add(item: LinkItem): void {
    const ctx = this.context(item.file, item.header);
    this.links++;
    if (this.options.onProgress && this.links % 10_000 === 0) this.options.onProgress(this.links);
    const link = item.link;
    // A rejected link is not a translation unit: content checks skip it.
    if (link.status === 'rejected') return;
    const p: PreparedLink = {
      link,
      line: item.line,
      file: item.file,
      src: joinSide(link.src, ctx.srcLang),
      tgt: joinSide(link.tgt, ctx.tgtLang),
      srcLang: ctx.srcLang,
      tgtLang: ctx.tgtLang,
      heading: link.src.length + link.tgt.length > 0 && link.src.every((s) => s.kind === 'heading') && link.tgt.every((s) => s.kind === 'heading'),
    };
    for (const a of this.active) {
      if (a.check.link) {
        const drafts = a.check.link(p, ctx);
        if (drafts) for (const d of drafts) this.findings.push(this.complete(a, d, p));
      }
      if (a.check.accumulate) a.check.accumulate(a.state, p, ctx);
    }
  }

  private complete(a: Active, d: FindingDraft, p?: PreparedLink): Finding {
    const f: Finding = {
      check: a.check.id,
      severity: a.severity,
      message: d.message,
      file: d.file ?? p?.file ?? '',
      ...(d.line ?? p?.line ? { line: d.line ?? p?.line } : {}),
      ...(d.link ?? p?.link.id ? { link: d.link ?? p?.link.id } : {}),
      ...(d.srcSpan ? { srcSpan: d.srcSpan } : {}),
      ...(d.tgtSpan ? { tgtSpan: d.tgtSpan } : {}),
      ...(d.related && d.related.length ? { related: d.related } : {}),
      ...(d.data ? { data: d.data } : {}),
    };
    const srcText = d.srcText ?? p?.src;
    const tgtText = d.tgtText ?? p?.tgt;
    if (srcText !== undefined) f.srcText = srcText;
    if (tgtText !== undefined) f.tgtText = tgtText;
    f.fingerprint = fingerprintFinding(f);
    return f;
  }

  finish(): CheckReport {
    const notes: string[] = [];
    for (const a of this.active) {
      if (a.check.finish) for (const d of a.check.finish(a.state, this.config)) this.findings.push(this.complete(a, d));
      if (a.check.notes) notes.push(...a.check.notes(a.state));
    }
    const order = new Map(this.active.map((a) => [a.check.id, a.order]));
    const fo = this.fileOrder;
    const findings = this.findings.sort(
      (x, y) =>
        (fo.get(x.file) ?? 1e9) - (fo.get(y.file) ?? 1e9) ||
        (x.line ?? 0) - (y.line ?? 0) ||
        (order.get(x.check) ?? 0) - (order.get(y.check) ?? 0) ||
        (x.srcSpan?.[0] ?? -1) - (y.srcSpan?.[0] ?? -1) ||
        (x.tgtSpan?.[0] ?? -1) - (y.tgtSpan?.[0] ?? -1) ||
        (x.message < y.message ? -1 : x.message > y.message ? 1 : 0),
    );
    return { findings, counts: countFindings(findings), files: [...fo.keys()], links: this.links, checks: this.checks, skipped: this.skipped, notes, suppressed: 0 };
  }
}

export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Run every enabled check over links (a sync iterable: an array or generator). */
export function runChecksSync(input: Iterable<LinkItem>, options: RunOptions = {}): CheckReport {
  const s = new CheckSession(options);
  for (const item of input) s.add(item);
  return s.finish();
}

/** Run every enabled check over links, streaming (async iterables are consumed one link at a time). */
export async function runChecks(input: Iterable<LinkItem> | AsyncIterable<LinkItem>, options: RunOptions = {}): Promise<CheckReport> {
  const s = new CheckSession(options);
  if (Symbol.asyncIterator in input) {
    for await (const item of input as AsyncIterable<LinkItem>) s.add(item);
  } else {
    for (const item of input as Iterable<LinkItem>) s.add(item);
  }
  return s.finish();
}

/** JSONL items as the formats readers yield them (`iterateAlignmentJsonl`, `streamAlignmentFile`) → links to check. */
export async function* linkItemsFrom(
  source: AsyncIterable<{ type: 'header'; header: AlignmentHeader; line: number } | { type: 'link'; link: Link; line: number }>,
  file: string,
): AsyncGenerator<LinkItem> {
  let header: AlignmentHeader | undefined;
  for await (const item of source) {
    if (item.type === 'header') header = item.header;
    else yield { link: item.link, line: item.line, file, header };
  }
}

/** Does the report fail the build at this level? */
export function failsAt(report: Pick<CheckReport, 'counts'>, failOn: Severity | 'never'): boolean {
  if (failOn === 'never') return false;
  return (Object.keys(report.counts) as Severity[]).some((s) => report.counts[s] > 0 && severityAtLeast(s, failOn));
}
