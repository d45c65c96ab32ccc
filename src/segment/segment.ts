/**
 * Documents → sentences: the three input shapes of bitext.
 *  - a bilingual document (English and Chinese blocks interleaved): `segmentBilingual`;
 *  - a document in one language (one file of a pair): `segmentMonolingual`, or both at once with `segmentPair`;
 *  - a pre-segmented file, one sentence per line, used as given: `segmentPresegmented`.
 * Pure: text in, data out; problems a user can fix raise BitextError, the rest are Diagnostics.
 */
import { BitextError } from '../errors.js';
import type { Block, Diagnostic, Lang, SegmentedSide, Sentence } from '../model/types.js';
import { primaryLanguage } from '../lang/tags.js';
import { detectLang, parseDocumentDetailed, type DetailedBlock } from '../read/blocks.js';
import { LineIndex } from '../read/lines.js';
import { repairPageBreaks, type LogicalParagraph } from '../read/paragraphs.js';
import { isInvisible, isSpace } from '../lang/script.js';
import { splitSentences } from './split.js';

export interface BilingualSegmentation {
  blocks: Block[];
  /** one side per language, keyed 'zh' and 'en' */
  sides: { zh: SegmentedSide; en: SegmentedSide };
  /** the language of the first text block first, e.g. ['en', 'zh'] for the sample */
  order: ['zh', 'en'] | ['en', 'zh'];
  diagnostics: Diagnostic[];
}

/**
 * Hard bound on a sentence, in UTF-16 code units. Longer runs without a sentence end (a 1 MB line, a table dumped
 * as one paragraph) are cut at the last space or comma before the bound, with a SENTENCE_TOO_LONG warning, so
 * that nothing downstream (alignment is quadratic in sentence length for some scorers) hangs.
 */
export const MAX_SENTENCE_LENGTH = 10_000;

const LANG_NAMES: Record<string, string> = { zh: 'Chinese', en: 'English' };

function langName(lang: Lang): string {
  return LANG_NAMES[primaryLanguage(lang)] ?? lang;
}

/** Cut a range longer than MAX_SENTENCE_LENGTH into pieces, preferring a break after a space or a comma. */
function enforceBound(text: string, s: number, e: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  while (e - s > MAX_SENTENCE_LENGTH) {
    let cut = s + MAX_SENTENCE_LENGTH;
    const floor = cut - 2000;
    let q = cut;
    while (q > floor && !isSpace(text.charCodeAt(q - 1)) && !'，,；;、'.includes(text[q - 1])) q--;
    if (q > floor) cut = q;
    else if (text.charCodeAt(cut - 1) >= 0xd800 && text.charCodeAt(cut - 1) <= 0xdbff) cut--; // never split a surrogate pair
    let ce = cut;
    while (ce > s && isSpace(text.charCodeAt(ce - 1))) ce--;
    out.push([s, ce]);
    s = cut;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
  }
  if (e > s) out.push([s, e]);
  return out;
}

function blockAt(p: LogicalParagraph, pos: number): number {
  let lo = 0;
  let hi = p.blockStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.blockStarts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return p.blocks[lo];
}

/** Cut the logical paragraphs of one language into sentences with ids `${lang}.${i}`. */
function buildSide(paras: LogicalParagraph[], lang: Lang, lines: LineIndex, diagnostics: Diagnostic[], file?: string): SegmentedSide {
  const tag = primaryLanguage(lang);
  const sentences: Sentence[] = [];
  const add = (p: LogicalParagraph, paragraph: number, s: number, e: number, kind: 'sentence' | 'heading') => {
    const [start, end] = p.piece.range(s, e);
    const { line, column } = lines.at(start);
    const sen: Sentence = { id: `${tag}.${sentences.length}`, lang: tag, text: p.piece.text.slice(s, e), kind, block: blockAt(p, s), paragraph, start, end, line, column };
    if (kind === 'heading' && p.headingLevel !== undefined) sen.headingLevel = p.headingLevel;
    if (file !== undefined) sen.file = file;
    sentences.push(sen);
  };
  paras.forEach((p, paragraph) => {
    const text = p.piece.text;
    if (p.kind === 'heading') {
      add(p, paragraph, 0, text.length, 'heading');
      return;
    }
    for (const [s, e] of splitSentences(text, tag)) {
      const parts = e - s > MAX_SENTENCE_LENGTH ? enforceBound(text, s, e) : [[s, e] as [number, number]];
      if (parts.length > 1) {
        const [start] = p.piece.range(s, e);
        const { line, column } = lines.at(start);
        diagnostics.push({
          code: 'SENTENCE_TOO_LONG',
          severity: 'warning',
          message: `${e - s} characters without a sentence end: cut into ${parts.length} pieces of at most ${MAX_SENTENCE_LENGTH}`,
          file,
          line,
          column,
          offset: start,
        });
      }
      for (const [ps, pe] of parts) add(p, paragraph, ps, pe, 'sentence');
    }
  });
  const side: SegmentedSide = { lang: tag, sentences };
  if (file !== undefined) side.file = file;
  return side;
}

/** A page number between two halves of a sentence must neither stop the repair nor become a sentence: left out, with a note. */
function skipPageNumber(db: DetailedBlock, lines: LineIndex, diagnostics: Diagnostic[], file?: string): undefined {
  const { line, column } = lines.at(db.block.start);
  diagnostics.push({ code: 'PAGE_NUMBER_SKIPPED', severity: 'info', message: `left out a page number ("${db.block.text}")`, file, line, column, offset: db.block.start });
  return undefined;
}

function noText(lang: Lang, file: string | undefined, hint: string): BitextError {
  return new BitextError('NO_TEXT_IN_LANGUAGE', `no ${langName(lang)} text found in the document`, { file, hint });
}

/**
 * A bilingual document (English and Chinese blocks interleaved, as printed bilingual editions are): blocks by
 * script, headings kept, page breaks repaired per language, each side cut into sentences.
 * Throws NO_TEXT_IN_LANGUAGE when one of the two languages is missing.
 */
export function segmentBilingual(text: string, options: { file?: string } = {}): BilingualSegmentation {
  const { file } = options;
  const doc = parseDocumentDetailed(text, { file });
  const lines = new LineIndex(text);
  const diagnostics: Diagnostic[] = [];
  const langOf = (db: DetailedBlock): Lang | undefined => {
    if (db.pageNumber) return skipPageNumber(db, lines, diagnostics, file);
    const l = db.block.lang;
    if (l === 'zh' || l === 'en') return l;
    const { line, column } = lines.at(db.block.start);
    diagnostics.push({ code: 'BLOCK_WITHOUT_LANGUAGE', severity: 'info', message: `left out a block without letters ("${db.block.text.slice(0, 30)}")`, file, line, column, offset: db.block.start });
    return undefined;
  };
  const repaired = repairPageBreaks(doc, lines, langOf, file);
  const zh = repaired.byLang.get('zh') ?? [];
  const en = repaired.byLang.get('en') ?? [];
  if (zh.length === 0) {
    throw noText('zh', file, 'A bilingual document needs both languages. If the Chinese text is in another file, give it as a second file: bitext segment ENGLISH_FILE CHINESE_FILE.');
  }
  if (en.length === 0) {
    throw noText('en', file, 'A bilingual document needs both languages. If the English text is in another file, give it as a second file: bitext segment ENGLISH_FILE CHINESE_FILE.');
  }
  const first = doc.blocks.find((b) => b.block.lang === 'zh' || b.block.lang === 'en')!.block.lang;
  const sides = { zh: buildSide(zh, 'zh', lines, diagnostics, file), en: buildSide(en, 'en', lines, diagnostics, file) };
  diagnostics.push(...repaired.diagnostics);
  diagnostics.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
  // A translation has roughly as many sentences as its original (1:1 to 1:3): far fewer on one side means a
  // monolingual document with a stray line in the other language, or half of the document missing.
  const nz = sides.zh.sentences.length;
  const ne = sides.en.sentences.length;
  if (Math.min(nz, ne) * 5 < Math.max(nz, ne)) {
    const [few, many] = nz < ne ? (['zh', 'en'] as const) : (['en', 'zh'] as const);
    diagnostics.unshift({
      code: 'UNBALANCED_SIDES',
      severity: 'warning',
      message: `only ${Math.min(nz, ne)} ${langName(few)} sentences against ${Math.max(nz, ne)} ${langName(many)} ones: check that the whole translation is in the document`,
      file,
    });
  }
  return { blocks: doc.blocks.map((b) => b.block), sides, order: first === 'zh' ? ['zh', 'en'] : ['en', 'zh'], diagnostics };
}

/**
 * A document in one language (.txt or .md): paragraphs by blank lines (or one per line), headings, page breaks
 * repaired. The language is detected from the script when `lang` is absent. Diagnostics are appended to
 * `options.diagnostics` when given. Throws NO_TEXT_IN_LANGUAGE when the text has no letters.
 */
export function segmentMonolingual(text: string, options: { lang?: Lang; file?: string; diagnostics?: Diagnostic[] } = {}): SegmentedSide {
  const { file } = options;
  const lang = options.lang ?? detectLang(text);
  if (!lang) throw new BitextError('NO_TEXT_IN_LANGUAGE', 'the document has no text (no letters in any language)', { file, hint: 'Check that you named the right file.' });
  const doc = parseDocumentDetailed(text, { file });
  const lines = new LineIndex(text);
  const diagnostics = options.diagnostics ?? [];
  const repaired = repairPageBreaks(doc, lines, (db) => (db.pageNumber ? skipPageNumber(db, lines, diagnostics, file) : lang), file);
  // A document of the pair that holds much text in another language (a bilingual file given as one side?).
  let own = 0;
  let other = 0;
  for (const b of doc.blocks) {
    if (b.block.lang === 'und') continue;
    if (b.block.lang === primaryLanguage(lang)) own++;
    else other++;
  }
  if (other > 0 && other >= 0.25 * (own + other)) {
    diagnostics.push({
      code: 'MIXED_LANGUAGES',
      severity: 'warning',
      message: `${other} of ${own + other} paragraphs are not ${langName(lang)}; if this is a bilingual document, give it as the only file`,
      file,
    });
  }
  const side = buildSide(repaired.byLang.get(lang) ?? [], lang, lines, diagnostics, file);
  diagnostics.push(...repaired.diagnostics);
  return side;
}

/**
 * A pre-segmented file: one sentence per line, never re-split. Blank lines are skipped (one diagnostic) and start a
 * new paragraph; ids count the non-blank lines ('en.0', 'en.1', …). White space around a line is trimmed.
 */
export function segmentPresegmented(text: string, options: { lang?: Lang; file?: string } = {}): { side: SegmentedSide; diagnostics: Diagnostic[] } {
  const { file } = options;
  const lang = options.lang ?? detectLang(text);
  if (!lang) throw new BitextError('NO_TEXT_IN_LANGUAGE', 'the file has no text (no letters in any language)', { file, hint: 'Check that you named the right file.' });
  const tag = primaryLanguage(lang);
  const diagnostics: Diagnostic[] = [];
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let blank = 0;
  let firstBlank: number | undefined;
  let lineNo = 0;
  let pos = 0;
  let sawText = false;
  let pendingBreak = false;
  while (pos <= text.length) {
    let nl = pos;
    while (nl < text.length && text.charCodeAt(nl) !== 10 && text.charCodeAt(nl) !== 13) nl++;
    lineNo++;
    let s = pos;
    let e = nl;
    while (s < e && (isSpace(text.charCodeAt(s)) || isInvisible(text.charCodeAt(s)))) s++;
    while (e > s && (isSpace(text.charCodeAt(e - 1)) || isInvisible(text.charCodeAt(e - 1)))) e--;
    if (s === e) {
      const isFinal = nl >= text.length;
      if (!isFinal) {
        blank++;
        firstBlank ??= lineNo;
        if (sawText) pendingBreak = true;
      }
    } else {
      if (pendingBreak) paragraph++;
      pendingBreak = false;
      sawText = true;
      const sen: Sentence = { id: `${tag}.${sentences.length}`, lang: tag, text: text.slice(s, e), kind: 'sentence', block: paragraph, paragraph, start: s, end: e, line: lineNo, column: s - pos + 1 };
      if (file !== undefined) sen.file = file;
      sentences.push(sen);
    }
    if (nl >= text.length) break;
    pos = nl + (text.charCodeAt(nl) === 13 && text.charCodeAt(nl + 1) === 10 ? 2 : 1);
  }
  if (blank > 0) {
    diagnostics.push({ code: 'BLANK_LINES_SKIPPED', severity: 'info', message: `${blank} blank line${blank === 1 ? '' : 's'} skipped (first at line ${firstBlank}); they mark paragraph breaks`, file, line: firstBlank });
  }
  const side: SegmentedSide = { lang: tag, sentences };
  if (file !== undefined) side.file = file;
  return { side, diagnostics };
}

export interface PairInput {
  text: string;
  file?: string;
  /** Forced language; detected from the script when absent. */
  lang?: Lang;
}

/**
 * Two documents, one per language (source and target). Throws SAME_LANGUAGE when both are in the same language,
 * NO_TEXT_IN_LANGUAGE when one has no letters. With `presegmented`, both are one sentence per line.
 */
export function segmentPair(src: PairInput, tgt: PairInput, options: { presegmented?: boolean } = {}): { src: SegmentedSide; tgt: SegmentedSide; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const resolve = (d: PairInput): Lang => {
    const detected = detectLang(d.text);
    if (!detected && !d.lang) throw new BitextError('NO_TEXT_IN_LANGUAGE', 'the document has no text (no letters in any language)', { file: d.file, hint: 'Check that you named the right file.' });
    if (d.lang && detected && primaryLanguage(d.lang) !== detected && (primaryLanguage(d.lang) === 'zh' || primaryLanguage(d.lang) === 'en')) {
      diagnostics.push({ code: 'LANGUAGE_MISMATCH', severity: 'warning', message: `the text looks ${langName(detected)} but was given as ${langName(d.lang)}`, file: d.file });
    }
    return d.lang ?? detected!;
  };
  const sl = resolve(src);
  const tl = resolve(tgt);
  if (primaryLanguage(sl) === primaryLanguage(tl)) {
    throw new BitextError('SAME_LANGUAGE', `both files are ${langName(sl)}`, {
      file: tgt.file,
      hint: 'Give one file per language: the original and its translation (check that you named the translation as the second file).',
    });
  }
  const one = (d: PairInput, lang: Lang): SegmentedSide => {
    if (options.presegmented) {
      const r = segmentPresegmented(d.text, { lang, file: d.file });
      diagnostics.push(...r.diagnostics);
      return r.side;
    }
    return segmentMonolingual(d.text, { lang, file: d.file, diagnostics });
  };
  return { src: one(src, sl), tgt: one(tgt, tl), diagnostics };
}

/** Sentences and headings of a side. */
export function countSentences(side: SegmentedSide): { sentences: number; headings: number } {
  let headings = 0;
  for (const s of side.sentences) if (s.kind === 'heading') headings++;
  return { sentences: side.sentences.length - headings, headings };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * One line for people: "en 47 sentences + 3 headings, zh 38 sentences + 3 headings; 4 page breaks repaired".
 * The page-break part is left out when `diagnostics` is not given (pre-segmented input).
 */
export function summarizeSegmentation(sides: SegmentedSide[], diagnostics?: Diagnostic[]): string {
  const parts = sides.map((side) => {
    const c = countSentences(side);
    return `${side.lang} ${plural(c.sentences, 'sentence')} + ${plural(c.headings, 'heading')}`;
  });
  const joins = diagnostics ? `; ${plural(diagnostics.filter((d) => d.code === 'PAGE_BREAK_JOINED').length, 'page break')} repaired` : '';
  return parts.join(', ') + joins;
}

