/**
 * Plain data types shared by every part of bitext. No behaviour here: functions live in their areas.
 * Offsets are 0-based UTF-16 code-unit offsets into the decoded text of the file they came from.
 */

/** BCP 47 language tag: 'zh-CN', 'en', 'en-US', 'de', 'fr'. Compare with `primaryLanguage()` from lang/. */
export type Lang = string;

/** A non-fatal problem: readers and pure functions return these as data and go on. */
export interface Diagnostic {
  code: string;
  message: string;
  severity?: 'warning' | 'info';
  file?: string;
  line?: number;
  column?: number;
  offset?: number;
}

/** A decoded text file. */
export interface DecodedText {
  text: string;
  /** WHATWG encoding label actually used, e.g. 'utf-8', 'utf-16le', 'gb18030'. */
  encoding: string;
  bom: boolean;
}

export type BlockKind = 'paragraph' | 'heading';

/** A block of a document as read: a paragraph or a heading, in one language. */
export interface Block {
  index: number;
  lang: Lang;
  kind: BlockKind;
  /** Markdown heading level (1–6) when kind is 'heading'. */
  headingLevel?: number;
  /** Text with markup stripped (`#`, `**`, `_`…), whitespace normalised. */
  text: string;
  /** Range of the raw block in the decoded file text. */
  start: number;
  end: number;
}

export type SentenceKind = 'sentence' | 'heading';

/** One sentence (or heading) of one side of a document. */
export interface Sentence {
  /** Stable within its side of the document, e.g. 'en.12' or 'zh.3'. */
  id: string;
  lang: Lang;
  text: string;
  kind: SentenceKind;
  headingLevel?: number;
  /** Index of the (first) block the sentence comes from. */
  block: number;
  /** Logical paragraph index within its language after page-break repair (same paragraph = same number). */
  paragraph: number;
  /** Range in the decoded file text. A sentence repaired across a page break spans the blocks between. */
  start: number;
  end: number;
  /** 1-based line of `start` in the file. */
  line?: number;
  /** 1-based column of `start`. */
  column?: number;
  file?: string;
}

/** One side of a document cut into sentences. */
export interface SegmentedSide {
  lang: Lang;
  file?: string;
  sentences: Sentence[];
}

export type LinkStatus = 'auto' | 'confirmed' | 'edited' | 'rejected';

/** A sentence as stored in a link: enough to show, check and point back at the document. */
export interface LinkSentence {
  id: string;
  text: string;
  kind?: SentenceKind;
  headingLevel?: number;
  start?: number;
  end?: number;
  line?: number;
}

/** One alignment link (bead): n source sentences ↔ m target sentences; 1-0 and 0-1 have one side empty. */
export interface Link {
  id: string;
  src: LinkSentence[];
  tgt: LinkSentence[];
  /** Confidence in [0, 1]; low means "review me first". */
  score: number;
  status: LinkStatus;
  note?: string;
}

export interface SourceFileInfo {
  role: 'src' | 'tgt' | 'bilingual';
  file: string;
  /** sha256 hex of the file bytes. */
  sha256?: string;
}

export interface AlignmentHeader {
  format: 'bitext-alignment';
  version: number;
  srcLang: Lang;
  tgtLang: Lang;
  sources: SourceFileInfo[];
  tool: { name: string; version: string };
  /** Other header fields are kept as they are. */
  [key: string]: unknown;
}

export interface Alignment {
  header: AlignmentHeader;
  links: Link[];
}

/** Administrative status as in TBX-Basic. 'forbidden' on input maps to 'deprecated'. */
export type TermStatus = 'preferred' | 'admitted' | 'deprecated' | 'superseded';

export interface Origin {
  file: string;
  line?: number;
  link?: string;
}

export interface Term {
  lang: Lang;
  text: string;
  status: TermStatus;
  pos?: string;
  note?: string;
  /** Where the term was seen (an example link) or where it was loaded from. */
  origin?: Origin;
}

/** A concept-oriented term-base entry, as in TBX. */
export interface Concept {
  id: string;
  domain?: string;
  definition?: string;
  note?: string;
  terms: Term[];
}

export interface TermBase {
  concepts: Concept[];
}

export type Severity = 'error' | 'warning' | 'info';

/** A check result. Spans are [start, end) offsets into the joined text of the link side (sentences joined by one space for space-separated languages, nothing for zh/ja). */
export interface Finding {
  check: string;
  severity: Severity;
  message: string;
  file: string;
  /** 1-based line in `file` (the JSONL line of the link). */
  line?: number;
  link?: string;
  srcSpan?: [number, number];
  tgtSpan?: [number, number];
  /** Other link ids involved (inconsistency findings). */
  related?: string[];
  data?: Record<string, unknown>;
  /** Joined source / target text of the link (so reporters can show both sides with the spans). */
  srcText?: string;
  tgtText?: string;
  /** Stable across runs (check id + link content, not line numbers): what baselines store. */
  fingerprint?: string;
}
