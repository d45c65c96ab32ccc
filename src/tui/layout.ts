/**
 * Pure layout for the review screen: wrap text to a column width in terminal cells (CJK characters are two cells
 * wide, measured with string-width), lay a link out as rows of two columns, and pick the window of links that
 * fits the screen around the cursor. Only the visible links are ever wrapped, so a 100,000-link file costs no
 * more to draw than a 10-link one.
 */
import stringWidth from 'string-width';
import type { Link } from '../model/types.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Width in terminal cells. ASCII fast path; everything else through string-width (East Asian Width, emoji). */
export function cellWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  return stringWidth(text);
}

/** A character after which a line may break without a hyphen: CJK ideographs, kana, full-width punctuation. */
function isCjkBreak(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x2e80 && c <= 0x9fff) || // CJK radicals, punctuation, kana, ideographs
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x20000 && c <= 0x3ffff)
  );
}

/** Split text into break units: a word (run of non-space, non-CJK characters), a space run, or one CJK character. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const { segment } of segmenter.segment(text)) {
    if (segment === ' ' || segment === '\t' || segment === '\u3000') {
      if (word) out.push(word);
      word = '';
      out.push(' ');
    } else if (isCjkBreak(segment)) {
      if (word) out.push(word);
      word = '';
      out.push(segment);
    } else {
      word += segment;
    }
  }
  if (word) out.push(word);
  return out;
}

/**
 * Greedy word wrap to `width` cells: breaks at spaces and between CJK characters; a word longer than the line is
 * cut by graphemes. Leading spaces of a continuation line are dropped. Always returns at least one line.
 */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const clean = text.replace(/[\r\n]+/g, ' ');
  if (cellWidth(clean) <= w) return [clean];
  const lines: string[] = [];
  let line = '';
  let lineW = 0;
  const push = () => {
    lines.push(line.replace(/ +$/, ''));
    line = '';
    lineW = 0;
  };
  for (const tok of tokens(clean)) {
    if (tok === ' ') {
      if (lineW === 0) continue;
      if (lineW + 1 > w) {
        push();
        continue;
      }
      line += ' ';
      lineW += 1;
      continue;
    }
    const tw = cellWidth(tok);
    if (lineW + tw <= w) {
      line += tok;
      lineW += tw;
      continue;
    }
    if (tw <= w) {
      push();
      line = tok;
      lineW = tw;
      continue;
    }
    // A word wider than the column: cut it by graphemes.
    for (const { segment } of segmenter.segment(tok)) {
      const gw = cellWidth(segment);
      if (lineW + gw > w && lineW > 0) push();
      line += segment;
      lineW += gw;
    }
  }
  if (line || lines.length === 0) push();
  return lines;
}

/** Pad (or cut) to exactly `width` cells. */
export function padCells(text: string, width: number): string {
  const w = cellWidth(text);
  if (w === width) return text;
  if (w < width) return text + ' '.repeat(width - w);
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const gw = cellWidth(segment);
    if (used + gw > width - 1) break;
    out += segment;
    used += gw;
  }
  return out + '…' + ' '.repeat(Math.max(0, width - used - 1));
}

export interface Columns {
  /** Width of the left gutter (marker, number, type, confidence, status). */
  gutter: number;
  src: number;
  tgt: number;
  numberWidth: number;
}

/** Split the screen width between the gutter and the two text columns (separated by " │ "). */
export function columnsFor(totalWidth: number, linkCount: number): Columns {
  const numberWidth = Math.max(3, String(linkCount).length);
  // "▶" + number + " " + type(3) + " " + confidence(3) + " " + status(1) + " "
  const gutter = 1 + numberWidth + 1 + 3 + 1 + 3 + 1 + 1 + 1;
  const rest = Math.max(20, totalWidth - gutter - 3);
  const src = Math.floor(rest / 2);
  return { gutter, src, tgt: rest - src, numberWidth };
}

/** Lines of one side of a link: each sentence starts on its own line (so the sentences of a 1-2 link stay visible). */
export function sideLines(sentences: readonly { text: string }[], width: number): string[] {
  if (sentences.length === 0) return ['∅'];
  const out: string[] = [];
  for (const s of sentences) out.push(...wrapText(s.text, width));
  return out;
}

export interface LinkLayout {
  src: string[];
  tgt: string[];
  height: number;
}

const cache = new WeakMap<Link, { key: string; layout: LinkLayout }>();

/** Wrapped lines of a link for the given columns, capped at `maxHeight` rows (cached per link object and widths). */
export function layoutLink(link: Link, cols: Columns, maxHeight: number): LinkLayout {
  const key = `${cols.src}:${cols.tgt}:${maxHeight}`;
  const hit = cache.get(link);
  if (hit && hit.key === key) return hit.layout;
  let src = sideLines(link.src, cols.src);
  let tgt = sideLines(link.tgt, cols.tgt);
  const cap = Math.max(1, maxHeight);
  if (src.length > cap) src = [...src.slice(0, cap - 1), `… (${src.length - cap + 1} more lines)`];
  if (tgt.length > cap) tgt = [...tgt.slice(0, cap - 1), `… (${tgt.length - cap + 1} more lines)`];
  const layout = { src, tgt, height: Math.max(src.length, tgt.length) };
  cache.set(link, { key, layout });
  return layout;
}

/**
 * First link to show so that the cursor's link is fully visible in `height` rows, keeping the previous top when
 * it still works (the view scrolls only when the cursor leaves it).
 */
export function scrollTop(links: readonly Link[], cursor: number, prevTop: number, height: number, heightOf: (l: Link) => number): number {
  if (links.length === 0) return 0;
  let top = Math.max(0, Math.min(prevTop, links.length - 1));
  if (cursor < top) return cursor;
  // Does the cursor fit from the current top?
  let used = 0;
  for (let i = top; i <= cursor; i++) {
    used += heightOf(links[i]);
    if (used > height) break;
  }
  if (used <= height) return top;
  // Scroll so that the cursor's link ends at the bottom.
  used = heightOf(links[cursor]);
  top = cursor;
  while (top > 0 && used + heightOf(links[top - 1]) <= height) {
    top--;
    used += heightOf(links[top]);
  }
  return top;
}
