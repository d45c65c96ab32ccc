/** Types of the check engine: a check is a small named rule with a default severity (Translate Toolkit / CheckMate style). */
import type { AlignmentHeader, Concept, Finding, Lang, Link, Severity, TermStatus } from '../model/types.js';

/** One link as it comes from a JSONL file. */
export interface LinkItem {
  link: Link;
  /** 1-based line of the link in its file. */
  line: number;
  file: string;
  header?: AlignmentHeader;
}

/** A link with both sides joined (spans in findings are offsets into these strings). */
export interface PreparedLink {
  link: Link;
  line: number;
  file: string;
  src: string;
  tgt: string;
  srcLang: Lang;
  tgtLang: Lang;
  /** Every sentence on both sides is a heading. */
  heading: boolean;
  /** Cache of `normalizeForCompare(src|tgt)` (filled by `normalizedSide`). */
  norm?: { src?: string; tgt?: string; srcHash?: number; tgtHash?: number };
}

/** What the term checks need from a term matcher (src/terms `compileTermBase`). Structural so checks do not depend on its build. */
export interface CheckTermMatch {
  conceptId: string;
  term: { lang: Lang; text: string; status: TermStatus };
  start: number;
  end: number;
  fuzzy?: boolean;
  score?: number;
}
export interface CheckTermMatcher {
  find(text: string, lang: Lang, options?: { overlapping?: boolean }): CheckTermMatch[];
  /** Optional: the target-language terms of a concept (for messages "should be …"). */
  concept?(id: string): { id: string; terms: { lang: Lang; text: string; status: TermStatus }[] } | undefined;
}

export type FailOn = Severity | 'never';

/** The check configuration file (`.bitext-check.json`), validated by `parseCheckConfig`. */
export interface CheckConfig {
  /** Per-check override: a severity, or 'off'. */
  checks?: Record<string, Severity | 'off'>;
  failOn?: FailOn;
  /** Links with a score below this and status 'auto' are reported by `low-confidence`. */
  reviewThreshold?: number;
  /** Baseline file (relative to the config file's folder). */
  baseline?: string;
  /** Term base folder or file (relative to the config file's folder). */
  glossary?: string;
  /** Robust z-score above which `length-ratio` reports a link (default 3.5). */
  lengthRatioZ?: number;
}

export interface CheckContext {
  file: string;
  srcLang: Lang;
  tgtLang: Lang;
  matcher?: CheckTermMatcher;
  /** Concepts of the term base by id (for messages naming the approved translation). */
  concepts?: Map<string, Concept>;
  config: CheckConfig;
  reviewThreshold: number;
}

/** A finding as a check returns it: the runner fills `check` and `severity` (default or configured). */
export type FindingDraft = Omit<Finding, 'check' | 'severity' | 'file'> & { file?: string };

export type CheckGroup = 'terms' | 'consistency' | 'numbers' | 'completeness' | 'alignment';

export interface Check<S = any> {
  /** Stable kebab-case id, used in config files, baselines, SARIF rule ids. */
  id: string;
  /** One line for reports and --list-checks. */
  title: string;
  /** What it looks for and how to fix it (SARIF fullDescription, --list-checks --verbose). */
  description: string;
  group: CheckGroup;
  defaultSeverity: Severity;
  /** Needs a term base: skipped (and said so) when none is given. */
  needsTermBase?: boolean;
  /** Per-link rule. */
  link?(p: PreparedLink, ctx: CheckContext): FindingDraft[] | undefined;
  /** Corpus rule, streaming: state from `begin`, fed each link, findings at the end. */
  begin?(): S;
  accumulate?(state: S, p: PreparedLink, ctx: CheckContext): void;
  finish?(state: S, config: CheckConfig): FindingDraft[];
  /** Remarks about a partial run (after `finish`), shown as warnings by the CLI. */
  notes?(state: S): string[];
}

export interface CheckReport {
  /** Sorted: file order, then line, then check order. */
  findings: Finding[];
  /** Counts of `findings` (after the baseline, when one was applied). */
  counts: Record<Severity, number>;
  files: string[];
  links: number;
  /** Ids of the checks that ran. */
  checks: string[];
  /** Checks that could not run, with why (e.g. no term base). */
  skipped: { check: string; reason: string }[];
  /** Remarks such as "term-variants looked at the first N links only". */
  notes: string[];
  /** Findings hidden because the baseline knows them. */
  suppressed: number;
}
