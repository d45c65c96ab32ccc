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

async function builtinText(): Promise<string> {
  const mod = await import('./data/cedict.js');
  return gunzipSync(Buffer.from(mod.CEDICT_GZ_BASE64, 'base64')).toString('utf8');
}

/** The built-in CC-CEDICT lexicon (about 109,000 head words), decoded once per process. */
export async function builtinLexicon(): Promise<Lexicon> {
  if (cached) return cached;
  cached = decodeBuiltin(await builtinText());
  return cached;
}

/** A fresh copy of the built-in lexicon, not kept by this module (a worker that needs it only for a while). */
export async function loadBuiltinLexicon(): Promise<Lexicon> {
  return cached ?? decodeBuiltin(await builtinText());
}

/**
 * Only the character readings of the built-in lexicon, with no head words (a fifth of its load time): for a thread
 * that matches names on the non-Chinese side while another thread matches the Chinese side with the whole lexicon.
 */
export async function builtinReadings(): Promise<Lexicon> {
  if (cached) return { ...cached, entries: new Map() };
  const text = await builtinText();
  const blank = text.indexOf('\n\n');
  const lex = decodeBuiltin(blank >= 0 ? text.slice(blank + 1) : '');
  return { ...lex, maxLength: 1 };
}
