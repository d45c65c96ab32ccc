/**
 * The built-in zh→en lexicon: CC-CEDICT (CC BY-SA 4.0, © MDBG and contributors), preprocessed by
 * data/build-cedict.mjs into head word → gloss stems plus character readings, shipped compressed in dist/.
 * Loaded lazily (dynamic import) so that importing the library stays fast; no network, no file access.
 */
import { gunzipSync } from 'node:zlib';
import type { Lexicon } from './lexicon.js';

let cached: Lexicon | undefined;

/** Decode the preprocessed data (head\tstem stem…, blank line, char\treading reading…). */
export function decodeBuiltin(text: string): Lexicon {
  const entries = new Map<string, string[]>();
  const readings = new Map<string, string[]>();
  let maxLength = 1;
  let inReadings = false;
  for (const line of text.split('\n')) {
    if (line === '') {
      inReadings = true;
      continue;
    }
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const head = line.slice(0, tab);
    const vals = line.slice(tab + 1).split(' ');
    if (inReadings) readings.set(head, vals);
    else {
      entries.set(head, vals);
      if (head.length > maxLength) maxLength = head.length;
    }
  }
  return { from: 'zh', to: 'en', entries, maxLength, readings };
}

/** The built-in CC-CEDICT lexicon (about 109,000 head words), decoded once per process. */
export async function builtinLexicon(): Promise<Lexicon> {
  if (cached) return cached;
  const mod = await import('./data/cedict.js');
  const text = gunzipSync(Buffer.from(mod.CEDICT_GZ_BASE64, 'base64')).toString('utf8');
  cached = decodeBuiltin(text);
  return cached;
}
