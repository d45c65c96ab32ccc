/** Completeness: a source sentence without a translation (1-0 link, or an empty target), or a target without a source. */
import type { Check } from '../types.js';
import { clip } from '../text.js';

export const targetMissing: Check = {
  id: 'target-missing',
  title: 'Source without a translation',
  description: 'The link has source text but no target text (a 1-0 link or an empty target): the sentence was not translated, or the aligner could not find its translation. Translate it, or fix the alignment (bitext review).',
  group: 'completeness',
  defaultSeverity: 'error',
  link(p) {
    const src = p.src.trim();
    const tgt = p.tgt.trim();
    if (src !== '' && tgt === '') {
      return [{ message: `no translation for "${clip(src)}"`, srcSpan: [0, p.src.length] }];
    }
    return undefined;
  },
};

export const sourceMissing: Check = {
  id: 'source-missing',
  title: 'Translation without a source',
  description: 'The link has target text but no source text (a 0-1 link): text was added in translation, or the aligner could not pair it. Check the alignment (bitext review) or remove the addition.',
  group: 'completeness',
  defaultSeverity: 'warning',
  link(p) {
    const src = p.src.trim();
    const tgt = p.tgt.trim();
    if (src === '' && tgt !== '') {
      return [{ message: `target text with no source: "${clip(tgt)}"`, tgtSpan: [0, p.tgt.length] }];
    }
    return undefined;
  },
};
