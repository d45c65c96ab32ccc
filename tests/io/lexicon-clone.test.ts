import { describe, expect, it } from 'vitest';
import { decodeBuiltin, reviveGlosses } from '../../src/align/builtin.js';

// The terms worker receives the built-in lexicon by postMessage (structured cloning). Cloning keeps a Map's entries
// but not its class, so gloss lists not yet split arrive as their raw line: a worker once matched anchors against
// strings instead of lists and `terms extract --threads 2` ranked candidates differently from `--threads 0`.
describe('built-in lexicon across threads', () => {
  const lex = decodeBuiltin('丝路\tsilk road\n电商\te-commerce online\n\n丝\tsi1\n');

  it('splits gloss lists on first use, and again after structured cloning', () => {
    expect(lex.entries.get('电商')).toEqual(['e-commerce', 'online']);
    const cloned = structuredClone(lex.entries) as Map<string, string[]>;
    expect(cloned.get('丝路')).toBe('silk road'); // what a worker sees without reviveGlosses
    const revived = reviveGlosses(cloned);
    expect(revived.get('丝路')).toEqual(['silk', 'road']);
    expect(revived.get('电商')).toEqual(['e-commerce', 'online']);
    expect([...revived.values()]).toEqual([['silk', 'road'], ['e-commerce', 'online']]);
  });

  it('leaves a map of plain lists as it is', () => {
    const plain = new Map([['数据', ['data']]]);
    expect(reviveGlosses(plain)).toBe(plain);
  });
});
