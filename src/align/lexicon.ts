/**
 * Bilingual lexicons for the aligner: a zh→en (or any a→b) word list, matched on characters in Chinese by forward
 * longest match over a hash of head words (no word segmenter: Intl.Segmenter splits 丝路电商 into 丝路|电|商).
 * Entries keep the stems of the content words of their glosses, which is what the lexical scorer compares.
 */
import { BitextError } from '../errors.js';
import type { Lang, TermBase } from '../model/types.js';
import { primaryLanguage } from '../lang/tags.js';
import { isStopword, stem, words } from './text.js';

export interface Lexicon {
  /** Language of the head words (e.g. 'zh'). */
  readonly from: string;
  /** Language of the glosses (e.g. 'en'). */
  readonly to: string;
  /** Head word → stems of the gloss content words. */
  readonly entries: Map<string, string[]>;
  /** Longest head word, in UTF-16 units (bounds the longest-match search). */
  readonly maxLength: number;
  /** Optional: readings of single Han characters (toneless pinyin), used to match names like 陈清扬 ↔ Chen Qingyang. */
  readonly readings?: Map<string, string[]>;
}

export interface BuildLexiconOptions {
  from?: Lang;
  to?: Lang;
  /** Keep at most this many gloss stems per head word (default 12). */
  maxGlossWords?: number;
}

/** Gloss text → stems of its content words (parenthesised notes, "CL:" and "variant of" removed). */
export function glossStems(gloss: string, lang: string): string[] {
  const g = gloss
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:CL|Taiwan pr|also written|also pr|see also|see|old variant of|variant of|abbr\. for|surname)\b.*$/i, ' ');
  const out: string[] = [];
  for (const w of words(g)) {
    if (isStopword(w, lang) || /^\d/.test(w)) continue;
    const s = stem(w, lang);
    if (s.length >= 2 && !out.includes(s)) out.push(s);
  }
  return out;
}

/** Build a lexicon from (head word, gloss) pairs, e.g. from `parseCedict` or a term base. Pairs accumulate per head word. */
export function buildLexicon(pairs: Iterable<readonly [string, string]>, options: BuildLexiconOptions = {}): Lexicon {
  const from = primaryLanguage(options.from ?? 'zh');
  const to = primaryLanguage(options.to ?? 'en');
  const max = options.maxGlossWords ?? 12;
  const entries = new Map<string, string[]>();
  let maxLength = 1;
  for (const [head0, gloss] of pairs) {
    const head = from === 'zh' ? head0.trim() : head0.trim().toLowerCase();
    if (!head || head.length > 16) continue;
    const stems = glossStems(gloss, to);
    if (stems.length === 0) continue;
    let list = entries.get(head);
    if (!list) entries.set(head, (list = []));
    for (const s of stems) if (list.length < max && !list.includes(s)) list.push(s);
    if (head.length > maxLength) maxLength = head.length;
  }
  return { from, to, entries, maxLength };
}

/** Union of lexicons of the same direction (later ones add glosses to earlier head words). */
export function mergeLexicons(...lexicons: Array<Lexicon | undefined>): Lexicon | undefined {
  const list = lexicons.filter((l): l is Lexicon => !!l);
  if (list.length <= 1) return list[0];
  const entries = new Map<string, string[]>();
  let maxLength = 1;
  let readings: Map<string, string[]> | undefined;
  for (const lx of list) {
    if (lx.from !== list[0].from || lx.to !== list[0].to) continue;
    for (const [h, g] of lx.entries) {
      const cur = entries.get(h);
      if (!cur) entries.set(h, [...g]);
      else for (const s of g) if (!cur.includes(s)) cur.push(s);
    }
    maxLength = Math.max(maxLength, lx.maxLength);
    readings ??= lx.readings;
  }
  return { from: list[0].from, to: list[0].to, entries, maxLength, readings };
}

/**
 * CC-CEDICT text (`傳統 传统 [chuan2 tong3] /tradition/traditional/`) → (simplified, gloss) pairs, one per gloss.
 * Comment lines (#) are skipped; a malformed line raises ALIGN_INPUT with its line number.
 */
export function parseCedict(text: string, file?: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let lineNo = 0;
  let bad = 0;
  for (const line of text.split(/\r?\n/)) {
    lineNo++;
    if (!line || line.startsWith('#')) continue;
    const m = /^(\S+)\s+(\S+)\s+\[([^\]]*)\]\s+\/(.*)\/\s*$/.exec(line);
    if (!m) {
      if (++bad > 10 && bad > out.length) {
        throw new BitextError('ALIGN_INPUT', 'this does not look like a CC-CEDICT dictionary (lines like "傳統 传统 [chuan2 tong3] /tradition/")', { file, line: lineNo, hint: 'Give --dict a CC-CEDICT text file, or a two-column TSV/CSV of Chinese and English words.' });
      }
      continue;
    }
    for (const g of m[4].split('/')) if (g.trim()) out.push([m[2], g.trim()]);
  }
  return out;
}

/** Toneless readings of single characters from CC-CEDICT text (for matching transliterated names). */
export function parseCedictReadings(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\S+\s+(\S+)\s+\[([^\]]*)\]/.exec(line);
    if (!m || [...m[1]].length !== 1) continue;
    const py = m[2].toLowerCase().replace(/[0-9]/g, '').replace(/u:/g, 'v').trim();
    if (!/^[a-z]+$/.test(py)) continue;
    const list = map.get(m[1]) ?? [];
    if (!list.includes(py)) list.push(py);
    map.set(m[1], list);
  }
  return map;
}

/** A two-column word list (TSV or CSV: zh, en per line) → pairs; lines with fewer than two columns are skipped. */
export function parseWordList(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const cols = line.includes('\t') ? line.split('\t') : line.split(',');
    if (cols.length >= 2 && cols[0].trim() && cols[1].trim()) out.push([cols[0].trim(), cols[1].trim()]);
  }
  return out;
}

/**
 * A term base (glossary/) as lexicon pairs: every zh term × every non-deprecated en term of a concept.
 */
export function termBasePairs(tb: TermBase, from = 'zh', to = 'en'): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const c of tb.concepts) {
    const a = c.terms.filter((t) => primaryLanguage(t.lang) === from);
    const b = c.terms.filter((t) => primaryLanguage(t.lang) === to && t.status !== 'deprecated');
    for (const x of a) for (const y of b) out.push([x.text, y.text]);
  }
  return out;
}

/**
 * Forward longest match of lexicon head words over a Chinese string: [start, end, head] units covering the
 * matched parts (unmatched characters are left out).
 */
export function longestMatch(text: string, lex: Lexicon): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  const n = text.length;
  const maxL = Math.min(lex.maxLength, 8);
  let i = 0;
  while (i < n) {
    let found = 0;
    for (let l = Math.min(maxL, n - i); l >= 1; l--) {
      if (lex.entries.has(text.slice(i, i + l))) {
        found = l;
        break;
      }
    }
    if (found) {
      out.push([i, i + found, text.slice(i, i + found)]);
      i += found;
    } else i++;
  }
  return out;
}
