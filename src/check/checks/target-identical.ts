/** Completeness: the target is the source copied unchanged (left untranslated). */
import type { Check } from '../types.js';
import { clip, normalizedSide } from '../text.js';

export const targetIdentical: Check = {
  id: 'target-identical',
  title: 'Target identical to source',
  description: 'The target text is the same as the source text (after normalising width, case and spaces): it was probably left untranslated. Links made only of numbers, acronyms and codes (APEC, G20) or of fewer than 4 letters are not reported.',
  group: 'completeness',
  defaultSeverity: 'warning',
  link(p) {
    if (p.src.trim() === '' || p.tgt.trim() === '') return undefined;
    if (p.src.length !== p.tgt.length && Math.abs(p.src.length - p.tgt.length) > p.src.length / 2 + 4) return undefined;
    const a = normalizedSide(p, 'src');
    if (a !== normalizedSide(p, 'tgt')) return undefined;
    // Names, acronyms and codes (APEC, G20, ISO 9001) stay the same in translation: count the other letters only.
    const rest = p.src.normalize('NFKC').replace(/\b[\p{Lu}\d][\p{Lu}\d&.+/-]*\b/gu, '');
    const letters = rest.match(/\p{L}/gu)?.length ?? 0;
    if (letters < 4) return undefined;
    return [{ message: `the target is the source unchanged: "${clip(p.tgt)}"`, srcSpan: [0, p.src.length], tgtSpan: [0, p.tgt.length] }];
  },
};
