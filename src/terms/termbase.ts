/**
 * Building one concept-oriented term base (TBX-style: concept → terms per language with a status) from the rows of
 * several glossary files, and reporting what a curator should fix: the same term twice in a concept, conflicting
 * statuses, one term in two concepts, several preferred terms for one language, rows without a term or concept.
 */
import type { Concept, Diagnostic, Lang, Term, TermBase, TermStatus } from '../model/types.js';
import { isScriptioContinua, normalizeTag, primaryLanguage } from '../lang/tags.js';
import { normalizeCharText, wordKey } from './normalize.js';
import { normalizeTermStatus, parseOrigin } from '../formats/termbase-table.js';

/**
 * One row of a glossary file (one term), as the glossary readers of src/formats return it (`TermRow`).
 * Declared structurally here so that the term base does not depend on a reader.
 */
export interface TermRowLike {
  concept: string;
  lang: Lang;
  text: string;
  status?: string;
  pos?: string;
  domain?: string;
  definition?: string;
  note?: string;
  /** Where the term was seen: "file#linkId", "file:line" or "file". */
  source?: string;
  /** The concept's own note (TBX), when the reader gives it. */
  conceptNote?: string;
  /** 1-based line of the row in its file. */
  line?: number;
}

/** A status as written by a curator or another tool → bitext's status; undefined when unknown. Empty → admitted. */
export function parseTermStatus(value: string | undefined): TermStatus | undefined {
  if ((value ?? '').trim() === '') return 'admitted';
  return normalizeTermStatus(value);
}

/** The key two terms are "the same term" on: normalised as the matcher does (case, plural, hyphens, traditional). */
export function termKey(text: string, lang: Lang): string {
  return keyOf(text, isScriptioContinua(lang));
}

/** termKey once the language is known to be written with or without spaces. */
function keyOf(text: string, scriptioContinua: boolean): string {
  if (!scriptioContinua) return wordKey(text);
  const norm = normalizeCharText(text);
  return /\s/.test(norm) ? norm.replace(/\s+/g, '') : norm;
}

/** Keys computed while merging, reused by compileTermBase for the same Term objects. */
export const termKeyCache = new WeakMap<Term, string>();

/** A term's first occurrence in its concept (primary language + key): where it was loaded. */
interface Seen {
  file: string;
  line?: number;
  conceptId: string;
  term: Term;
  primary: string;
  key: string;
}

/** A language cell as the merge uses it: normalised tag, primary language, the keys seen in it, how keys are made. */
interface LangInfo {
  lang: string;
  primary: string;
  byKey: Map<string, Seen>;
  scriptioContinua: boolean;
}

/** What the merge keeps per concept: the concept, its terms' first occurrences (same order as concept.terms), where its fields were set. */
interface ConceptState {
  concept: Concept;
  seen: Seen[];
  domainAt?: Seen;
  definitionAt?: Seen;
  noteAt?: Seen;
}

function where(s: { file: string; line?: number }): string {
  return s.line !== undefined ? `${s.file}:${s.line}` : s.file;
}

/** `text.trim()` with inner runs of white space other than single spaces collapsed to one space. */
function cleanText(raw: string | undefined): string {
  const text = (raw ?? '').trim();
  return /[^\S ]| {2}/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/**
 * Merge the rows of several glossary files into one term base. Concepts keep the order in which they first appear;
 * a concept may be spread over several files. Problems are returned as diagnostics with file and line.
 *
 * One map entry per concept (its state) and one per distinct term key (its first occurrence); the key of each term is
 * computed once and handed to compileTermBase through termKeyCache.
 */
export function mergeTermBases(files: Array<{ file: string; rows: TermRowLike[] }>): { termBase: TermBase; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  /** conceptId → state, in first-appearance order. */
  const states = new Map<string, ConceptState>();
  /** primary language → key → first occurrence (in the first concept that has the term). */
  const global = new Map<string, Map<string, Seen>>();
  /** raw lang cell → [normalised tag, primary language, global map of that primary]. */
  const langCache = new Map<string, LangInfo>();
  let lastRawLang: string | undefined;
  let last: LangInfo | undefined;

  const diag = (code: string, message: string, file: string, line: number | undefined, severity: 'warning' | 'info' = 'warning') => {
    diagnostics.push({ code, message, severity, file, ...(line !== undefined ? { line } : {}) });
  };

  for (const { file, rows } of files) {
    for (const row of rows) {
      const text = cleanText(row.text);
      const conceptId = (row.concept ?? '').trim();
      const rawLang = (row.lang ?? '').trim();
      if (!text) {
        if (conceptId || rawLang) diag('TERM_EMPTY', `row has no term text${conceptId ? ` (concept ${conceptId})` : ''}: skipped`, file, row.line);
        continue;
      }
      if (!conceptId) {
        diag('TERM_NO_CONCEPT', `term "${text}" has no concept id: skipped (fill the concept column)`, file, row.line);
        continue;
      }
      if (!rawLang) {
        diag('TERM_NO_LANG', `term "${text}" has no language: skipped (fill the lang column, e.g. zh or en)`, file, row.line);
        continue;
      }
      let L = rawLang === lastRawLang ? last : langCache.get(rawLang);
      if (L === undefined) {
        const lang = normalizeTag(rawLang);
        const primary = primaryLanguage(lang);
        let byKey = global.get(primary);
        if (!byKey) global.set(primary, (byKey = new Map()));
        langCache.set(rawLang, (L = { lang, primary, byKey, scriptioContinua: isScriptioContinua(primary) }));
      }
      lastRawLang = rawLang;
      last = L;
      const { lang, primary, byKey, scriptioContinua } = L;
      let status = parseTermStatus(row.status);
      if (!status) {
        diag('TERM_BAD_STATUS', `term "${text}" has an unknown status "${row.status}": read as admitted (use preferred, admitted, deprecated or superseded)`, file, row.line);
        status = 'admitted';
      }
      const term: Term = { lang, text, status };
      if (row.pos) {
        const pos = row.pos.trim();
        if (pos) term.pos = pos;
      }
      if (row.note) {
        const note = row.note.trim();
        if (note) term.note = note;
      }
      if (row.source) {
        const origin = parseOrigin(row.source);
        if (origin) term.origin = origin;
      }

      let state = states.get(conceptId);
      if (!state) states.set(conceptId, (state = { concept: { id: conceptId, terms: [] }, seen: [] }));
      const concept = state.concept;
      const key = keyOf(text, scriptioContinua);
      const seen: Seen = { file, line: row.line, conceptId, term, primary, key };
      if (row.domain) setField(state, 'domain', row.domain, seen, diag);
      if (row.definition) setField(state, 'definition', row.definition, seen, diag);
      if (row.conceptNote) setField(state, 'note', row.conceptNote, seen, diag);

      termKeyCache.set(term, key);
      const seenHere = state.seen;
      let first: Seen | undefined;
      for (let k = 0; k < seenHere.length; k++) {
        const x = seenHere[k];
        if (x.key === key && x.primary === primary) {
          first = x;
          break;
        }
      }
      if (first) {
        if (first.term.status !== status) {
          diag('TERM_STATUS_CONFLICT', `term "${text}" (${primary}) of concept ${conceptId} is ${status} here but ${first.term.status} at ${where(first)}: kept ${first.term.status}`, file, row.line);
        } else {
          diag('TERM_DUPLICATE', `term "${text}" (${primary}) of concept ${conceptId} is already at ${where(first)}: skipped`, file, row.line);
        }
        continue;
      }
      seenHere.push(seen);
      concept.terms.push(term);

      // Every earlier occurrence of the key is in another concept (a concept holds a key once), so the first one is
      // the one to name.
      const other = byKey.get(key);
      if (other) {
        diag('TERM_IN_TWO_CONCEPTS', `term "${text}" (${primary}) is in concept ${conceptId} and also in concept ${other.conceptId} at ${where(other)}: merge the concepts or tell them apart`, file, row.line);
      } else byKey.set(key, seen);
    }
  }

  const concepts: Concept[] = [];
  for (const state of states.values()) {
    const concept = state.concept;
    concepts.push(concept);
    // Two preferred terms in one primary language? (state.seen runs parallel to concept.terms, with each primary.)
    const seen = state.seen;
    let clash = false;
    for (let i = 1; i < seen.length && !clash; i++) {
      if (seen[i].term.status !== 'preferred') continue;
      for (let j = 0; j < i; j++) {
        if (seen[j].term.status === 'preferred' && seen[j].primary === seen[i].primary) {
          clash = true;
          break;
        }
      }
    }
    if (!clash) continue;
    // per primary language: how many preferred terms, and where the first was loaded
    const preferredByLang = new Map<string, { n: number; at: Seen }>();
    for (const x of seen) {
      if (x.term.status !== 'preferred') continue;
      const p = preferredByLang.get(x.primary);
      if (p) p.n++;
      else preferredByLang.set(x.primary, { n: 1, at: x });
    }
    for (const [lang, { n, at }] of preferredByLang) {
      if (n > 1) {
        diagnostics.push({
          code: 'TERM_MANY_PREFERRED',
          message: `concept ${concept.id} has ${n} preferred ${lang} terms; checks will accept any of them`,
          severity: 'info',
          file: at.file,
          ...(at.line !== undefined ? { line: at.line } : {}),
        });
      }
    }
  }
  return { termBase: { concepts }, diagnostics };
}

/** Set a concept field (domain, definition, note) from a row, or report a value that differs from the first one. */
function setField(
  state: ConceptState,
  field: 'domain' | 'definition' | 'note',
  raw: string,
  seen: Seen,
  diag: (code: string, message: string, file: string, line: number | undefined) => void,
): void {
  const v = raw.trim();
  if (!v) return;
  const concept = state.concept;
  const atKey = field === 'domain' ? 'domainAt' : field === 'definition' ? 'definitionAt' : 'noteAt';
  if (concept[field] === undefined) {
    concept[field] = v;
    state[atKey] = seen;
  } else if (concept[field] !== v) {
    diag('CONCEPT_FIELD_CONFLICT', `concept ${seen.conceptId} has ${field} "${v}" here but "${concept[field]}" at ${where(state[atKey]!)}: kept the first`, seen.file, seen.line);
  }
}

/** Preferred (else admitted, else any non-deprecated) terms of a concept in a language. */
export function preferredTerms(concept: Concept, lang: Lang): Term[] {
  const p = primaryLanguage(lang);
  const inLang = concept.terms.filter((t) => primaryLanguage(t.lang) === p);
  for (const want of [['preferred'], ['admitted'], ['superseded']] as TermStatus[][]) {
    const found = inLang.filter((t) => want.includes(t.status));
    if (found.length) return found;
  }
  return [];
}

/** Stable, readable concept id from a term: "Silk Road e-commerce" → "silk-road-e-commerce". */
export function conceptIdFor(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60).replace(/-+$/, '') || 'concept';
}
