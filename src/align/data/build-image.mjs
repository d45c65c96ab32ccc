// Build step after tsc (`npm run build`): the built-in lexicon's image, dist/align/data/cedict.img (see builtinImage
// in src/align/builtin.ts) — the lexicon decoded from cedict.ts/readings.ts with its longest-match index, which the
// aligner's worker thread reads instead of decoding and indexing it (~185 → ~40 ms). Written from the compiled
// modules of this build, atomically (writeFileAtomic of src/io/files.ts); checked by reading it back.
//   node src/align/data/build-image.mjs
/* global console, process */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist');
const { builtinImage, lexiconFromImage, preparedBuiltinLexicon } = await import(path.join(DIST, 'align/builtin.js'));
const { writeFileAtomic } = await import(path.join(DIST, 'io/files.js'));
const out = path.join(DIST, 'align/data/cedict.img');
const image = builtinImage(await preparedBuiltinLexicon());
if (!lexiconFromImage(image)) {
  console.error('build-image: the image does not read back');
  process.exit(1);
}
await writeFileAtomic(out, image);
if (process.argv.includes('--verbose')) console.log(`${path.relative(process.cwd(), out)}: ${image.byteLength} bytes`);
