/**
 * Page-break repair: a paragraph that does not end a sentence continues in the next block of the same language,
 * even when blocks of the other language stand between them (bilingual editions printed page by page).
 * A word hyphenated at the break is re-joined or kept by evidence (see hyphen.ts).
 *
 * When does a block continue the previous one of its language? When the previous one is a paragraph that does not
 * end with a sentence ender (or a colon), the next one is a paragraph and not a list item, and
 *  - English-like text: the next block starts with a lower-case letter, or the previous one ends with a hyphen,
 *    comma or dash, or the previous one is a real paragraph (it holds a sentence end or 120+ characters) that ends
 *    in a lower-case word — a short capitalised line without a full stop is an unmarked heading, never joined;
 *  - Chinese-like text: the previous one is a real paragraph (holds a sentence end or 30+ characters) and the next
 *    one does not open with a list label (一、 （一） 1. 第三章).
 * A file without blank lines is one paragraph per line and is never joined, unless its lines are hard-wrapped prose
 * (most lines do not end a sentence while sentences end inside many lines): then a line at least 60% as long as the
 * median line that does not end a sentence continues on the next line.
 */
import type { Diagnostic, Lang } from '../model/types.js';
import { segmentationProfile, type SegmentationProfile } from '../lang/profile.js';
import { isLower } from '../lang/script.js';
import { joinAcross, type DetailedBlock, type ParsedDocument } from './blocks.js';
import { Piece } from './piece.js';
import { LineIndex } from './lines.js';

export interface LogicalParagraph {
  lang: Lang;
  kind: 'paragraph' | 'heading';
  headingLevel?: number;
  piece: Piece;
  /** Indices of the blocks this paragraph is made of, and where each starts in `piece.text`. */
  blocks: number[];
  blockStarts: number[];
  /** Starts with a list item (never continued by the next block). */
  listItem: boolean;
  /** Length of the last block joined in (for hard-wrapped lines). */
  lastBlockLength: number;
}

export interface RepairResult {
  /** Per language, its logical paragraphs in document order. */
  byLang: Map<string, LogicalParagraph[]>;
  joins: number;
  diagnostics: Diagnostic[];
}

const ZH_LIST_LABEL = /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,3}[.、．)）]|第[一二三四五六七八九十百\d]+[章节条部分篇])/;
const EN_LIST_LABEL = /^(?:\d{1,3}[.)]|\(\w{1,3}\)|[a-z][.)])\s/;

function endsSentence(text: string, P: SegmentationProfile): boolean {
  let e = text.length;
  while (e > 0 && P.closers.includes(text[e - 1])) e--;
  const last = text[e - 1] ?? '';
  if (!last) return true;
  if (P.enders.includes(last) || last === '.' || last === '…' || last === '。') return true;
  return last === ':' || last === '：';
}

function hasInnerSentenceEnd(text: string): boolean {
  return /[.!?]["'”’)]*\s+\S|[。！？]/.test(text);
}

function continues(prev: LogicalParagraph, next: DetailedBlock, P: SegmentationProfile, doc: ParsedDocument): boolean {
  if (prev.kind !== 'paragraph' || next.block.kind !== 'paragraph' || next.listItem || prev.listItem) return false;
  // One paragraph per line, as the file says (a list, verse, subtitles) — unless the lines are wrapped prose.
  if (doc.lineMode && !doc.wrapped) return false;
  // Only the end of the previous paragraph is read: joining many blocks stays linear.
  const a = prev.piece.tail(400);
  const b = next.piece.text;
  if (!a || !b || endsSentence(a, P)) return false;
  // Hard-wrapped lines (PDF copy): a line as long as the typical line that does not end a sentence goes on.
  const fullLine = doc.wrapped && prev.lastBlockLength >= 0.6 * doc.typicalLine;
  if (P.spaceSeparated) {
    if (EN_LIST_LABEL.test(b)) return false;
    if (isLower(b[0])) return true;
    if (/[-,—–]$/.test(a)) return true;
    const real = prev.piece.length >= 120 || hasInnerSentenceEnd(a) || fullLine;
    const lastWord = /([\p{L}]+)$/u.exec(a)?.[1] ?? '';
    return real && lastWord !== '' && (isLower(lastWord[0]) || fullLine);
  }
  if (ZH_LIST_LABEL.test(b)) return false;
  if (doc.wrapped) return fullLine;
  return prev.piece.length >= 30 || hasInnerSentenceEnd(a);
}

/**
 * Group the blocks of a parsed document into logical paragraphs per language.
 * `langOf` gives the side a block belongs to (undefined: the block is left out).
 */
export function repairPageBreaks(doc: ParsedDocument, lines: LineIndex, langOf: (b: DetailedBlock) => Lang | undefined, file?: string): RepairResult {
  const byLang = new Map<string, LogicalParagraph[]>();
  const open = new Map<string, LogicalParagraph | undefined>();
  const diagnostics: Diagnostic[] = [];
  let joins = 0;
  for (const db of doc.blocks) {
    const lang = langOf(db);
    if (!lang) continue;
    const P = segmentationProfile(lang);
    const prev = open.get(lang);
    if (prev && continues(prev, db, P, doc)) {
      const before = prev.piece.tail(24);
      const hyphenJoined = joinAcross(prev.piece, db.piece, !P.spaceSeparated, doc.evidence);
      prev.blocks.push(db.block.index);
      prev.lastBlockLength = db.piece.length;
      prev.blockStarts.push(prev.piece.length - db.piece.length);
      joins++;
      // In a one-paragraph-per-line file the joins are wrapped lines, not page breaks: counted, not reported.
      if (!doc.lineMode) {
        const { line, column } = lines.at(db.block.start);
        diagnostics.push({
          code: 'PAGE_BREAK_JOINED',
          severity: 'info',
          message: `paragraph continued from block ${prev.blocks[prev.blocks.length - 2]} ("…${before}" + "${db.piece.text.slice(0, 24)}…")${hyphenJoined ? ', hyphen removed' : ''}`,
          file,
          line,
          column,
          offset: db.block.start,
        });
      }
    } else {
      const p: LogicalParagraph = { lang, kind: db.block.kind, piece: new Piece(), blocks: [db.block.index], blockStarts: [0], listItem: db.listItem, lastBlockLength: db.piece.length };
      if (db.block.headingLevel !== undefined) p.headingLevel = db.block.headingLevel;
      p.piece.append(db.piece);
      let list = byLang.get(lang);
      if (!list) byLang.set(lang, (list = []));
      list.push(p);
      open.set(lang, p);
    }
    const cur = open.get(lang)!;
    if (cur.kind !== 'paragraph' || endsSentence(cur.piece.tail(16), P)) open.set(lang, undefined);
  }
  return { byLang, joins, diagnostics };
}
