/**
 * English spelling variants in one corpus: the same word written closed and hyphenated ("e-commerce" / "ecommerce",
 * "co-operation" / "cooperation"), or with both -ise and -ize endings ("digitalisation" / "digitalization"). Not
 * wrong alone, inconsistent together: a style guide picks one. Open compounds ("data sharing" / "data-sharing") are
 * left alone: English hyphenates them before a noun only, by rule.
 * Streaming: a vocabulary of word forms (5+ letters) with their first link; memory grows with the vocabulary, not
 * the corpus.
 */
import type { Check, FindingDraft, PreparedLink } from '../types.js';
import { primaryLanguage } from '../../lang/tags.js';

interface First { seq: number; id: string; line: number; file: string; start: number; end: number; text: string; side: 'src' | 'tgt'; src: string; tgt: string }
interface Entry { count: number; first: First; word: string }
interface State { seq: number; index: WordIndex }

/**
 * The vocabulary's entries by a hash of the lower-cased word, computed while the word is scanned: a word seen before
 * is found by comparing its units in the text, without slicing it out or lower-casing it (open addressing, linear
 * probing, grown at half load). It is the vocabulary: `entries` in the order the words were first seen.
 */
class WordIndex {
  private slots = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(1024);
  private readonly list: Entry[] = [];

  /** The vocabulary, in first-seen order. */
  get entries(): readonly Entry[] {
    return this.list;
  }

  /** The entry of a lower-cased word. */
  get(w: string): Entry | undefined {
    return this.find(w, 0, w.length, wordHash(w));
  }

  /** The entry whose word is `text[start, end)` lower-cased (ASCII letters and hyphens), with hash `h`. */
  find(text: string, start: number, end: number, h: number): Entry | undefined {
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = this.slots[i];
      if (e === -1) return undefined;
      if (this.hashes[i] !== h) continue;
      const entry = this.list[e];
      const w = entry.word;
      if (w.length !== end - start) continue;
      let k = 0;
      for (; k < w.length; k++) {
        let c = text.charCodeAt(start + k);
        if (c <= 0x5a && c >= 0x41) c += 0x20;
        if (c !== w.charCodeAt(k)) break;
      }
      if (k === w.length) return entry;
    }
  }

  add(entry: Entry, h: number): void {
    if ((this.list.length + 1) * 2 > this.slots.length) {
      const old = this.list.splice(0);
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      this.hashes = new Int32Array(this.slots.length);
      for (const e of old) this.add(e, wordHash(e.word));
    }
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] !== -1) i = (i + 1) & mask;
    this.slots[i] = this.list.length;
    this.hashes[i] = h;
    this.list.push(entry);
  }
}

/** The hash `accumulate` computes while scanning (FNV-1a over the lower-cased units, then mixed). */
function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), 0x01000193);
  return finalHash(h);
}
function finalHash(h: number): number {
  const x = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return x ^ (x >>> 12);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}
const IS_FAMILY = /(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|er|ers)$/;

function zForm(w: string): string | undefined {
  return IS_FAMILY.test(w) ? w.replace(IS_FAMILY, 'iz$1') : undefined;
}

function plural(n: number, w: string): string {
  return `${n} ${w}${n === 1 ? '' : 's'}`;
}

export const spellingVariants: Check<State> = {
  id: 'spelling-variants',
  title: 'Word spelled two ways',
  description: 'The English text spells one word two ways across the corpus: closed and hyphenated (ecommerce / e-commerce), or -ise and -ize (digitalisation / digitalization). Pick one spelling (and put it in the term base).',
  group: 'consistency',
  defaultSeverity: 'info',
  begin: () => ({ seq: 0, index: new WordIndex() }),
  accumulate(state, p: PreparedLink) {
    for (const side of ['src', 'tgt'] as const) {
      const lang = side === 'src' ? p.srcLang : p.tgtLang;
      if (primaryLanguage(lang) !== 'en') continue;
      const text = p[side];
      // The words of /[A-Za-z][A-Za-z-]*[A-Za-z]/g, scanned by hand (no match arrays): a run of letters and hyphens
      // from a letter, cut after its last letter.
      const n = text.length;
      let i = 0;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (!isAsciiLetter(c)) {
          i++;
          continue;
        }
        const start = i;
        let lastLetter = i;
        let upper = c <= 0x5a;
        // wordHash of the lower-cased units up to the last letter.
        let h = Math.imul(0x811c9dc5 ^ (upper ? c + 0x20 : c), 0x01000193);
        let hLetter = h;
        let j = i + 1;
        for (; j < n; j++) {
          const d = text.charCodeAt(j);
          if (isAsciiLetter(d)) {
            lastLetter = j;
            if (d <= 0x5a) upper = true;
            h = Math.imul(h ^ (d <= 0x5a ? d + 0x20 : d), 0x01000193);
            hLetter = h;
          } else if (d === 0x2d) h = Math.imul(h ^ d, 0x01000193);
          else break;
        }
        if (lastLetter === start) {
          // One letter and hyphens: no word starts here; the hyphens cannot start one either.
          i = j;
          continue;
        }
        const end = lastLetter + 1;
        i = end;
        if (end - start < 5) continue;
        const hash = finalHash(hLetter);
        const e = state.index.find(text, start, end, hash);
        if (e) e.count++;
        else {
          const surface = text.slice(start, end);
          const w = upper ? surface.toLowerCase() : surface;
          const entry: Entry = { count: 1, first: { seq: state.seq++, id: p.link.id, line: p.line, file: p.file, start, end, text: surface, side, src: p.src, tgt: p.tgt }, word: w };
          state.index.add(entry, hash);
        }
      }
    }
  },
  finish(state) {
    const out: FindingDraft[] = [];
    const pairs: [string, string][] = [];
    const vocab = state.index;
    for (const { word: w } of vocab.entries) {
      if (w.includes('-')) {
        const closed = w.replace(/-/g, '');
        if (vocab.get(closed)) pairs.push([w, closed]);
      }
      const z = zForm(w);
      if (z && vocab.get(z)) pairs.push([w, z]);
    }
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [a, b] of pairs) {
      const ea = vocab.get(a)!;
      const eb = vocab.get(b)!;
      // Report at the first use of the rarer spelling (on a tie, of the one that appeared later).
      const [minor, major] = ea.count < eb.count || (ea.count === eb.count && ea.first.seq > eb.first.seq) ? [ea, eb] : [eb, ea];
      const f = minor.first;
      const span: [number, number] = [f.start, f.end];
      out.push({
        message: `"${major.first.text}" (${plural(major.count, 'time')}, first in link ${major.first.id}) and "${f.text}" (${plural(minor.count, 'time')}) are both used: pick one spelling`,
        file: f.file,
        line: f.line,
        link: f.id,
        srcText: f.src,
        tgtText: f.tgt,
        ...(f.side === 'src' ? { srcSpan: span } : { tgtSpan: span }),
        related: [major.first.id],
        data: { term: major.first.text.toLowerCase(), variants: [{ text: major.first.text, count: major.count }, { text: f.text, count: minor.count }] },
      });
    }
    return out;
  },
};
