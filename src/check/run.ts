/**
 * The runner: feeds each link to every enabled check (per-link rules and streaming corpus rules), applies the
 * configured severities, fingerprints the findings and sorts them. Pure: the caller supplies the links (an array, a
 * generator, or an async stream of a million links read in bounded memory).
 */
import type { AlignmentHeader, Concept, Finding, Lang, Link, Severity } from '../model/types.js';
import { CHECKS } from './registry.js';
import { joinSentences } from '../lang/tags.js';
import type { Check, CheckConfig, CheckContext, CheckReport, CheckTermMatcher, FindingDraft, LinkItem, PreparedLink } from './types.js';
import { fingerprintFinding } from './baseline.js';

/** `joinSentences` of src/lang/tags.ts (space-separated languages joined with a space, CJK directly), one sentence without copying. */
function joinSide(sentences: readonly { text: string }[], lang: Lang): string {
  if (sentences.length === 1) return sentences[0].text;
  return joinSentences(sentences.map((s) => s.text), lang);
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
  /**
   * Ids of per-link checks (of `DEFERRABLE_CHECKS`) whose rule the caller runs elsewhere, e.g. in a worker thread
   * (`runLinkChecks`), and hands back with `CheckSession.addDeferred`.
   */
  deferred?: readonly string[];
}

/**
 * Per-link checks that read only the two texts, their languages and the term base (not the link's id, line or
 * status, nor any state): the costly ones (term matching, number extraction), which a caller may run in parallel.
 */
export const DEFERRABLE_CHECKS: readonly string[] = ['term-missing', 'term-forbidden', 'number-missing', 'number-extra'];

/** What a deferred per-link rule is given: the texts and languages of one prepared link. */
export interface DeferredInput {
  src: string;
  tgt: string;
  srcLang: Lang;
  tgtLang: Lang;
}

/**
 * The per-link rules of the named checks (in registry order) over one link's texts, for a caller running them apart
 * from the session (a worker thread): one entry per check, undefined when it found nothing.
 */
export function linkCheckRunner(ids: readonly string[], options: { matcher?: RunOptions['matcher']; config?: CheckConfig }): (input: DeferredInput) => (FindingDraft[] | undefined)[] {
  const checks = CHECKS.filter((c) => ids.includes(c.id) && DEFERRABLE_CHECKS.includes(c.id) && c.link);
  const contexts = new Map<string, CheckContext>();
  // The context of the last pair of tags (the same for every link of a file): no key string per link.
  let lastSrc: Lang | undefined;
  let lastTgt: Lang | undefined;
  let lastCtx: CheckContext | undefined;
  // These rules do not read the link (see DEFERRABLE_CHECKS): one stand-in for all.
  const link: Link = { id: '', src: [], tgt: [], score: 1, status: 'auto' };
  return (input) => {
    let ctx = lastCtx;
    if (ctx === undefined || input.srcLang !== lastSrc || input.tgtLang !== lastTgt) {
      const key = input.srcLang + '\u0000' + input.tgtLang;
      ctx = contexts.get(key);
      if (!ctx) {
        ctx = { file: '', srcLang: input.srcLang, tgtLang: input.tgtLang, matcher: options.matcher, concepts: options.matcher?.concepts, config: options.config ?? {}, reviewThreshold: DEFAULT_REVIEW_THRESHOLD };
        contexts.set(key, ctx);
      }
      lastSrc = input.srcLang;
      lastTgt = input.tgtLang;
      lastCtx = ctx;
    }
    // A new object per link: the checks remember their last link by identity (numbers, terms).
    const p: PreparedLink = { link, line: 0, file: '', src: input.src, tgt: input.tgt, srcLang: input.srcLang, tgtLang: input.tgtLang, heading: false };
    return checks.map((c) => {
      const d = c.link!(p, ctx);
      return d && d.length ? d : undefined;
    });
  };
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
  /** Its per-link rule runs elsewhere (`RunOptions.deferred`). */
  deferred: boolean;
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
      const deferred = !!options.deferred?.includes(check.id) && DEFERRABLE_CHECKS.includes(check.id);
      this.active.push({ check, severity: o ?? check.defaultSeverity, state: check.begin ? check.begin() : undefined, order, deferred });
    });
    this.deferredActive = this.active.filter((a) => a.deferred);
  }

  private readonly deferredActive: Active[];

  /** Ids of the active checks whose per-link rule the caller runs (`RunOptions.deferred`), in registry order. */
  get deferredChecks(): string[] {
    return this.deferredActive.map((a) => a.check.id);
  }

  /**
   * Findings of the deferred per-link rules for a link `add` returned: one entry per `deferredChecks` id, as
   * `linkCheckRunner` gives them. The report is the same as when the session runs them (findings are sorted at the
   * end; those of one link and check keep their order).
   */
  addDeferred(p: PreparedLink, drafts: readonly (FindingDraft[] | undefined | null)[]): void {
    for (let i = 0; i < this.deferredActive.length; i++) {
      const ds = drafts[i];
      if (ds) for (const d of ds) this.findings.push(this.complete(this.deferredActive[i], d, p));
    }
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

  /** Check one link; returns it prepared (texts joined), or undefined when it is skipped (status rejected). */
  add(item: LinkItem): PreparedLink | undefined {
    const ctx = this.context(item.file, item.header);
    this.links++;
    if (this.options.onProgress && this.links % 10_000 === 0) this.options.onProgress(this.links);
    const link = item.link;
    // A rejected link is not a translation unit: content checks skip it.
    if (link.status === 'rejected') return undefined;
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
      if (a.check.link && !a.deferred) {
        const drafts = a.check.link(p, ctx);
        if (drafts) for (const d of drafts) this.findings.push(this.complete(a, d, p));
      }
      if (a.check.accumulate) a.check.accumulate(a.state, p, ctx);
    }
    return p;
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
