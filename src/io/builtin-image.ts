/**
 * The built-in lexicon's image on disk (see `builtinImage` in src/align/builtin.ts): written by the build next to the
 * compiled modules, read by the aligner's worker thread instead of decoding the data and indexing 109,000 head words.
 */
import { readFileSync } from 'node:fs';
import { lexiconFromImage, preparedBuiltinLexicon } from '../align/builtin.js';
import type { Lexicon } from '../align/lexicon.js';

/** Where the build writes the image: dist/align/data/cedict.img beside dist/align/data/cedict.js. */
export const BUILTIN_IMAGE = new URL('../align/data/cedict.img', import.meta.url);

/** The built-in lexicon from its image; undefined when the file is missing or not an image this build reads. */
export function readBuiltinImage(file: URL | string = BUILTIN_IMAGE): Lexicon | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  return lexiconFromImage(bytes);
}

/** The built-in lexicon with its longest-match index: from the image, else decoded and indexed (the same lexicon). */
export async function loadPreparedBuiltin(file: URL | string = BUILTIN_IMAGE): Promise<Lexicon> {
  return readBuiltinImage(file) ?? preparedBuiltinLexicon();
}
