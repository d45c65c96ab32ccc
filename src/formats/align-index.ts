/**
 * The `.align` index format of the public sentence-alignment benchmarks (Vecalign, Bertalign): one bead per line,
 * `[0]:[0,1]` = source sentence 0 ↔ target sentences 0 and 1, 0-based indices into pre-segmented files (one
 * sentence per line); `[]:[3]` and `[4]:[]` are 0-1 and 1-0 beads. Vecalign's output appends a cost
 * (`[0]:[0]:0.0731`): it is accepted and ignored (a cost, not a confidence).
 */
import { BitextError } from '../errors.js';
import { primaryLanguage } from '../lang/tags.js';
import type { Alignment, Diagnostic, Lang, Link } from '../model/types.js';
import { VERSION } from '../version.js';
import { ALIGNMENT_FORMAT, ALIGNMENT_VERSION, type ParsedAlignment } from './jsonl.js';

export type AlignBead = [number[], number[]];

/** `[0]:[0,1]`, also Vecalign's output with its cost appended (`[0]:[0,1]:0.1234`). */
const BEAD = /^\s*\[([^\]]*)\]\s*:\s*\[([^\]]*)\]\s*(?::\s*-?[\d.]+(?:e-?\d+)?\s*)?$/i;

function indices(list: string, file: string | undefined, line: number, column: number): number[] {
  if (list.trim() === '') return [];
  return list.split(',').map((p) => {
    const t = p.trim();
    if (!/^\d{1,9}$/.test(t)) throw new BitextError('ALIGN_MALFORMED', `"${t}" is not a sentence number`, { file, line, column, hint: 'Each line must look like [0]:[0,1] (0-based sentence numbers).' });
    return Number(t);
  });
}

/** Parse `.align` text into beads (0-based). Throws ALIGN_MALFORMED with the line for a bad line. */
export function parseAlignIndex(text: string, options: { file?: string } = {}): AlignBead[] {
  const file = options.file;
  const beads: AlignBead[] = [];
  const lines = text.replace(/^\ufeff/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const m = BEAD.exec(line);
    if (!m) throw new BitextError('ALIGN_MALFORMED', 'this line is not an alignment bead', { file, line: i + 1, column: 1, hint: 'Each line must look like [0]:[0,1] (0-based sentence numbers).' });
    const src = indices(m[1], file, i + 1, line.indexOf('[') + 2);
    const tgt = indices(m[2], file, i + 1, line.lastIndexOf('[') + 2);
    beads.push([src, tgt]);
  });
  if (beads.length === 0) throw new BitextError('EMPTY_FILE', 'the .align file has no beads', { file, line: 1 });
  return beads;
}

export function formatAlignIndex(beads: ReadonlyArray<readonly [readonly number[], readonly number[]]>): string {
  return beads.map(([s, t]) => `[${s.join(',')}]:[${t.join(',')}]`).join('\n') + (beads.length ? '\n' : '');
}

/** Sentences of a pre-segmented file: one per line (blank lines kept as empty sentences, as the benchmarks do). */
export function splitPresegmented(text: string): string[] {
  const t = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const lines = t.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export interface AlignIndexOptions {
  srcLang?: Lang;
  tgtLang?: Lang;
  file?: string;
  srcFile?: string;
  tgtFile?: string;
}

/** Beads + the two pre-segmented sides → an alignment (status confirmed, score 1: .align files are gold or final). */
export function alignIndexToAlignment(beads: AlignBead[], srcSentences: string[], tgtSentences: string[], options: AlignIndexOptions = {}): ParsedAlignment {
  const file = options.file;
  const srcLang = options.srcLang ?? 'en';
  const tgtLang = options.tgtLang ?? 'zh';
  const sp = primaryLanguage(srcLang);
  const tp = primaryLanguage(tgtLang);
  const used = { src: new Map<number, number>(), tgt: new Map<number, number>() };
  const diagnostics: Diagnostic[] = [];
  const links: Link[] = [];
  const lines: number[] = [];
  beads.forEach(([s, t], i) => {
    for (const [side, list, max, sents] of [['src', s, srcSentences.length, 'source'], ['tgt', t, tgtSentences.length, 'target']] as const) {
      for (const n of list) {
        if (n >= max) throw new BitextError('ALIGN_MALFORMED', `bead ${i + 1} names ${sents} sentence ${n}, but the ${sents} file has ${max} sentences`, { file, line: i + 1, hint: 'Check that the .align file belongs to these sentence files.' });
        const prev = used[side].get(n);
        if (prev !== undefined) throw new BitextError('JSONL_SENTENCE_REUSED', `${sents} sentence ${n} is in beads ${prev} and ${i + 1}`, { file, line: i + 1 });
        used[side].set(n, i + 1);
      }
    }
    links.push({
      id: `L${i + 1}`,
      src: s.map((n) => ({ id: `${sp}.${n}`, text: srcSentences[n] })),
      tgt: t.map((n) => ({ id: `${tp}.${n}`, text: tgtSentences[n] })),
      score: 1,
      status: 'confirmed',
    });
    lines.push(i + 1);
  });
  const missing = (n: number, m: Map<number, number>) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (!m.has(i)) k++;
    return k;
  };
  const ms = missing(srcSentences.length, used.src);
  const mt = missing(tgtSentences.length, used.tgt);
  if (ms || mt) diagnostics.push({ code: 'ALIGN_UNCOVERED', message: `${ms} source and ${mt} target sentence(s) are in no bead`, severity: 'warning', file });
  const sources: Alignment['header']['sources'] = [];
  if (options.srcFile) sources.push({ role: 'src', file: options.srcFile });
  if (options.tgtFile) sources.push({ role: 'tgt', file: options.tgtFile });
  return { alignment: { header: { format: ALIGNMENT_FORMAT, version: ALIGNMENT_VERSION, srcLang, tgtLang, sources, tool: { name: 'bitext', version: VERSION } }, links }, lines, diagnostics };
}

/**
 * An alignment as beads over the sentences in link order: each side's sentences are numbered in the order they
 * appear (document order), so the result fits pre-segmented files written from `srcSentences`/`tgtSentences`.
 */
export function alignmentToAlignIndex(alignment: Alignment): { beads: AlignBead[]; srcSentences: string[]; tgtSentences: string[] } {
  const srcSentences: string[] = [];
  const tgtSentences: string[] = [];
  const beads: AlignBead[] = [];
  for (const link of alignment.links) {
    const s = link.src.map((x) => srcSentences.push(x.text.replace(/[\r\n]+/g, ' ')) - 1);
    const t = link.tgt.map((x) => tgtSentences.push(x.text.replace(/[\r\n]+/g, ' ')) - 1);
    beads.push([s, t]);
  }
  return { beads, srcSentences, tgtSentences };
}
