/**
 * Inconsistent translation (Xbench-style "inconsistency in target/source"): links are grouped by the normalised text of
 * one side (a 53-bit hash of it, so a million links fit in memory); a link whose other side differs from the first
 * link of its group is reported, naming that first link and both variants.
 */
import type { Check, FindingDraft, PreparedLink } from '../types.js';
import { clip, CompactIds, HashSlots, normalizedHash, normalizedHasTwoLetters } from '../text.js';

/**
 * Compact state: one hash table (typed arrays) from the normalised key's hash to a slot; the slot's first link in parallel arrays (typed
 * arrays for numbers), so a million groups cost tens of megabytes, not hundreds.
 */
interface State {
  slots: HashSlots;
  ids: CompactIds;
  lines: Int32Array;
  files: Uint16Array;
  other: Float64Array;
  otherText: (string | undefined)[];
  fileNames: string[];
  findings: FindingDraft[];
  budget: number;
}

/**
 * Bytes of first-variant text kept for messages (a character of a one-byte string counts 1, of a two-byte string —
 * Chinese — 2); beyond it groups keep only hashes. 24 MB per side: at a million links this text was the largest part
 * of the live heap (32 M characters per side, ~110 MB).
 */
const TEXT_BUDGET = 24_000_000;

/** Does V8 store the string in one byte per character (Latin-1 only)? Counted in the budget as 1 byte per character. */
function oneByte(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

function grow<T extends Int32Array | Uint16Array | Float64Array>(a: T, n: number): T {
  if (n < a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(1024, a.length * 2));
  b.set(a);
  return b;
}

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
    begin: () => ({ slots: new HashSlots(), ids: new CompactIds(), lines: new Int32Array(1024), files: new Uint16Array(1024), other: new Float64Array(1024), otherText: [], fileNames: [], findings: [], budget: TEXT_BUDGET }),
    accumulate(state, p: PreparedLink) {
      const keyText = p[side];
      const otherText = p[other];
      if (keyText.trim() === '' || otherText.trim() === '') return;
      // Hashes of the normalised texts (plain texts are hashed without building their normalised copy).
      const k = normalizedHash(p, side);
      if (!normalizedHasTwoLetters(p, side)) return;
      const o = normalizedHash(p, other);
      const slot = state.slots.get(k);
      if (slot === undefined) {
        const n = state.ids.length;
        state.slots.set(k, n);
        state.ids.push(p.link.id);
        state.lines = grow(state.lines, n);
        state.files = grow(state.files, n);
        state.other = grow(state.other, n);
        state.lines[n] = p.line;
        let fi = state.fileNames.length > 0 && state.fileNames[state.fileNames.length - 1] === p.file ? state.fileNames.length - 1 : state.fileNames.indexOf(p.file);
        if (fi < 0) fi = state.fileNames.push(p.file) - 1;
        state.files[n] = fi;
        state.other[n] = o;
        if (state.budget > 0) {
          state.otherText[n] = otherText;
          state.budget -= oneByte(otherText) ? otherText.length : 2 * otherText.length;
        }
        return;
      }
      if (state.other[slot] === o) return;
      const first = { id: state.ids.get(slot), line: state.lines[slot], file: state.fileNames[state.files[slot]], otherText: state.otherText[slot] };
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
