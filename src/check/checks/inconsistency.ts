/**
 * Inconsistent translation (Xbench-style "inconsistency in target/source"): links are grouped by the normalised text of
 * one side (a 53-bit hash of it, so a million links fit in memory); a link whose other side differs from the first
 * link of its group is reported, naming that first link and both variants.
 */
import type { Check, FindingDraft, PreparedLink } from '../types.js';
import { clip, normalizedHash, normalizedSide } from '../text.js';

interface First { id: string; line: number; file: string; other: number; otherText?: string }
interface State { groups: Map<number, First>; findings: FindingDraft[]; budget: number }

/** Characters of first-variant text kept for messages; beyond it groups keep only hashes. */
const TEXT_BUDGET = 32_000_000;
const TWO_LETTERS = /\p{L}[^]*\p{L}/u;

function make(side: 'src' | 'tgt'): Check<State> {
  const other = side === 'src' ? 'tgt' : 'src';
  const same = side === 'src' ? 'source' : 'translation';
  return {
    id: side === 'src' ? 'same-source-different-target' : 'same-target-different-source',
    title: side === 'src' ? 'Same source, different translations' : 'Same translation, different sources',
    description:
      side === 'src'
        ? 'The same source sentence (ignoring width, case and spacing) is translated differently in two links. Make the translations agree, or accept the difference in the baseline.'
        : 'The same translation (ignoring case and spacing) stands for two different source sentences: one of them may be a copy-paste error.',
    group: 'consistency',
    defaultSeverity: 'warning',
    begin: () => ({ groups: new Map(), findings: [], budget: TEXT_BUDGET }),
    accumulate(state, p: PreparedLink) {
      const keyText = p[side];
      const otherText = p[other];
      if (keyText.trim() === '' || otherText.trim() === '') return;
      const key = normalizedSide(p, side);
      if (!TWO_LETTERS.test(key)) return;
      const k = normalizedHash(p, side);
      const o = normalizedHash(p, other);
      const first = state.groups.get(k);
      if (!first) {
        const f: First = { id: p.link.id, line: p.line, file: p.file, other: o };
        if (state.budget > 0) {
          f.otherText = otherText;
          state.budget -= otherText.length;
        }
        state.groups.set(k, f);
        return;
      }
      if (first.other === o) return;
      const where = `link ${first.id} (${first.file === p.file ? '' : first.file + ' '}line ${first.line})`;
      const message =
        side === 'src'
          ? `this source is translated differently in ${where}` + (first.otherText !== undefined ? `: "${clip(first.otherText, 120)}"` : '')
          : `this translation is also used for a different source in ${where}` + (first.otherText !== undefined ? `: "${clip(first.otherText, 120)}"` : '');
      state.findings.push({
        message,
        file: p.file,
        line: p.line,
        link: p.link.id,
        srcText: p.src,
        tgtText: p.tgt,
        related: [first.id],
        ...(side === 'src' ? { tgtSpan: [0, p.tgt.length] as [number, number] } : { srcSpan: [0, p.src.length] as [number, number] }),
        data: { [same]: clip(keyText, 200), variants: [first.otherText ?? null, otherText], firstLink: { id: first.id, file: first.file, line: first.line } },
      });
    },
    finish: (state) => state.findings,
  };
}

export const sameSourceDifferentTarget = make('src');
export const sameTargetDifferentSource = make('tgt');
