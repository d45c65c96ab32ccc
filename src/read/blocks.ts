/**
 * Document → blocks. A "Markdown-ish" reader for the documents translators get: plain text or Markdown, paragraphs
 * separated by blank lines (or, when a file has no blank line at all, one paragraph per line), ATX headings
 * (`# …` to `###### …`) and Setext headings (`Title` over `===`/`---`), list items, block quotes, emphasis.
 * Each block gets its language from its script (Han vs Latin letters) and keeps its exact range in the file.
 * Pure: no I/O.
 */
import type { Block, Diagnostic, Lang } from '../model/types.js';
import { isCjkChar, isHan, isInvisible, isLatinLetter, isLower, isSpace } from '../lang/script.js';
import { collectHyphenEvidence, keepHyphen, type HyphenEvidence } from './hyphen.js';
import { Piece } from './piece.js';

/**
 * Language of a text from its letters: Chinese when Han characters are at least a third of the Latin letters
 * (one Han character carries about as much as three Latin letters), English when Latin letters dominate,
 * undefined when there are no letters at all (numbers, punctuation).
 */
export function detectLang(text: string): 'zh' | 'en' | undefined {
  let han = 0;
  let latin = 0;
  const cls = (letterClass ??= letterClasses());
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const cp = text.codePointAt(i)!;
      i++;
      if (isHan(cp)) han++;
      else if (isLatinLetter(cp)) latin++;
    } else if (cls[c] === 1) han++;
    else if (cls[c] === 2) latin++;
  }
  if (han === 0 && latin === 0) return undefined;
  return han * 3 >= latin ? 'zh' : 'en';
}

/** Per UTF-16 unit outside the surrogates: 1 a Han character, 2 a Latin letter (detectLang reads whole files). */
let letterClass: Uint8Array | undefined;

function letterClasses(): Uint8Array {
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = isHan(c) ? 1 : isLatinLetter(c) ? 2 : 0;
  return t;
}

/** A block with its normalised text mapped to file offsets (internal to read/ and segment/). */
export interface DetailedBlock {
  block: Block;
  piece: Piece;
  /** A list item (bullet or numbered): never continues the paragraph before it. */
  listItem: boolean;
  /** A page number or page label left by a printed edition ("12", "- 12 -", "Page 3 of 9", "第12页"). */
  pageNumber: boolean;
}

const PAGE_NUMBER = /^(?:[-–—·•(（\s]*\d{1,4}[-–—·•)）\s]*|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/i;

export interface ParsedDocument {
  blocks: DetailedBlock[];
  evidence: HyphenEvidence;
  /** The file was read one paragraph per line (no blank line anywhere). */
  lineMode: boolean;
  /**
   * One paragraph per line, but the lines look hard-wrapped (most do not end a sentence): text copied from a PDF.
   * Page-break repair then also joins lines that start with a capital. `typicalLine` is the median line length.
   */
  wrapped: boolean;
  typicalLine: number;
  diagnostics: Diagnostic[];
}

interface Line {
  start: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
      lines.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start <= text.length) lines.push({ start, end: text.length });
  return lines;
}

function isBlankLine(text: string, l: Line): boolean {
  for (let i = l.start; i < l.end; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && !isInvisible(c)) return false;
  }
  return true;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t\u00a0\u3000]+|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BULLET = /^ {0,3}[-*+•·][ \t]+(?=\S)/;
const ORDERED = /^ {0,3}(?:\d{1,3}[.)]|[（(]\d{1,3}[)）]|[a-z][.)])[ \t]+(?=\S)/;
const QUOTE = /^ {0,3}>[ \t]?/;
const FENCE = /^ {0,3}(```|~~~)/;

interface RawBlock {
  kind: 'paragraph' | 'heading';
  level?: number;
  /** [contentStart, contentEnd] per line, prefixes (#, >, bullets) removed. */
  lines: Line[];
  start: number;
  end: number;
  item?: boolean;
  /** Language of the first line with letters (to split blocks whose lines alternate between languages). */
  lang?: string;
}

/** Group lines into raw blocks. */
const INDENT = /^(?:\u3000|[ \t\u00a0]{2,}|\t)/;

function groupBlocks(text: string, lines: Line[], lineMode: boolean, indentMode = false): RawBlock[] {
  const out: RawBlock[] = [];
  let cur: RawBlock | undefined;
  let inFence = false;
  let inComment = false;
  const close = () => {
    if (cur && cur.lines.length) out.push(cur);
    cur = undefined;
  };
  let first = 0;
  // YAML front matter (--- … --- at the top of a Markdown file) is metadata, not text.
  while (first < lines.length && isBlankLine(text, lines[first])) first++;
  if (first < lines.length && /^---[ \t]*$/.test(text.slice(lines[first].start, lines[first].end))) {
    for (let k = first + 1; k < Math.min(lines.length, first + 200); k++) {
      if (/^(---|\.\.\.)[ \t]*$/.test(text.slice(lines[k].start, lines[k].end))) {
        first = k + 1;
        break;
      }
    }
  }
  for (let li = first; li < lines.length; li++) {
    const l = lines[li];
    const raw = text.slice(l.start, l.end);
    // HTML comments on their own lines (<!-- … -->) are skipped.
    if (inComment || /^ {0,3}<!--/.test(raw)) {
      close();
      inComment = !raw.includes('-->');
      continue;
    }
    if (FENCE.test(raw)) {
      // Fenced code is not prose: skip it whole.
      close();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (isBlankLine(text, l)) {
      close();
      continue;
    }
    if (THEMATIC.test(raw) && !(cur && cur.kind === 'paragraph' && cur.lines.length === 1 && /^ {0,3}-+[ \t]*$/.test(raw))) {
      close();
      continue;
    }
    const setext = SETEXT.exec(raw);
    if (setext && cur && cur.kind === 'paragraph' && cur.lines.length === 1) {
      cur.kind = 'heading';
      cur.level = setext[1][0] === '=' ? 1 : 2;
      close();
      continue;
    }
    const atx = ATX.exec(raw);
    if (atx) {
      close();
      let s = l.start + atx[0].length;
      let e = l.end;
      // Closing sequence of #s.
      const tail = /[ \t]+#+[ \t]*$/.exec(text.slice(s, e));
      if (tail) e -= tail[0].length;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      out.push({ kind: 'heading', level: atx[1].length, lines: [{ start: s, end: e }], start: l.start, end: l.end });
      continue;
    }
    let s = l.start;
    const q = QUOTE.exec(raw);
    if (q) s += q[0].length;
    const rest = text.slice(s, l.end);
    const bullet = BULLET.exec(rest);
    const ordered = bullet ? null : ORDERED.exec(rest);
    if (bullet) s += bullet[0].length;
    const item = Boolean(bullet || ordered);
    // Line-by-line bilingual text (an English line, then its Chinese line) without blank lines between them.
    const lineLang = detectLang(rest);
    // In indent mode an unindented line after a sentence end (a title such as 第二章) also starts a block.
    const afterEnd = indentMode && cur !== undefined && /[.!?。！？…]["'”’」』）)]*\s*$/.test(text.slice(cur.lines[cur.lines.length - 1].start, cur.lines[cur.lines.length - 1].end));
    if (item || lineMode || (indentMode && (INDENT.test(raw) || afterEnd)) || (cur && cur.lang && lineLang && lineLang !== cur.lang)) close();
    if (!cur) cur = { kind: 'paragraph', lines: [], start: l.start, end: l.end, item };
    cur.lang ??= lineLang;
    cur.lines.push({ start: s, end: l.end });
    cur.end = l.end;
  }
  close();
  return out;
}

/** Markdown inline markup removed from a piece: **strong**, __strong__, *em*, _em_, `code`, [link](url), ![img](url). */
function stripInline(p: Piece): Piece {
  const t = p.text;
  if (!/[*_`[]/.test(t)) return p;
  const drop = new Uint8Array(t.length);
  const mark = (from: number, to: number) => {
    for (let i = from; i < to; i++) drop[i] = 1;
  };
  for (const m of t.matchAll(/!?\[([^\]\n]{1,500})\]\(([^)\s]{0,2000})(?:\s+"[^"]*")?\)/g)) {
    const i = m.index!;
    const open = m[0].startsWith('!') ? 2 : 1;
    mark(i, i + open);
    const close = i + open + m[1].length;
    mark(close, i + m[0].length);
  }
  for (const m of t.matchAll(/(\*\*|__)(?=\S)(?:[^*_]|[*_](?!\1)){0,1000}?\S\1/g)) {
    const i = m.index!;
    const n = m[1].length;
    if (m[1] === '__' && (/\w/.test(t[i - 1] ?? '') || /\w/.test(t[i + m[0].length] ?? ''))) continue;
    mark(i, i + n);
    mark(i + m[0].length - n, i + m[0].length);
  }
  for (const m of t.matchAll(/(?<![\w*_\\])([*_])(?=[^\s*_])([^*_\n]{1,500}?)(?<=[^\s*_])\1(?![\w*_])/g)) {
    const i = m.index!;
    if (drop[i]) continue;
    mark(i, i + 1);
    mark(i + m[0].length - 1, i + m[0].length);
  }
  for (const m of t.matchAll(/`([^`\n]{1,500})`/g)) {
    const i = m.index!;
    mark(i, i + 1);
    mark(i + m[0].length - 1, i + m[0].length);
  }
  const out = p.filter((i) => !drop[i]);
  // Removing markup may leave a doubled or edge space.
  const t2 = out.text;
  return out.filter((i) => !(t2[i] === ' ' && (i === 0 || i === t2.length - 1 || t2[i + 1] === ' ')));
}

function letterBefore(p: Piece): string {
  const m = /([A-Za-z]+)-$/.exec(p.tail(64));
  return m ? m[1] : '';
}

/**
 * Join `next` (a sealed piece) to `acc` across a line or page break: a space between words of a space-separated
 * text, nothing next to CJK in a Chinese text, a hyphen at the break re-joined or kept by evidence.
 * Returns whether a hyphenated word was re-joined.
 */
export function joinAcross(acc: Piece, next: Piece, zh: boolean, ev: HyphenEvidence): boolean {
  if (acc.length === 0) {
    acc.append(next);
    return false;
  }
  const a = acc.tail(1).charCodeAt(0);
  const b = next.text.charCodeAt(0);
  // "Asia-|Pacific", "Post-|2015": a hyphen before a capital or a digit is kept, without a space.
  if (a === 0x2d && /^[A-Z0-9]/.test(next.text) && /[A-Za-z0-9]-$/.test(acc.tail(2))) {
    acc.append(next);
    return false;
  }
  if (a === 0x2d /* - */ && next.text.length && isLower(next.text[0])) {
    const left = letterBefore(acc);
    const right = /^[A-Za-z]+/.exec(next.text)?.[0] ?? '';
    if (left && right) {
      if (!keepHyphen(left, right, ev)) {
        acc.pop();
        acc.append(next);
        return true;
      }
      acc.append(next);
      return false;
    }
  }
  const cjkA = isCjkChar(a) || (a >= 0xd800 && a <= 0xdfff);
  const cjkB = isCjkChar(b) || (b >= 0xd800 && b <= 0xdfff);
  const noSpace = (cjkA && cjkB) || (zh && (cjkA || cjkB)) || a === 0x2014 || b === 0x2014 || a === 0x2f /* / */;
  if (!noSpace) acc.push(' ', acc.offs[acc.length - 1] + 1);
  acc.append(next);
  return false;
}

/** Normalise one line [start, end) of `text` into a piece: white-space runs → one space, invisible characters dropped, trimmed. */
function lineToPiece(text: string, l: Line): Piece {
  const p = new Piece();
  let pendingSpace = -1;
  for (let i = l.start; i < l.end; i++) {
    const c = text.charCodeAt(i);
    if (isInvisible(c)) continue;
    if (isSpace(c)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && p.length > 0) p.push(' ', pendingSpace);
    pendingSpace = -1;
    p.push(text[i], i);
  }
  return p;
}

function softHyphenAtEnd(text: string, l: Line): boolean {
  let i = l.end - 1;
  while (i >= l.start && isSpace(text.charCodeAt(i))) i--;
  return i >= l.start && text.charCodeAt(i) === 0xad;
}

/** Parse a document into blocks with normalised text and offset maps. */
export function parseDocumentDetailed(text: string, options: { file?: string; evidence?: HyphenEvidence } = {}): ParsedDocument {
  const lines = splitLines(text);
  // One paragraph per line when no blank line separates two text lines anywhere.
  let sawText = false;
  let blankAfterText = false;
  let lineMode = true;
  let textLines = 0;
  for (const l of lines) {
    if (isBlankLine(text, l)) {
      if (sawText) blankAfterText = true;
    } else {
      textLines++;
      if (blankAfterText) {
        lineMode = false;
        break;
      }
      sawText = true;
    }
  }
  if (textLines <= 1) lineMode = false;
  let wrapped = false;
  let typicalLine = 0;
  // No blank lines, but paragraphs open with an indent (Chinese e-books: two ideographic spaces): an indented line starts a paragraph,
  // the lines under it continue it.
  let indentMode = false;
  if (lineMode && textLines >= 4) {
    let indented = 0;
    for (const l of lines) if (!isBlankLine(text, l) && INDENT.test(text.slice(l.start, l.end))) indented++;
    if (indented >= 0.1 * textLines && indented <= 0.9 * textLines) {
      indentMode = true;
      lineMode = false;
    }
  }
  if (lineMode && textLines >= 4) {
    // Wrapped prose: most lines do not end a sentence, yet sentences end inside many lines (lists, headlines and
    // verse have no sentence end inside a line, and stay one paragraph per line).
    const lens: number[] = [];
    let ending = 0;
    let inner = 0;
    for (const l of lines) {
      const t = text.slice(l.start, l.end).trim();
      if (!t) continue;
      lens.push(t.length);
      if (/[.!?。！？…:：]["'”’」』）)]*$/.test(t)) ending++;
      if (/[.!?]["'”’)]*\s+["'“‘(]?[A-Z]|[。！？][”’」』）]*[^\s”’」』）]/.test(t)) inner++;
    }
    lens.sort((x, y) => x - y);
    typicalLine = lens[lens.length >> 1];
    wrapped = ending < 0.5 * lens.length && inner >= 0.2 * lens.length;
  }
  const evidence = options.evidence ?? collectHyphenEvidence(text);
  const raws = groupBlocks(text, lines, lineMode, indentMode);
  const blocks: DetailedBlock[] = [];
  for (const rb of raws) {
    const rawText = text.slice(rb.start, rb.end);
    const zh = detectLang(rawText) === 'zh';
    let piece = new Piece();
    for (let k = 0; k < rb.lines.length; k++) {
      const lp = lineToPiece(text, rb.lines[k]);
      if (lp.length === 0) continue;
      if (k > 0 && softHyphenAtEnd(text, rb.lines[k - 1])) piece.append(lp);
      else joinAcross(piece, lp, zh, evidence);
    }
    piece = stripInline(piece);
    if (piece.length === 0) continue;
    const lang: Lang = detectLang(piece.text) ?? 'und';
    const block: Block = { index: blocks.length, lang, kind: rb.kind, text: piece.text, start: rb.start, end: rb.end };
    if (rb.kind === 'heading') block.headingLevel = rb.level;
    const pageNumber = rb.kind === 'paragraph' && rb.lines.length === 1 && PAGE_NUMBER.test(rawText.trim());
    blocks.push({ block, piece, listItem: Boolean(rb.item) && !pageNumber, pageNumber });
  }
  return { blocks, evidence, lineMode, wrapped, typicalLine, diagnostics: [] };
}

/** Markdown-ish text → blocks in document order, each with its language ('zh', 'en', or 'und' without letters). */
export function parseBlocks(text: string, options: { file?: string } = {}): Block[] {
  return parseDocumentDetailed(text, options).blocks.map((b) => b.block);
}
