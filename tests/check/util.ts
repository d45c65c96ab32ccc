// Test helpers for the checks: the hand-aligned sample (tests/fixtures/check/cyberspace-ii.jsonl) and small links.
import { readFileSync } from 'node:fs';
import { parseAlignmentJsonl } from '../../src/formats/jsonl.js';
import type { Link, LinkStatus } from '../../src/model/types.js';
import type { LinkItem } from '../../src/check/index.js';

export const FIXTURES = new URL('../fixtures/check/', import.meta.url).pathname;
export const SAMPLE = FIXTURES + 'cyberspace-ii.jsonl';

export function sampleItems(file = 'cyberspace-ii.jsonl'): LinkItem[] {
  const { alignment, lines } = parseAlignmentJsonl(readFileSync(SAMPLE, 'utf8'), { file });
  return alignment.links.map((link, i) => ({ link, line: lines[i], file, header: alignment.header }));
}

/** The sample link by id (deep copy, safe to mutate). */
export function sampleLink(id: string): Link {
  const item = sampleItems().find((i) => i.link.id === id);
  if (!item) throw new Error(`no link ${id}`);
  return structuredClone(item.link);
}

let n = 0;
export function link(src: string | string[], tgt: string | string[], options: { score?: number; status?: LinkStatus; id?: string } = {}): Link {
  const id = options.id ?? `t${++n}`;
  const s = (Array.isArray(src) ? src : [src]).filter((x) => x !== '');
  const t = (Array.isArray(tgt) ? tgt : [tgt]).filter((x) => x !== '');
  return {
    id,
    src: s.map((text, i) => ({ id: `${id}.zh.${i}`, text })),
    tgt: t.map((text, i) => ({ id: `${id}.en.${i}`, text })),
    score: options.score ?? 0.9,
    status: options.status ?? 'auto',
  };
}

export function items(links: Link[], file = 'test.jsonl'): LinkItem[] {
  return links.map((l, i) => ({ link: l, line: i + 2, file, header: { format: 'bitext-alignment', version: 1, srcLang: 'zh', tgtLang: 'en', sources: [], tool: { name: 'bitext', version: '0' } } }));
}
