import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadPreparedBuiltin, readBuiltinImage } from '../../src/io/builtin-image.js';
import { headLinesOf } from '../../src/align/lexicon.js';
import { ROOT, tempDir } from '../helpers.js';

// `npm run build` writes the image (src/align/data/build-image.mjs); the aligner's worker reads it, else decodes
describe("the built-in lexicon's image on disk", () => {
  const built = path.join(ROOT, 'dist/align/data/cedict.img');

  it('the build wrote an image that reads back as the built-in lexicon', () => {
    expect(existsSync(built)).toBe(true);
    const lex = readBuiltinImage(built)!;
    expect(lex.from).toBe('zh');
    expect(headLinesOf(lex)!.starts.length).toBeGreaterThan(100_000);
    expect(lex.entries.get('电商')).toEqual(expect.arrayContaining(['e-comme']));
    expect(lex.readings!.get('清')).toEqual(expect.arrayContaining(['qing']));
  });

  it('a missing or damaged image: no lexicon from it, the decoded one instead', async () => {
    const dir = tempDir();
    const damaged = path.join(dir, 'cedict.img');
    writeFileSync(damaged, 'not an image');
    expect(readBuiltinImage(path.join(dir, 'missing.img'))).toBeUndefined();
    expect(readBuiltinImage(damaged)).toBeUndefined();
    const lex = await loadPreparedBuiltin(damaged);
    expect(headLinesOf(lex)!.starts.length).toBeGreaterThan(100_000);
  });
});
